import type { Role } from '../auth/roles';
import type { StoryStatus } from './status';

export interface Transition {
  from: StoryStatus;
  to: StoryStatus;
  /** What the move is called on a button. */
  label: string;
  /** Roles that may make the move (a reporter only on their own story; see permissions). */
  roles: readonly Role[];
  /** Sending back must say why. */
  requiresNote?: boolean;
  /** Scheduling needs a time. */
  requiresTime?: boolean;
  /** Approving and publishing run the publish checklist. */
  runsChecklist?: boolean;
}

const DESK = ['editor', 'chief_editor'] as const;
const CHIEF = ['chief_editor'] as const;

/** Every move the workflow allows. Anything not listed is refused. */
export const TRANSITIONS: readonly Transition[] = [
  { from: 'draft', to: 'submitted', label: 'Submit', roles: ['reporter', ...DESK] },
  { from: 'submitted', to: 'draft', label: 'Send back to reporter', roles: DESK, requiresNote: true },
  { from: 'submitted', to: 'ready', label: 'Mark ready', roles: DESK },
  { from: 'ready', to: 'submitted', label: 'Send back to desk', roles: DESK, requiresNote: true },
  { from: 'ready', to: 'approved', label: 'Approve', roles: CHIEF, runsChecklist: true },
  { from: 'approved', to: 'ready', label: 'Withdraw approval', roles: CHIEF },
  { from: 'approved', to: 'published', label: 'Publish', roles: CHIEF, runsChecklist: true },
  { from: 'approved', to: 'scheduled', label: 'Schedule', roles: CHIEF, requiresTime: true, runsChecklist: true },
  { from: 'scheduled', to: 'approved', label: 'Cancel schedule', roles: CHIEF },
  { from: 'scheduled', to: 'published', label: 'Publish now', roles: CHIEF, runsChecklist: true },
  { from: 'published', to: 'unpublished', label: 'Unpublish', roles: CHIEF },
  { from: 'unpublished', to: 'published', label: 'Republish', roles: CHIEF, runsChecklist: true },
  { from: 'draft', to: 'spiked', label: 'Spike', roles: DESK },
  { from: 'submitted', to: 'spiked', label: 'Spike', roles: DESK },
  { from: 'ready', to: 'spiked', label: 'Spike', roles: DESK },
  { from: 'unpublished', to: 'spiked', label: 'Spike', roles: DESK },
  { from: 'spiked', to: 'draft', label: 'Restore to draft', roles: DESK },
];

export function findTransition(from: StoryStatus, to: StoryStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function transitionsFrom(from: StoryStatus): Transition[] {
  return TRANSITIONS.filter((t) => t.from === from);
}
