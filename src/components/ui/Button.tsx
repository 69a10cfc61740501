import type { ButtonHTMLAttributes } from 'react';
import styles from './Button.module.css';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'default' | 'primary' | 'danger' | 'ghost';
  size?: 'normal' | 'small';
}

export function Button({ variant = 'default', size = 'normal', className, type = 'button', ...props }: ButtonProps) {
  const classes = [styles.button, variant !== 'default' && styles[variant], size === 'small' && styles.small, className]
    .filter(Boolean)
    .join(' ');
  return <button type={type} className={classes} {...props} />;
}

/** For links that look like buttons (react-router's Link takes the same class). */
export const buttonClass = (variant: ButtonProps['variant'] = 'default') =>
  [styles.button, variant !== 'default' && styles[variant]].filter(Boolean).join(' ');
