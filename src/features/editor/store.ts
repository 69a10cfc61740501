import { create } from 'zustand';
import type { ReadAlsoLabel } from '../../domain/document/read-also';
import type { SaveState } from './model/autosave';

/** A small panel opened over the story: the link editor, or the story picker for "Read also". */
export type EditorPopoverRequest =
  | { kind: 'link'; at: number }
  | {
      kind: 'readAlso';
      /** Where to show the picker. */
      at: number;
      label: ReadAlsoLabel;
      /** Point an existing block (at this position) at another story, instead of inserting one. */
      replacePos?: number;
      /** Typed "Read also:" that opened the picker: put back if the picker is cancelled. */
      restoreText?: string;
      /** Words to search for at once (a placeholder's imported title). */
      query?: string;
    };

/** UI-only state of the editor screen. Story data itself lives in TanStack Query and the editor. */
interface EditorChromeState {
  /** Save status per story, for the status line. */
  saveStates: Record<string, SaveState>;
  setSaveState: (storyId: string, state: SaveState) => void;
  /** The side panel with the story's details (collapsible on narrow screens). */
  detailsOpen: boolean;
  toggleDetails: () => void;
  popover: EditorPopoverRequest | null;
  openPopover: (request: EditorPopoverRequest) => void;
  closePopover: () => void;
  /** The photo picker, open to insert a figure or to choose the lead photo. */
  photoPicker: 'figure' | 'lead' | null;
  setPhotoPicker: (purpose: 'figure' | 'lead' | null) => void;
}

export const useEditorChrome = create<EditorChromeState>((set) => ({
  saveStates: {},
  setSaveState: (storyId, state) => set((current) => ({ saveStates: { ...current.saveStates, [storyId]: state } })),
  detailsOpen: true,
  toggleDetails: () => set((current) => ({ detailsOpen: !current.detailsOpen })),
  popover: null,
  openPopover: (request) => set({ popover: request }),
  closePopover: () => set({ popover: null }),
  photoPicker: null,
  setPhotoPicker: (purpose) => set({ photoPicker: purpose }),
}));
