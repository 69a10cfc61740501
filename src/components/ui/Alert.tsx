import type { ReactNode } from 'react';
import styles from './Alert.module.css';

interface AlertProps {
  tone?: 'error' | 'warning' | 'success' | 'info';
  children: ReactNode;
  className?: string;
}

/** A message block. Errors and warnings are announced at once; the rest politely. */
export function Alert({ tone = 'info', children, className }: AlertProps) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div role={urgent ? 'alert' : 'status'} className={[styles.alert, styles[tone], className].filter(Boolean).join(' ')}>
      {children}
    </div>
  );
}
