/** One field's difference between two versions of a story, as runs of kept, added and removed text. */
export interface FieldChange {
  field: 'headline' | 'standfirst' | 'byline' | 'dateline' | 'section' | 'tags' | 'seoTitle' | 'seoDescription' | 'body' | 'photos' | 'links';
  label: string;
  parts: Array<{ value: string; added?: boolean; removed?: boolean }>;
}

export interface PendingChangesResponse {
  /** The revision readers see, and the working copy's. */
  liveRevision: number;
  revision: number;
  changes: FieldChange[];
}
