import type { FieldChange } from '../story/changes';
import type { StoryFields } from '../story/fields';

/** One entry of a story's history: the last revision of a run of saves by one person. */
export interface HistoryEntry {
  revision: number;
  /** The first revision the entry stands for (equal to `revision` for a single save). */
  fromRevision: number;
  savedAt: string;
  savedBy: { id: string; name: string };
  /** "Restored from revision 4", when the revision was made that way. */
  note: string | null;
  /** Workflow moves made at this revision ("Submitted", "Published" …). */
  checkpoints: string[];
  /** True when readers see this revision. */
  live: boolean;
}

export interface HistoryResponse {
  items: HistoryEntry[];
}

/** One revision's fields. */
export interface RevisionResponse {
  revision: number;
  savedAt: string;
  savedBy: { id: string; name: string };
  fields: StoryFields;
}

/** What changed from one revision to another, field by field (unchanged fields left out). */
export interface RevisionComparison {
  from: number;
  to: number;
  changes: FieldChange[];
}
