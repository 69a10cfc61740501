import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * ProseMirror's DOM observer, as far as this module uses it (internal to prosemirror-view, but
 * `flushingSoon` is its own mechanism for reading DOM changes a moment later: Android's
 * backspace and Safari's compositions use it, and every key press, composition end and
 * `forceFlush` reads pending changes at once).
 */
interface DOMObserverInternals {
  flush: (readSelection?: boolean) => void;
  flushingSoon: number;
}

/** What the decision needs of the view. */
interface ViewLike {
  dom: Node;
  composing: boolean;
}

/**
 * True when ProseMirror is asked to read the DOM from inside the `input` event of plain typing
 * in this editor: the browser has already put the character in the DOM, and nothing but the
 * event's own listeners are waiting on ProseMirror's transaction. IME compositions, deletions,
 * pastes, drops and everything outside an input event are read at once, as ProseMirror does.
 */
export function isPlainTypingInput(event: Event | undefined, view: ViewLike): boolean {
  if (!event || event.type !== 'input' || view.composing) return false;
  const input = event as InputEvent;
  if (input.inputType !== 'insertText' || input.isComposing) return false;
  const target = event.target as Node | null;
  return !!target && typeof (target as Node).nodeType === 'number' && (target === view.dom || view.dom.contains(target));
}

/**
 * Makes `observer` read plain typing just after the `input` event instead of inside it.
 *
 * Why: the editor lives inside React's root, and React listens for `input` on the root. The
 * browser runs pending microtasks after each listener, so ProseMirror's MutationObserver
 * callback — the whole transaction of a typed character: plugins, view update, scrolling the
 * caret into view, `update` listeners — ran inside the `input` event (which Chromium dispatches
 * inside `keypress`). In an editor without such a listener (bare TipTap) the same callback runs
 * right after the key events. Here the read is put on a 0 ms timer through ProseMirror's own
 * `flushingSoon` slot, so the next key press, a composition or any `forceFlush` still reads it
 * first, and a selection change waits for it. Returns the undo.
 */
export function readTypingAfterInput(observer: DOMObserverInternals, view: ViewLike, currentEvent: () => Event | undefined): () => void {
  const flushNow = observer.flush;
  const flush = function (this: DOMObserverInternals, readSelection?: boolean) {
    if (observer.flushingSoon < 0 && isPlainTypingInput(currentEvent(), view)) {
      observer.flushingSoon = setTimeout(() => {
        observer.flushingSoon = -1;
        flushNow.call(observer);
      }, 0) as unknown as number;
      return;
    }
    flushNow.call(observer, readSelection);
  };
  observer.flush = flush;
  return () => {
    if (observer.flush === flush) observer.flush = flushNow;
  };
}

/** The editor extension: see `readTypingAfterInput`. Browsers without `window.event` keep ProseMirror's timing. */
export const TypingAfterInput = Extension.create({
  name: 'typingAfterInput',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('typingAfterInput'),
        view: (view: EditorView) => {
          const observer = (view as unknown as { domObserver?: DOMObserverInternals }).domObserver;
          if (!observer || typeof observer.flush !== 'function' || typeof observer.flushingSoon !== 'number' || !('event' in window)) return {};
          const undo = readTypingAfterInput(observer, view, () => window.event);
          return { destroy: undo };
        },
      }),
    ];
  },
});
