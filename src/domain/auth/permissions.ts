import type { Role } from './roles';
import type { StoryStatus } from '../story/status';
import { findTransition, transitionsFrom, type Transition } from '../story/workflow';

/** The least the permission rules need to know about a user. */
export interface Actor {
  id: string;
  role: Role;
}

/** The least the permission rules need to know about a story. */
export interface StoryAccessFacts {
  status: StoryStatus;
  authorIds: readonly string[];
}

export type Action =
  | 'story:create'
  | 'story:list'
  | 'story:view'
  /** Change the story's text: headline, standfirst, metadata, body. */
  | 'story:edit'
  /** Change the lead photo and the caption, credit and alt text of figures. */
  | 'story:editPhotos'
  /** Make the pending changes of a published story live (a correction). */
  | 'story:publishUpdate'
  /** See the photo library (to pick photos for stories). */
  | 'photos:view'
  /** Add photos to the library (from the library or straight into a story). */
  | 'photos:upload'
  /** Edit the library's caption, credit, creator, copyright and alt text. */
  | 'photos:manage'
  | 'users:manage';

const EDITORIAL: readonly Role[] = ['reporter', 'editor', 'photo_editor', 'chief_editor'];
const DESK: readonly Role[] = ['editor', 'chief_editor'];

function isAuthor(user: Actor, story: StoryAccessFacts): boolean {
  return story.authorIds.includes(user.id);
}

/** A reporter works on their own copy until the desk has it. */
const REPORTER_EDITABLE: readonly StoryStatus[] = ['draft', 'submitted'];

/**
 * The one permissions module. The server's guards call it on every request; the SPA calls it
 * to hide or disable controls. Object-level actions need the story.
 */
export function can(user: Actor | null | undefined, action: Action, story?: StoryAccessFacts): boolean {
  if (!user) return false;
  const { role } = user;
  switch (action) {
    case 'story:create':
      return role === 'reporter' || DESK.includes(role);
    case 'story:list':
      return EDITORIAL.includes(role);
    case 'story:view':
      if (!story || !EDITORIAL.includes(role)) return false;
      // Drafts are the reporter's own working copy until submitted.
      if (role === 'reporter') return isAuthor(user, story) || story.status !== 'draft';
      return true;
    case 'story:edit':
      if (!story || story.status === 'spiked') return false;
      if (DESK.includes(role)) return true;
      if (role === 'reporter') return isAuthor(user, story) && REPORTER_EDITABLE.includes(story.status);
      return false;
    case 'story:editPhotos':
      if (!story || story.status === 'spiked') return false;
      if (role === 'photo_editor') return true;
      return can(user, 'story:edit', story);
    case 'story:publishUpdate':
      return role === 'chief_editor' && story?.status === 'published';
    case 'photos:view':
    case 'photos:upload':
      return EDITORIAL.includes(role);
    case 'photos:manage':
      return role === 'photo_editor' || DESK.includes(role);
    case 'users:manage':
      return role === 'admin';
  }
}

/** May this user move this story to `to`? Reporters only move their own stories. */
export function canTransition(user: Actor | null | undefined, story: StoryAccessFacts, to: StoryStatus): boolean {
  if (!user) return false;
  const transition = findTransition(story.status, to);
  if (!transition || !transition.roles.includes(user.role)) return false;
  if (user.role === 'reporter') return isAuthor(user, story);
  return true;
}

/** The moves this user may make from the story's current state (for the workflow buttons). */
export function allowedTransitions(user: Actor | null | undefined, story: StoryAccessFacts): Transition[] {
  return transitionsFrom(story.status).filter((t) => canTransition(user, story, t.to));
}
