import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Story } from '../../../domain/api/stories';
import { emptyDocument } from '../../../domain/document/types';
import { ApiError } from '../../../lib/api-client';
import { AutosaveController, SAVE_MESSAGES, type FieldChanges, type SaveState } from './autosave';

function storyAt(revision: number, fields: FieldChanges = {}): Story {
  return {
    id: 's1',
    slug: 's1',
    status: 'draft',
    headline: '',
    standfirst: '',
    byline: '',
    authorIds: [],
    dateline: '',
    section: null,
    tags: [],
    seoTitle: '',
    seoDescription: '',
    leadPhoto: null,
    body: emptyDocument(),
    revision,
    liveRevision: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: `2026-01-01T00:00:0${revision}.000Z`,
    publishedAt: null,
    scheduledAt: null,
    wordCount: 0,
    ...fields,
  };
}

/** A fake server: records each save and answers when the test says so. */
function fakeServer() {
  const calls: Array<{ changes: FieldChanges; baseRevision: number; resolve: (story: Story) => void; reject: (error: unknown) => void }> = [];
  const send = vi.fn(
    (changes: FieldChanges, baseRevision: number) =>
      new Promise<Story>((resolve, reject) => calls.push({ changes, baseRevision, resolve, reject })),
  );
  return { calls, send };
}

