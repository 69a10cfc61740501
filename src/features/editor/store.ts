import { create } from 'zustand';
import type { SaveState } from './model/autosave';

/** UI-only state of the editor screen. Story data itself lives in TanStack Query and the editor. */
interface EditorChromeState {
  /** Save status per story, for the status line. */
  saveStates: Record<string, SaveState>;
  setSaveState: (storyId: string, state: SaveState) => void;
  /** The side panel with the story's details (collapsible on narrow screens). */
  detailsOpen: boolean;
  toggleDetails: () => void;
  /** The link editor under the toolbar. */
  linkEditorOpen: boolean;
  setLinkEditorOpen: (open: boolean) => void;
  /** The photo picker, open to insert a figure or to choose the lead photo. */
  photoPicker: 'figure' | 'lead' | null;
  setPhotoPicker: (purpose: 'figure' | 'lead' | null) => void;
}

export const useEditorChrome = create<EditorChromeState>((set) => ({
  saveStates: {},
  setSaveState: (storyId, state) => set((current) => ({ saveStates: { ...current.saveStates, [storyId]: state } })),
  detailsOpen: true,
  toggleDetails: () => set((current) => ({ detailsOpen: !current.detailsOpen })),
  linkEditorOpen: false,
  setLinkEditorOpen: (open) => set({ linkEditorOpen: open }),
  photoPicker: null,
  setPhotoPicker: (purpose) => set({ photoPicker: purpose }),
}));
