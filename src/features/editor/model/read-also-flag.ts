import type { StoryRef } from '../../../domain/api/stories';

/** Why a "Read also" target is not fit for readers yet, or null when it is published. */
export function readAlsoFlag(target: StoryRef | null): string | null {
  if (!target) return 'Story not available';
  switch (target.status) {
    case 'published':
      return null;
    case 'spiked':
      return 'Spiked';
    case 'unpublished':
      return 'Unpublished';
    default:
      return 'Not published yet';
  }
}
