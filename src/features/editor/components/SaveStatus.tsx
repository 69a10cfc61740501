import { dateTime } from '../../../lib/format';
import type { SaveState } from '../model/autosave';
import { useEditorChrome } from '../store';

export function saveStatusText(state: SaveState | undefined): string {
  switch (state?.kind) {
    case undefined:
    case 'saved':
      return 'Saved';
    case 'pending':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'retrying':
    case 'failed':
      return state.message;
    case 'conflict':
      return 'Not saved — someone else changed this story';
  }
}

/** The save status line, announced politely to screen readers as it changes. */
export function SaveStatus({ storyId }: { storyId: string }) {
  const state = useEditorChrome((chrome) => chrome.saveStates[storyId]);
  const problem = state?.kind === 'retrying' || state?.kind === 'failed' || state?.kind === 'conflict';
  const title = state?.kind === 'saved' && state.savedAt ? `Last saved ${dateTime(state.savedAt)}` : undefined;
  return (
    <span
      role="status"
      aria-live="polite"
      title={title}
      style={{ color: problem ? 'var(--color-danger)' : 'var(--color-text-muted)', fontWeight: problem ? 600 : 400 }}
    >
      {saveStatusText(state)}
    </span>
  );
}
