import type { ReactNode, Ref } from 'react';
import styles from './Alert.module.css';

interface AlertProps {
  tone?: 'error' | 'warning' | 'success' | 'info';
  children: ReactNode;
  className?: string;
  /** For moving focus to an alert that asks for a decision. */
  ref?: Ref<HTMLDivElement>;
}

/** A message block. Errors and warnings are announced at once; the rest politely. */
export function Alert({ tone = 'info', children, className, ref }: AlertProps) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div ref={ref} tabIndex={ref ? -1 : undefined} role={urgent ? 'alert' : 'status'} className={[styles.alert, styles[tone], className].filter(Boolean).join(' ')}>
      {children}
    </div>
  );
}
