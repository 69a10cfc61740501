import { useEffect, useRef, useState } from 'react';
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
    case 'offline':
      return `Offline — ${state.count} ${state.count === 1 ? 'change' : 'changes'} kept on this device`;
    case 'conflict':
      return 'Not saved — someone else changed the same words';
  }
}

const isProblem = (state: SaveState | undefined) =>
  state?.kind === 'retrying' || state?.kind === 'offline' || state?.kind === 'failed' || state?.kind === 'conflict';

/**
 * The save status line. It changes every few seconds while someone types, so it is not read
 * out each time: a separate announcement speaks only when saving runs into trouble, and once
 * it is saved again.
 */
export function SaveStatus({ storyId }: { storyId: string }) {
  const state = useEditorChrome((chrome) => chrome.saveStates[storyId]);
  const problem = isProblem(state);
  const [announcement, setAnnouncement] = useState('');
  const wasProblem = useRef(false);
  const text = saveStatusText(state);
  const textRef = useRef(text);
  textRef.current = text;
  // Announced when the kind of trouble changes, not on every keystroke counted while offline.
  const kind = state?.kind;
  useEffect(() => {
    if (problem) setAnnouncement(textRef.current);
    else if (wasProblem.current && kind === 'saved') setAnnouncement('Saved again');
    wasProblem.current = problem || (wasProblem.current && kind !== 'saved');
  }, [kind, problem]);

  const title = state?.kind === 'saved' && state.savedAt ? `Last saved ${dateTime(state.savedAt)}` : undefined;
  return (
    <>
      <span
        role="status"
        aria-live="off"
        title={title}
        style={{ color: problem ? 'var(--color-danger)' : 'var(--color-text-muted)', fontWeight: problem ? 600 : 400 }}
      >
        {text}
      </span>
      <span className="visually-hidden" aria-live="assertive">
        {announcement}
      </span>
    </>
  );
}
