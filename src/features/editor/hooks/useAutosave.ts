import { useEffect, useRef, useState } from 'react';
import type { Story } from '../../../domain/api/stories';
import { deleteJournalEntry, journalKey, writeJournal } from '../../../lib/journal';
import { useSession } from '../../auth/api/get-session';
import { useSaveStory } from '../../stories/api/save-story';
import { AutosaveController, type AutosaveOptions, type SaveState } from '../model/autosave';
import type { ServerBodies } from '../model/server-bodies';
import { useEditorChrome } from '../store';

export interface AutosaveSetup {
  /** This open editor's id (sent with saves and heartbeats). */
  editorId: string;
  userId: string;
  /** The revision the editor's content was made on, when not the story's own (restored changes). */
  baseRevision?: number;
  /** What the server holds at recent revisions: saves made on one of them send only the changed blocks. */
  serverBodies: ServerBodies;
  onSaved?: AutosaveOptions['onSaved'];
}

/**
 * One autosave controller for the open story, wired to the save mutation, the status line and
 * the local journal. The browser warns before the tab closes while anything is unsaved, and a
 * connection coming back sends what waited at once.
 */
export function useAutosave(story: Story, read: AutosaveOptions['read'], setup: AutosaveSetup): AutosaveController {
  const { mutateAsync } = useSaveStory();
  const setSaveState = useEditorChrome((state) => state.setSaveState);
  const sendRef = useRef(mutateAsync);
  const readRef = useRef(read);
  const onSavedRef = useRef(setup.onSaved);
  useEffect(() => {
    sendRef.current = mutateAsync;
    readRef.current = read;
    onSavedRef.current = setup.onSaved;
  });

  // The state a keystroke sets ('pending', or 'offline' with one more change) reaches the status
  // line just after the key event instead of re-rendering it inside the event; any other state
  // is shown at once (and replaces one still waiting).
  const deferredState = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const showState = (storyId: string, state: SaveState) => {
    clearTimeout(deferredState.current);
    deferredState.current = undefined;
    if (state.kind === 'pending' || state.kind === 'offline') deferredState.current = setTimeout(() => setSaveState(storyId, state), 0);
    else setSaveState(storyId, state);
  };

  const [controller] = useState(() => {
    const { editorId, userId, serverBodies } = setup;
    // The loaded body is the server's at its revision only when nothing restored sits on top of
    // it (restored changes carry their own base revision, whose body is not known here).
    if (setup.baseRevision === undefined) serverBodies.remember(story.revision, story.body);
    return new AutosaveController({
      revision: setup.baseRevision ?? story.revision,
      send: (changes, baseRevision) => sendRef.current({ id: story.id, baseRevision, editorId, changes, baseBody: serverBodies.get(baseRevision) }),
      read: (field) => readRef.current(field),
      onState: (state) => showState(story.id, state),
      onSaved: (saved, sent) => {
        // An accepted save's body is what the server now holds (the sent one, or the merged one it answered with).
        serverBodies.remember(saved.revision, saved.body);
        onSavedRef.current?.(saved, sent);
      },
      journal: {
        write: (baseRevision, changes, count) => writeJournal({ storyId: story.id, userId, editorId, baseRevision, changes, count, savedAt: new Date().toISOString() }),
        clear: () => deleteJournalEntry(journalKey({ storyId: story.id, userId, editorId })),
      },
    });
  });

  useEffect(() => {
    setSaveState(story.id, controller.currentState);
    controller.resume();
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (!controller.hasUnsaved()) return;
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    const backOnline = () => controller.retryNow();
    window.addEventListener('beforeunload', warnBeforeLeaving);
    window.addEventListener('online', backOnline);
    return () => {
      clearTimeout(deferredState.current);
      window.removeEventListener('beforeunload', warnBeforeLeaving);
      window.removeEventListener('online', backOnline);
      controller.dispose();
    };
  }, [controller, setSaveState, story.id]);

  // Back from a "session ended" dialog: send what waited, now.
  const userId = useSession().data?.user.id;
  useEffect(() => {
    if (userId) void controller.flush();
  }, [userId, controller]);

  return controller;
}
