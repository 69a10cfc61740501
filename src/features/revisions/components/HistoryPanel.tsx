import { useState } from 'react';
import { Button } from '../../../components/ui/Button';
import type { HistoryEntry } from '../../../domain/api/history';
import { dateTime, timeAgo } from '../../../lib/format';
import { useRevisionComparison } from '../api/compare-revisions';
import { useRevisions } from '../api/list-revisions';
import styles from './HistoryPanel.module.css';
import { WordDiff } from './WordDiff';

interface HistoryPanelProps {
  storyId: string;
  /** The story's revision now: the newest entry, and what comparisons default to. */
  revision: number;
  canRestore: boolean;
  /** Put this revision back (the editor saves what is open first, then reloads). */
  onRestore: (revision: number) => void;
  restoring: boolean;
  sectionClass: string;
}

function RevisionSelect({ label, entries, value, onChange }: { label: string; entries: HistoryEntry[]; value: number | null; onChange: (revision: number) => void }) {
  return (
    <label>
      {label}
      <select value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
        {entries.map((entry) => (
          <option key={entry.revision} value={entry.revision}>
            {entry.revision} — {entry.savedBy.name}
          </option>
        ))}
      </select>
    </label>
  );
}

const entryLabel = (entry: HistoryEntry) =>
  entry.fromRevision === entry.revision ? `Revision ${entry.revision}` : `Revisions ${entry.fromRevision}–${entry.revision}`;

/**
 * The story's history: every accepted save (a run of saves by one person within minutes is one
 * entry), workflow moves as checkpoints, a word-level comparison between any two entries, and
 * restore as a new revision.
 */
export function HistoryPanel({ storyId, revision, canRestore, onRestore, restoring, sectionClass }: HistoryPanelProps) {
  const [open, setOpen] = useState(false);
  const history = useRevisions(storyId, revision, open);
  const entries = history.data ?? [];
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const latest = entries[0]?.revision ?? null;
  const compareFrom = from ?? entries[1]?.revision ?? null;
  const compareTo = to ?? latest;
  const comparison = useRevisionComparison(storyId, compareFrom, compareTo);

  return (
    <section aria-label="History" className={sectionClass}>
      <details className={styles.history} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>History</summary>
        {history.isPending ? (
          <p className={styles.muted}>Loading…</p>
        ) : history.isError ? (
          <p className={styles.muted}>Could not load the history: {history.error.message}</p>
        ) : (
          <>
            <ol className={styles.entries} aria-label="Revisions, newest first">
              {entries.map((entry) => (
                <li key={entry.revision} className={styles.entry}>
                  <strong>{entryLabel(entry)}</strong>{' '}
                  <span className={styles.muted}>
                    {entry.savedBy.name}, <time dateTime={entry.savedAt} title={dateTime(entry.savedAt)}>{timeAgo(entry.savedAt)}</time>
                  </span>
                  <div>
                    {entry.live && <span className={styles.tag}>Live</span>}
                    {entry.checkpoints.map((checkpoint) => (
                      <span key={checkpoint} className={styles.tag}>
                        {checkpoint}
                      </span>
                    ))}
                    {entry.note && <span className={styles.muted}>{entry.note}</span>}
                  </div>
                  <div className={styles.entryActions}>
                    {entry.revision !== latest && (
                      <Button
                        size="small"
                        variant="ghost"
                        aria-label={`Compare revision ${entry.revision} with the latest`}
                        onClick={() => {
                          setFrom(entry.revision);
                          setTo(latest);
                        }}
                      >
                        Compare
                      </Button>
                    )}
                    {canRestore && entry.revision !== latest && (
                      <Button size="small" variant="ghost" aria-label={`Restore revision ${entry.revision}`} disabled={restoring} onClick={() => onRestore(entry.revision)}>
                        Restore
                      </Button>
                    )}
                  </div>
                </li>
              ))}
            </ol>
            {entries.length > 1 && (
              <div className={styles.compare}>
                <RevisionSelect label="Compare from" entries={entries} value={compareFrom} onChange={setFrom} />
                <RevisionSelect label="to" entries={entries} value={compareTo} onChange={setTo} />
              </div>
            )}
            {compareFrom !== null && compareTo !== null && compareFrom !== compareTo && (
              <div aria-live="polite" aria-label={`Changes from revision ${compareFrom} to ${compareTo}`} role="region">
                {comparison.isPending ? (
                  <p className={styles.muted}>Comparing…</p>
                ) : comparison.isError ? (
                  <p className={styles.muted}>Could not compare: {comparison.error.message}</p>
                ) : comparison.data.changes.length === 0 ? (
                  <p className={styles.muted}>No visible differences.</p>
                ) : (
                  <WordDiff changes={comparison.data.changes} />
                )}
              </div>
            )}
          </>
        )}
      </details>
    </section>
  );
}
