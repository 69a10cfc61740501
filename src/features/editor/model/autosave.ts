import type { ConflictDetails, SavedStory, Story } from '../../../domain/api/stories';
import type { StoryFields } from '../../../domain/story/fields';
import { ApiError } from '../../../lib/api-client';

export type FieldName = keyof StoryFields;
export type FieldChanges = Partial<StoryFields>;

/** What the status line shows. */
export type SaveState =
  | { kind: 'saved'; savedAt: string | null }
  /** Changes wait for a pause in typing. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** A save failed in a way that may pass (server fault, session ended); it is tried again. */
  | { kind: 'retrying'; message: string }
  /** The server cannot be reached: the changes wait in the journal on this device and are sent when it can be. */
  | { kind: 'offline'; count: number }
  /** The server refused the save; it is tried again after the next change. */
  | { kind: 'failed'; message: string }
  /** Someone else changed the same words; the person chooses, item by item, whose version stands. */
  | { kind: 'conflict'; server: Story; details: ConflictDetails };

/** Where unsent changes are kept on this device (see lib/journal). */
export interface AutosaveJournal {
  write: (baseRevision: number, changes: FieldChanges, count: number) => Promise<void>;
  clear: () => Promise<void>;
}

export interface AutosaveOptions {
  /** The revision the editor's content was loaded at. */
  revision: number;
  /** Sends changed fields made on `baseRevision`; resolves with the saved story. */
  send: (changes: FieldChanges, baseRevision: number) => Promise<SavedStory>;
  /** Reads a field at save time, for fields too costly to copy on every change (the body). */
  read: <F extends FieldName>(field: F) => StoryFields[F];
  onState: (state: SaveState) => void;
  /** An accepted save, with what was sent (a merged save also holds other people's changes). */
  onSaved?: (story: SavedStory, sent: FieldChanges) => void;
  journal?: AutosaveJournal;
  /** Write the journal this long after the last change (and before every save). */
  journalDelayMs?: number;
  /** Save this long after the last change… */
  debounceMs?: number;
  /** …and at least this often while changes keep coming. */
  maxWaitMs?: number;
  /** Waits between retries of a failed save; the last one repeats. */
  retryDelaysMs?: number[];
}

export const SAVE_MESSAGES = {
  retrying: 'Not saved — retrying',
  sessionEnded: 'Not saved — your session has ended. Log in again in another tab; your changes are kept here.',
} as const;

/**
 * Decides when to save a story and what to send, so that no change is ever dropped: each field
 * change gets a version, a save sends what is dirty at that moment, and only fields that have
 * not changed again since are marked clean when the server accepts it. One save is in flight
 * at a time; changes made meanwhile go in the next one.
 */
export class AutosaveController {
  private revision: number;
  private readonly dirty = new Map<FieldName, number>();
  private readonly values = new Map<FieldName, unknown>();
  private version = 0;
  private state: SaveState = { kind: 'saved', savedAt: null };
  private inFlight: Promise<void> | null = null;
  private saveAgain = false;
  private failures = 0;
  private debounceTimer: ReturnType<typeof setTimeout> | undefined;
  private maxWaitTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Edits not yet acknowledged, and how many of them the save in flight carries. */
  private unsent = 0;
  private unsentInFlight = 0;
  private journalTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly journalDelayMs: number;
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly retryDelaysMs: number[];

  constructor(private readonly options: AutosaveOptions) {
    this.revision = options.revision;
    this.debounceMs = options.debounceMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
    this.retryDelaysMs = options.retryDelaysMs ?? [1000, 2000, 5000, 10_000];
    this.journalDelayMs = options.journalDelayMs ?? 300;
  }

  get currentState(): SaveState {
    return this.state;
  }

  get baseRevision(): number {
    return this.revision;
  }

  /** True while anything typed has not been acknowledged by the server. */
  hasUnsaved(): boolean {
    return this.dirty.size > 0 || this.inFlight !== null;
  }

