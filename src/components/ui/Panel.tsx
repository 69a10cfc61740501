import { Fragment, type ComponentProps, type ReactNode } from 'react';
import styles from './Panel.module.css';

/** The class of a side panel's heading, for components that take one. */
export const panelHeadingClass = styles.heading;

/** The small capitalised heading of a side panel ("Details", "Lead photo"). */
export function PanelHeading({ className, ...props }: ComponentProps<'h2'>) {
  return <h2 className={[styles.heading, className].filter(Boolean).join(' ')} {...props} />;
}

/** Facts as label–value pairs ("Status", "Slug", "File", "Size"). */
export function Facts({ items }: { items: Array<[label: string, value: ReactNode]> }) {
  return (
    <dl className={styles.facts}>
      {items.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
