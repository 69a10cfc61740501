import { useId, type ComponentProps, type ReactNode } from 'react';
import styles from './Field.module.css';

interface FieldFrameProps {
  label: string;
  /** A fixed id for the control (to jump to it); generated otherwise. */
  id?: string;
  hint?: ReactNode;
  error?: string | null;
  /** Characters used, shown against a recommended length. */
  count?: { used: number; recommended: number };
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}

/** Label, control, hint, error and an optional character counter, wired for screen readers. */
function FieldFrame({ label, id: fixedId, hint, error, count, children }: FieldFrameProps) {
  const generatedId = useId();
  const id = fixedId ?? generatedId;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={styles.field}>
      <div className={styles.labelRow}>
        <label className={styles.label} htmlFor={id}>
          {label}
        </label>
        {count && (
          <span className={count.used > count.recommended ? `${styles.counter} ${styles.counterOver}` : styles.counter}>
            {count.used}/{count.recommended}
          </span>
        )}
      </div>
      {children({ id, describedBy })}
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className={styles.error} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

type Common = Omit<FieldFrameProps, 'children'>;

/** The look of a field's label and control, for custom controls (a combobox) that sit among fields. */
export const fieldClasses = { label: styles.label, control: styles.control };

export function TextField({ label, id, hint, error, count, ...input }: Common & ComponentProps<'input'>) {
  return (
    <FieldFrame label={label} id={id} hint={hint} error={error} count={count}>
      {({ id, describedBy }) => (
        <input id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className={styles.control} {...input} />
      )}
    </FieldFrame>
  );
}

export function TextAreaField({ label, id, hint, error, count, ...textarea }: Common & ComponentProps<'textarea'>) {
  return (
    <FieldFrame label={label} id={id} hint={hint} error={error} count={count}>
      {({ id, describedBy }) => (
        <textarea id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} className={styles.control} {...textarea} />
      )}
    </FieldFrame>
  );
}

export function SelectField({ label, id, hint, error, children, ...select }: Common & ComponentProps<'select'>) {
  return (
    <FieldFrame label={label} id={id} hint={hint} error={error}>
      {({ id, describedBy }) => (
        <select id={id} aria-describedby={describedBy} className={styles.control} {...select}>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