  /**
   * Records a change. Pass the value for small fields; leave it out to have it read at save time.
   */
  change<F extends FieldName>(field: F, value?: StoryFields[F]): void {
    if (this.disposed) return;
    this.dirty.set(field, ++this.version);
    this.unsent++;
    if (value === undefined) this.values.delete(field);
    else this.values.set(field, value);
    this.armJournal();
    if (this.state.kind === 'conflict') return; // keep collecting; the person decides first
    if (this.state.kind === 'offline') this.setState({ kind: 'offline', count: this.unsent });
    if (this.state.kind === 'saved' || this.state.kind === 'failed') this.setState({ kind: 'pending' });
    if (this.state.kind !== 'retrying' && this.state.kind !== 'offline') this.arm();
  }

  /**
   * Changes made before (kept in the journal, or chosen in a conflict) that the server does not
   * have: saved like fresh ones. The body is read from the editor, which already shows it.
   */
  restore(changes: FieldChanges, count: number): void {
    const fields = Object.keys(changes) as FieldName[];
    for (const field of fields) this.change(field, field === 'body' ? undefined : (changes[field] as never));
    this.unsent = Math.max(count, fields.length);
    if (this.state.kind === 'offline') this.setState({ kind: 'offline', count: this.unsent });
  }

  /** Writes the journal now (after restoring another editor's changes, before its entry goes). */
  saveJournalNow(): Promise<void> {
    return this.writeJournal(this.collect(this.dirty.keys()));
  }

  /**
   * Someone else's save, taken in with a save of ours, changed what was typed here since it went
   * out: the person chooses, as after a conflict the server found.
   */
  raiseConflict(details: ConflictDetails): void {
    this.clearTimers();
    this.setState({ kind: 'conflict', server: details.story, details });
  }

  /** The connection is back: send now rather than at the next retry. */
  retryNow(): void {
    if (this.state.kind === 'retrying' || this.state.kind === 'offline') void this.saveNow();
  }

  /**
   * Other people's saves were taken into the editor and nothing here is unsaved: later saves
   * are made on their revision.
   */
  adoptRevision(revision: number): boolean {
    if (this.hasUnsaved() || revision <= this.revision || this.state.kind === 'conflict') return false;
    this.revision = revision;
    return true;
  }

  /** Saves now and resolves true once everything is saved (false if it could not be). */
  async flush(): Promise<boolean> {
    for (let round = 0; round < 5 && this.hasUnsaved() && this.state.kind !== 'conflict'; round++) {
      if (this.inFlight) await this.inFlight;
      else await this.saveNow();
      if (this.state.kind === 'retrying' || this.state.kind === 'offline' || this.state.kind === 'failed') return false;
    }
    return !this.hasUnsaved();
  }

  /**
   * After a conflict the editor starts again from the server's story with the person's choices
   * on top (a new controller): this one lets go of everything without sending it.
   */
  abandon(): void {
    this.dirty.clear();
    this.values.clear();
    this.unsent = 0;
    this.dispose();
  }

  /** Stops all timers; nothing more is sent. A journal write that was waiting is made now. (React's strict mode may `resume` it again.) */
  dispose(): void {
    if (this.journalTimer !== undefined && this.dirty.size > 0) void this.writeJournal(this.collect(this.dirty.keys()));
    this.disposed = true;
    this.clearTimers();
  }

  resume(): void {
    this.disposed = false;
    if (this.dirty.size > 0 && this.state.kind === 'pending') this.arm();
  }

  private setState(state: SaveState) {
    this.state = state;
    this.options.onState(state);
  }

