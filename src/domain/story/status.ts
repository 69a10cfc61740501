/**
 * Workflow states of a story. `draft → submitted → ready → approved → published`,
 * with `scheduled` (approved with a time), `unpublished` (taken down) and `spiked` (archived).
 */
export const STORY_STATUSES = [
  'draft',
  'submitted',
  'ready',
  'approved',
  'scheduled',
  'published',
  'unpublished',
  'spiked',
] as const;

export type StoryStatus = (typeof STORY_STATUSES)[number];

export const STATUS_LABELS: Record<StoryStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  ready: 'Ready',
  approved: 'Approved',
  scheduled: 'Scheduled',
  published: 'Published',
  unpublished: 'Unpublished',
  spiked: 'Spiked',
};

/** States in which the public site shows the story's live revision. */
export function isLive(status: StoryStatus): boolean {
  return status === 'published';
}
