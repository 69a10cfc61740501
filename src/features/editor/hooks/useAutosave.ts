import { useEffect, useRef, useState } from 'react';
import type { Story } from '../../../domain/api/stories';
import { deleteJournalEntry, journalKey, writeJournal } from '../../../lib/journal';
import { useSession } from '../../auth/api/get-session';
import { useSaveStory } from '../../stories/api/save-story';
import { AutosaveController, type AutosaveOptions } from '../model/autosave';
import { useEditorChrome } from '../store';

export interface AutosaveSetup {
  /** This open editor's id (sent with saves and heartbeats). */
  editorId: string;
  userId: string;
  /** The revision the editor's content was made on, when not the story's own (restored changes). */
  baseRevision?: number;
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

  const [controller] = useState(() => {
    const { editorId, userId } = setup;
    return new AutosaveController({
      revision: setup.baseRevision ?? story.revision,
      send: (changes, baseRevision) => sendRef.current({ id: story.id, baseRevision, editorId, changes }),
      read: (field) => readRef.current(field),
      onState: (state) => setSaveState(story.id, state),
      onSaved: (saved, sent) => onSavedRef.current?.(saved, sent),
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
