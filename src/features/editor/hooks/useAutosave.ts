import { useEffect, useRef, useState } from 'react';
import type { Story } from '../../../domain/api/stories';
import { useSession } from '../../auth/api/get-session';
import { useSaveStory } from '../../stories/api/save-story';
import { AutosaveController, type AutosaveOptions } from '../model/autosave';
import { useEditorChrome } from '../store';

/**
 * One autosave controller for the open story, wired to the save mutation and the status line.
 * The browser warns before the tab closes while anything is unsaved.
 */
export function useAutosave(story: Story, read: AutosaveOptions['read']): AutosaveController {
  const { mutateAsync } = useSaveStory();
  const setSaveState = useEditorChrome((state) => state.setSaveState);
  const sendRef = useRef(mutateAsync);
  const readRef = useRef(read);
  useEffect(() => {
    sendRef.current = mutateAsync;
    readRef.current = read;
  });

  const [controller] = useState(() => {
    const editorId = crypto.randomUUID();
    return new AutosaveController({
        revision: story.revision,
        send: (changes, baseRevision) => sendRef.current({ id: story.id, baseRevision, editorId, changes }),
        read: (field) => readRef.current(field),
        onState: (state) => setSaveState(story.id, state),
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
    window.addEventListener('beforeunload', warnBeforeLeaving);
    return () => {
      window.removeEventListener('beforeunload', warnBeforeLeaving);
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
