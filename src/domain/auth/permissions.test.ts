import { describe, expect, it } from 'vitest';
import { STORY_STATUSES, type StoryStatus } from '../story/status';
import { TRANSITIONS } from '../story/workflow';
import { allowedTransitions, can, canTransition, type Action, type Actor } from './permissions';
import { ROLES, type Role } from './roles';

const user = (role: Role, id = `${role}-1`): Actor => ({ id, role });
const story = (status: StoryStatus, authorIds = ['reporter-1']) => ({ status, authorIds });

describe('can: account-level actions', () => {
  const table: Record<Exclude<Action, 'story:view' | 'story:edit' | 'story:editPhotos' | 'story:publishUpdate'>, Role[]> = {
    'story:create': ['reporter', 'editor', 'chief_editor'],
    'story:list': ['reporter', 'editor', 'photo_editor', 'chief_editor'],
    'photos:view': ['reporter', 'editor', 'photo_editor', 'chief_editor'],
    'photos:upload': ['reporter', 'editor', 'photo_editor', 'chief_editor'],
    'photos:manage': ['editor', 'photo_editor', 'chief_editor'],
    'users:manage': ['admin'],
  };
  for (const [action, allowed] of Object.entries(table)) {
    it.each(ROLES)(`${action} for %s`, (role) => {
      expect(can(user(role), action as Action)).toBe(allowed.includes(role));
    });
  }

  it('allows nothing to nobody', () => {
    expect(can(null, 'story:list')).toBe(false);
    expect(can(undefined, 'story:view', story('published'))).toBe(false);
  });
});

describe('can: story-level actions', () => {
  it('lets a reporter see their own drafts and anyone’s story once it left draft', () => {
    expect(can(user('reporter'), 'story:view', story('draft'))).toBe(true);
    expect(can(user('reporter', 'reporter-2'), 'story:view', story('draft'))).toBe(false);
    for (const status of STORY_STATUSES.filter((s) => s !== 'draft')) {
      expect(can(user('reporter', 'reporter-2'), 'story:view', story(status))).toBe(true);
    }
  });

  it('shows every story to the desk and the photo desk, none to an administrator', () => {
    for (const status of STORY_STATUSES) {
      for (const role of ['editor', 'chief_editor', 'photo_editor'] as const) expect(can(user(role), 'story:view', story(status))).toBe(true);
      expect(can(user('admin'), 'story:view', story(status))).toBe(false);
    }
  });

  it.each(STORY_STATUSES)('decides who edits the text of a %s story', (status) => {
    const own = status === 'draft' || status === 'submitted';
    expect(can(user('reporter'), 'story:edit', story(status))).toBe(own);
    expect(can(user('reporter', 'reporter-2'), 'story:edit', story(status))).toBe(false);
    expect(can(user('editor'), 'story:edit', story(status))).toBe(status !== 'spiked');
    expect(can(user('chief_editor'), 'story:edit', story(status))).toBe(status !== 'spiked');
    expect(can(user('photo_editor'), 'story:edit', story(status))).toBe(false);
    expect(can(user('admin'), 'story:edit', story(status))).toBe(false);
  });

  it('lets only a chief editor publish the update of a published story', () => {
    for (const role of ROLES) expect(can(user(role), 'story:publishUpdate', story('published'))).toBe(role === 'chief_editor');
    expect(can(user('chief_editor'), 'story:publishUpdate', story('approved'))).toBe(false);
  });

  it('lets the photo desk change photos on any story that is not spiked', () => {
    expect(can(user('photo_editor'), 'story:editPhotos', story('published'))).toBe(true);
    expect(can(user('photo_editor'), 'story:editPhotos', story('spiked'))).toBe(false);
    expect(can(user('reporter'), 'story:editPhotos', story('draft'))).toBe(true);
    expect(can(user('reporter'), 'story:editPhotos', story('ready'))).toBe(false);
  });
});

describe('workflow transitions', () => {
  it('lets a reporter submit only their own draft', () => {
    expect(canTransition(user('reporter'), story('draft'), 'submitted')).toBe(true);
    expect(canTransition(user('reporter', 'reporter-2'), story('draft'), 'submitted')).toBe(false);
    expect(canTransition(user('reporter'), story('submitted'), 'ready')).toBe(false);
  });

  it('keeps approving and publishing for chief editors', () => {
    for (const to of ['approved', 'published', 'scheduled'] as const) {
      for (const t of TRANSITIONS.filter((t) => t.to === to)) {
        expect(canTransition(user('chief_editor'), story(t.from), to)).toBe(true);
        expect(canTransition(user('editor'), story(t.from), to)).toBe(false);
      }
    }
  });

  it('refuses moves the workflow does not have, for everyone', () => {
    for (const role of ROLES) {
      expect(canTransition(user(role), story('draft'), 'published')).toBe(false);
      expect(canTransition(user(role), story('spiked'), 'published')).toBe(false);
    }
  });

  it('asks for a note when sending back, and a time when scheduling', () => {
    expect(TRANSITIONS.filter((t) => t.requiresNote).map((t) => `${t.from}→${t.to}`)).toEqual(['submitted→draft', 'ready→submitted']);
    expect(TRANSITIONS.filter((t) => t.requiresTime).map((t) => t.to)).toEqual(['scheduled']);
  });

  it('lists the moves a role may make from a state', () => {
    expect(allowedTransitions(user('editor'), story('submitted')).map((t) => t.to)).toEqual(['draft', 'ready', 'spiked']);
    expect(allowedTransitions(user('photo_editor'), story('submitted'))).toEqual([]);
  });
});
