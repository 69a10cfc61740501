/** A quiet placeholder while something loads; announced to screen readers. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" style={{ padding: 'var(--space-5)', color: 'var(--color-text-muted)' }}>
      {label}
    </p>
  );
}
