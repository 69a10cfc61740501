import type { Role } from '../../domain/auth/roles';
import type { StoryListFilters } from '../stories/api/query-keys';

export interface DeskView {
  id: string;
  title: string;
  /** What the view is for, under its title. */
  description: string;
  filters: StoryListFilters;
}

const MINE: DeskView = { id: 'mine', title: 'My stories', description: 'Stories you wrote, in every state.', filters: { author: 'me' } };
const DESK: DeskView = {
  id: 'desk',
  title: 'Desk',
  description: 'Submitted by reporters, or ready for the chief editor.',
  filters: { status: 'submitted,ready' },
};
const APPROVAL: DeskView = { id: 'approval', title: 'Approval queue', description: 'Ready stories waiting for approval.', filters: { status: 'ready' } };
const SCHEDULED: DeskView = {
  id: 'scheduled',
  title: 'Approved and scheduled',
  description: 'Approved, or waiting for their time to publish.',
  filters: { status: 'approved,scheduled' },
};

const PHOTO_DESK: DeskView = {
  id: 'photos',
  title: 'Photo desk',
  description: 'Stories whose lead photo or photos lack a caption, credit or alt text.',
  filters: { photos: 'incomplete' },
};

/** The views each role works from. */
export function deskViews(role: Role): DeskView[] {
  switch (role) {
    case 'reporter':
      return [MINE];
    case 'editor':
      return [DESK, MINE];
    case 'chief_editor':
      return [APPROVAL, SCHEDULED, DESK];
    case 'photo_editor':
      return [PHOTO_DESK];
    default:
      return [];
  }
}
