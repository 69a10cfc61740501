import type { Story } from '../../../domain/api/stories';
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
  /** A save failed in a way that may pass (no connection, server fault, session ended); it is tried again. */
  | { kind: 'retrying'; message: string }
  /** The server refused the save; it is tried again after the next change. */
  | { kind: 'failed'; message: string }
  /** Someone else saved first; the person chooses whose version stands. */
  | { kind: 'conflict'; server: Story };

export interface AutosaveOptions {
  /** The revision the editor's content was loaded at. */
  revision: number;
  /** Sends changed fields made on `baseRevision`; resolves with the saved story. */
  send: (changes: FieldChanges, baseRevision: number) => Promise<Story>;
  /** Reads a field at save time, for fields too costly to copy on every change (the body). */
  read: <F extends FieldName>(field: F) => StoryFields[F];
  onState: (state: SaveState) => void;
  onSaved?: (story: Story) => void;
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
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly retryDelaysMs: number[];

  constructor(private readonly options: AutosaveOptions) {
    this.revision = options.revision;
    this.debounceMs = options.debounceMs ?? 1000;
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
    this.retryDelaysMs = options.retryDelaysMs ?? [1000, 2000, 5000, 10_000];
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
    if (value === undefined) this.values.delete(field);
    else this.values.set(field, value);
    if (this.state.kind === 'conflict') return; // keep collecting; the person decides first
    if (this.state.kind === 'saved' || this.state.kind === 'failed') this.setState({ kind: 'pending' });
    if (this.state.kind !== 'retrying') this.arm();
  }

  /** Saves now and resolves true once everything is saved (false if it could not be). */
  async flush(): Promise<boolean> {
    for (let round = 0; round < 5 && this.hasUnsaved() && this.state.kind !== 'conflict'; round++) {
      if (this.inFlight) await this.inFlight;
      else await this.saveNow();
      if (this.state.kind === 'retrying' || this.state.kind === 'failed') return false;
    }
    return !this.hasUnsaved();
  }

  /**
   * After a conflict: `mine` sends this editor's changed fields on top of the server's revision;
   * `theirs` drops them (the caller loads the server's story into the editor).
   */
  resolveConflict(choice: 'mine' | 'theirs'): void {
    if (this.state.kind !== 'conflict') return;
    const server = this.state.server;
    this.revision = server.revision;
    if (choice === 'theirs') {
      this.dirty.clear();
      this.values.clear();
      this.setState({ kind: 'saved', savedAt: server.updatedAt });
      return;
    }
    this.setState({ kind: 'pending' });
    void this.saveNow();
  }

  /** Stops all timers; nothing more is sent. (React's strict mode may `resume` it again.) */
  dispose(): void {
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
    this.debounceTimer = this.maxWaitTimer = this.retryTimer = undefined;
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
    const changes: Record<string, unknown> = {};
    for (const field of sent.keys()) changes[field] = this.values.has(field) ? this.values.get(field) : this.options.read(field);
    this.setState({ kind: 'saving' });

    this.inFlight = this.options.send(changes as FieldChanges, this.revision).then(
      (story) => this.onAccepted(story, sent),
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

  private onAccepted(story: Story, sent: Map<FieldName, number>) {
    this.revision = story.revision;
    this.failures = 0;
    // Only what has not changed again since it was sent is now safe.
    for (const [field, version] of sent) {
      if (this.dirty.get(field) === version) {
        this.dirty.delete(field);
        this.values.delete(field);
      }
    }
    this.options.onSaved?.(story);
    if (this.dirty.size === 0) {
      this.setState({ kind: 'saved', savedAt: story.updatedAt });
    } else {
      this.setState({ kind: 'pending' });
      this.arm();
    }
  }

  private onRefused(error: unknown) {
    if (error instanceof ApiError && error.code === 'conflict') {
      const server = (error.details as { story?: Story } | undefined)?.story;
      if (server) {
        this.setState({ kind: 'conflict', server });
        return;
      }
    }
    const sessionEnded = error instanceof ApiError && error.status === 401;
    const transient = !(error instanceof ApiError) || error.isTransient;
    if (sessionEnded || transient) {
      const delay = this.retryDelaysMs[Math.min(this.failures, this.retryDelaysMs.length - 1)];
      this.failures++;
      this.setState({ kind: 'retrying', message: sessionEnded ? SAVE_MESSAGES.sessionEnded : SAVE_MESSAGES.retrying });
      this.retryTimer = setTimeout(() => void this.saveNow(), delay);
      return;
    }
    this.setState({ kind: 'failed', message: `Not saved — ${(error as ApiError).message}` });
  }
}