function setup(revision = 1) {
  const server = fakeServer();
  const states: SaveState[] = [];
  let body = { type: 'doc' as const, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }] };
  const read = vi.fn(() => body);
  const controller = new AutosaveController({
    revision,
    send: server.send,
    read: read as never,
    onState: (state) => states.push(state),
  });
  return {
    controller,
    server,
    states,
    read,
    setBody: (text: string) => {
      body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
    },
    last: () => states[states.length - 1],
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('AutosaveController', () => {
  it('saves the changed fields about a second after typing pauses, with the base revision', async () => {
    const { controller, server, last } = setup(3);
    controller.change('headline', 'Ferry');
    controller.change('headline', 'Ferry service');
    expect(last()).toEqual({ kind: 'pending' });
    await vi.advanceTimersByTimeAsync(999);
    expect(server.send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0].changes).toEqual({ headline: 'Ferry service' });
    expect(server.calls[0].baseRevision).toBe(3);
    expect(last()).toEqual({ kind: 'saving' });
    server.calls[0].resolve(storyAt(4, { headline: 'Ferry service' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual({ kind: 'saved', savedAt: storyAt(4).updatedAt });
    expect(controller.hasUnsaved()).toBe(false);
  });

  it('saves at least every ten seconds while typing goes on', async () => {
    const { controller, server } = setup();
    for (let ms = 0; ms < 10_000; ms += 500) {
      controller.change('standfirst', `typing ${ms}`);
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0].changes.standfirst).toBe('typing 9500');
  });

  it('reads the body once per save, not on every change', async () => {
    const { controller, server, read, setBody } = setup();
    for (let i = 0; i < 50; i++) controller.change('body');
    setBody('latest words');
    await vi.advanceTimersByTimeAsync(1000);
    expect(read).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(server.calls[0].changes.body)).toContain('latest words');
  });

  it('keeps changes made while a save is in flight and sends them next, on the new revision', async () => {
    const { controller, server, last } = setup(1);
    controller.change('headline', 'One');
    await vi.advanceTimersByTimeAsync(1000);
    controller.change('headline', 'One two'); // typed while the first save is on its way
    controller.change('byline', 'Wire');
    server.calls[0].resolve(storyAt(2, { headline: 'One' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.hasUnsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]).toMatchObject({ changes: { headline: 'One two', byline: 'Wire' }, baseRevision: 2 });
    server.calls[1].resolve(storyAt(3));
    await vi.advanceTimersByTimeAsync(0);
    expect(last().kind).toBe('saved');
    expect(controller.hasUnsaved()).toBe(false);
  });

  it('retries after a lost connection and loses nothing typed meanwhile', async () => {
    const { controller, server, last } = setup(1);
    controller.change('headline', 'Offline');
    await vi.advanceTimersByTimeAsync(1000);
    server.calls[0].reject(new ApiError(0, 'network', 'Cannot reach the server'));
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual({ kind: 'offline', count: 1 });
    controller.change('standfirst', 'typed while offline');
    expect(last()).toEqual({ kind: 'offline', count: 2 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1].changes).toEqual({ headline: 'Offline', standfirst: 'typed while offline' });
    server.calls[1].reject(new ApiError(503, 'internal', 'down'));
    await vi.advanceTimersByTimeAsync(0);
    expect(last().kind).toBe('retrying');
    await vi.advanceTimersByTimeAsync(2000);
    expect(server.calls).toHaveLength(3);
    server.calls[2].resolve(storyAt(2));
    await vi.advanceTimersByTimeAsync(0);
    expect(last().kind).toBe('saved');
  });

  it('says the session has ended on a 401 and keeps trying', async () => {
    const { controller, server, last } = setup();
    controller.change('headline', 'x');
    await vi.advanceTimersByTimeAsync(1000);
    server.calls[0].reject(new ApiError(401, 'unauthenticated', 'Log in to continue'));
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual({ kind: 'retrying', message: SAVE_MESSAGES.sessionEnded });
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls).toHaveLength(2);
  });

  it('stops on a refused save with the server’s message, and tries again after the next change', async () => {
    const { controller, server, last } = setup();
    controller.change('headline', 'x'.repeat(400));
    await vi.advanceTimersByTimeAsync(1000);
    server.calls[0].reject(new ApiError(400, 'validation_failed', 'headline: Headline can be at most 300 characters'));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(last()).toEqual({ kind: 'failed', message: 'Not saved — headline: Headline can be at most 300 characters' });
    expect(server.calls).toHaveLength(1);
    controller.change('headline', 'short');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1].changes).toEqual({ headline: 'short' });
  });

  it('on a conflict keeps the changes, sends nothing more, and lets go of them only when abandoned', async () => {
    const { controller, server, last } = setup(1);
    controller.change('headline', 'Mine');
    await vi.advanceTimersByTimeAsync(1000);
    const theirs = storyAt(5, { headline: 'Theirs' });
    const details = { currentRevision: 5, story: theirs, base: null, conflicts: ['headline'] };
    server.calls[0].reject(new ApiError(409, 'conflict', 'stale', details));
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toEqual({ kind: 'conflict', server: theirs, details });
    controller.change('standfirst', 'more of mine');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(server.calls).toHaveLength(1);
    expect(controller.hasUnsaved()).toBe(true);
    expect(await controller.flush()).toBe(false);
    // The editor starts again from the choices made; this controller sends nothing more.
    controller.abandon();
    expect(controller.hasUnsaved()).toBe(false);
    controller.change('byline', 'after');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(server.calls).toHaveLength(1);
  });

  it('writes the journal before each save and shortly after typing, and clears it once everything is saved', async () => {
    const server = fakeServer();
    const journal = { write: vi.fn(async () => undefined), clear: vi.fn(async () => undefined) };
    const saved = vi.fn();
    const controller = new AutosaveController({
      revision: 4,
      send: server.send,
      read: (() => ({ type: 'doc', content: [] })) as never,
      onState: () => undefined,
      onSaved: saved,
      journal,
    });
    controller.change('headline', 'Kept');
    expect(journal.write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(journal.write).toHaveBeenLastCalledWith(4, { headline: 'Kept' }, 1);
    controller.change('body');
    await vi.advanceTimersByTimeAsync(1000);
    // The save's own journal entry goes first, with exactly what is sent.
    expect(journal.write).toHaveBeenLastCalledWith(4, { headline: 'Kept', body: { type: 'doc', content: [] } }, 2);
    expect(server.calls).toHaveLength(1);
    expect(journal.clear).not.toHaveBeenCalled();
    const merged = { ...storyAt(6, { headline: 'Kept' }), merged: true as const };
    server.calls[0].resolve(merged);
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toHaveBeenCalledWith(merged, { headline: 'Kept', body: { type: 'doc', content: [] } });
    expect(journal.clear).toHaveBeenCalledTimes(1);
    expect(controller.baseRevision).toBe(6);
  });

  it('stays in conflict when taking in a merged answer finds the words typed since changed by someone else', async () => {
    const server = fakeServer();
    const states: SaveState[] = [];
    let controller: AutosaveController;
    const theirs = { ...storyAt(9, { headline: 'Theirs' }), merged: true as const };
    controller = new AutosaveController({
      revision: 4,
      send: server.send,
      read: (() => ({ type: 'doc', content: [] })) as never,
      onState: (state) => states.push(state),
      onSaved: (saved) => controller.raiseConflict({ currentRevision: saved.revision, story: saved, base: null, conflicts: ['headline'] }),
    });
    controller.change('standfirst', 'sent');
    await vi.advanceTimersByTimeAsync(1000);
    controller.change('headline', 'typed while the save was out');
    server.calls[0].resolve(theirs);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(states.at(-1)).toMatchObject({ kind: 'conflict', server: theirs });
    // What was typed since is kept, and nothing more is sent until the person chooses.
    expect(controller.hasUnsaved()).toBe(true);
    expect(server.calls).toHaveLength(1);
  });

  it('moves on to a newer revision taken in from others only when nothing is unsaved', async () => {
    const { controller, server } = setup(2);
    expect(controller.adoptRevision(5)).toBe(true);
    controller.change('dateline', 'NORTH');
    expect(controller.adoptRevision(7)).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls[0].baseRevision).toBe(5);
  });

  it('flush saves at once and reports whether everything is saved', async () => {
    const { controller, server } = setup();
    controller.change('dateline', 'KESTREL BAY');
    const flushed = controller.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls).toHaveLength(1);
    server.calls[0].resolve(storyAt(2));
    await expect(flushed).resolves.toBe(true);

    controller.change('dateline', 'PORT ALDER');
    const failed = controller.flush();
    await vi.advanceTimersByTimeAsync(0);
    server.calls[1].reject(new ApiError(0, 'network', 'offline'));
    await expect(failed).resolves.toBe(false);
    expect(controller.hasUnsaved()).toBe(true);
  });
});
