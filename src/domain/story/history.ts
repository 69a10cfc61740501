/**
 * A story's history as people read it. Every accepted save is a revision; saves by one person
 * within a few minutes of each other read as one entry (its last revision), and a workflow
 * move or a restore is a named checkpoint that closes the entry it lands on. The server lists
 * entries with this and, with the same rule, thins out the revisions inside old entries.
 */

export const COALESCE_WINDOW_MS = 5 * 60 * 1000;

export interface RevisionMeta {
  revision: number;
  savedBy: string;
  savedAt: string;
  /** Why the revision exists, when not an ordinary save ("Restored from revision 4"). */
  note: string | null;
}

export interface RevisionGroup<R extends RevisionMeta = RevisionMeta> {
  /** The entry's revision: the last save in it. */
  last: R;
  /** The revisions it stands for, oldest first. */
  revisions: R[];
  /** Checkpoints at its last revision ("Submitted", "Published" …). */
  checkpoints: string[];
}

/** Groups revisions (oldest first) into history entries. `checkpoints` maps a revision to its names. */
export function groupRevisions<R extends RevisionMeta>(rows: R[], checkpoints: ReadonlyMap<number, string[]>): Array<RevisionGroup<R>> {
  const groups: Array<RevisionGroup<R>> = [];
  for (const row of rows) {
    const open = groups.at(-1);
    const joins =
      open !== undefined &&
      open.checkpoints.length === 0 &&
      open.last.note === null &&
      row.note === null &&
      open.last.savedBy === row.savedBy &&
      open.revisions[0].revision !== 1 &&
      Date.parse(row.savedAt) - Date.parse(open.revisions[0].savedAt) <= COALESCE_WINDOW_MS;
    if (joins) {
      open.revisions.push(row);
      open.last = row;
      open.checkpoints = checkpoints.get(row.revision) ?? [];
    } else {
      groups.push({ last: row, revisions: [row], checkpoints: checkpoints.get(row.revision) ?? [] });
    }
  }
  return groups;
}
