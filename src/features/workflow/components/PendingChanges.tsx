import { useState } from 'react';
import { usePendingChanges } from '../api/get-pending-changes';
import { WordDiff } from '../../revisions/components/WordDiff';
import styles from './Workflow.module.css';

/** "What would go live": the live revision against the working copy, word by word. */
export function PendingChanges({ storyId, revision }: { storyId: string; revision: number }) {
  const [open, setOpen] = useState(false);
  const pending = usePendingChanges(storyId, revision, open);
  return (
    <details className={styles.pending} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Show what would go live</summary>
      {pending.isPending ? (
        <p className={styles.muted}>Comparing…</p>
      ) : pending.isError ? (
        <p className={styles.muted}>Could not compare: {pending.error.message}</p>
      ) : pending.data.changes.length === 0 ? (
        <p className={styles.muted}>No visible differences in the text.</p>
      ) : (
        <WordDiff changes={pending.data.changes} />
      )}
    </details>
  );
}