  private arm() {
    clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => void this.saveNow(), this.debounceMs);
    this.maxWaitTimer ??= setTimeout(() => void this.saveNow(), this.maxWaitMs);
  }

  private clearTimers() {
    clearTimeout(this.debounceTimer);
    clearTimeout(this.maxWaitTimer);
    clearTimeout(this.retryTimer);
    clearTimeout(this.journalTimer);
    this.debounceTimer = this.maxWaitTimer = this.retryTimer = this.journalTimer = undefined;
  }

  /** The dirty fields as they now are (the body read from the editor: one serialisation). */
  private collect(fields: Iterable<FieldName>): FieldChanges {
    const changes: Record<string, unknown> = {};
    for (const field of fields) changes[field] = this.values.has(field) ? this.values.get(field) : this.options.read(field);
    return changes as FieldChanges;
  }

  private armJournal() {
    if (!this.options.journal) return;
    clearTimeout(this.journalTimer);
    this.journalTimer = setTimeout(() => void this.writeJournal(this.collect(this.dirty.keys())), this.journalDelayMs);
  }

  private async writeJournal(changes: FieldChanges): Promise<void> {
    clearTimeout(this.journalTimer);
    this.journalTimer = undefined;
    if (!this.options.journal || Object.keys(changes).length === 0) return;
    // The journal is a safety net: failing to write it must not stop the save itself.
    await this.options.journal.write(this.revision, changes, this.unsent).catch(() => undefined);
  }

  private async saveNow(): Promise<void> {
    if (this.disposed) return;
    this.clearTimers();
    if (this.inFlight) {
      this.saveAgain = true;
      return;
    }
    if (this.dirty.size === 0 || this.state.kind === 'conflict') return;

    const sent = new Map(this.dirty);
    const changes = this.collect(sent.keys());
    this.unsentInFlight = this.unsent;
    if (this.state.kind !== 'offline') this.setState({ kind: 'saving' });

    // Kept on this device before it goes out, so a crash mid-save loses nothing.
    this.inFlight = this.writeJournal(changes)
      .then(() => this.options.send(changes, this.revision))
      .then(
        (story) => this.onAccepted(story, sent, changes),
        (error: unknown) => this.onRefused(error),
      );
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    if (this.disposed) return;
    if (this.saveAgain && this.dirty.size > 0 && this.state.kind === 'pending') {
      this.saveAgain = false;
      await this.saveNow();
    }
    this.saveAgain = false;
  }

  private onAccepted(story: SavedStory, sent: Map<FieldName, number>, changes: FieldChanges) {
    this.revision = story.revision;
    this.failures = 0;
    this.unsent = Math.max(0, this.unsent - this.unsentInFlight);
    // Only what has not changed again since it was sent is now safe.
    for (const [field, version] of sent) {
      if (this.dirty.get(field) === version) {
        this.dirty.delete(field);
        this.values.delete(field);
      }
    }
    this.options.onSaved?.(story, changes);
    if (this.state.kind === 'conflict') return; // raised while taking in the answer
    if (this.dirty.size === 0) {
      this.unsent = 0;
      void this.options.journal?.clear().catch(() => undefined);
      this.setState({ kind: 'saved', savedAt: story.updatedAt });
    } else {
      this.armJournal();
      this.setState({ kind: 'pending' });
      this.arm();
    }
  }

  private onRefused(error: unknown) {
    if (error instanceof ApiError && error.code === 'conflict') {
      const details = error.details as ConflictDetails | undefined;
      if (details?.story) {
        this.setState({ kind: 'conflict', server: details.story, details });
        return;
      }
    }
    const sessionEnded = error instanceof ApiError && error.status === 401;
    const offline = !(error instanceof ApiError) || error.code === 'network';
    const transient = !(error instanceof ApiError) || error.isTransient;
    if (sessionEnded || transient) {
      const delay = this.retryDelaysMs[Math.min(this.failures, this.retryDelaysMs.length - 1)];
      this.failures++;
      if (offline) this.setState({ kind: 'offline', count: this.unsent });
      else this.setState({ kind: 'retrying', message: sessionEnded ? SAVE_MESSAGES.sessionEnded : SAVE_MESSAGES.retrying });
      this.retryTimer = setTimeout(() => void this.saveNow(), delay);
      return;
    }
    this.setState({ kind: 'failed', message: `Not saved — ${(error as ApiError).message}` });
  }
}
