import { Extension } from '@tiptap/core';
import { Mark, type Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/** One printable character: a single code point that is not a control character. */
const ONE_PRINTABLE_CHARACTER = /^[^\p{Cc}]$/u;

/** Chromium-based browsers (Chrome, Edge, Opera…, headless too), where this path is measured and tested; as ProseMirror tells them. */
const chromium = () => typeof navigator !== 'undefined' && /Chrome\//.test(navigator.userAgent);

/**
 * Whether the browser's selection is exactly the editor state's. ProseMirror reads the DOM
 * selection on keydown, so it is; should it not be, the browser's own insertion (which
 * ProseMirror reads back) is the one that lands where the person sees the caret.
 */
function domSelectionIsTheState(view: EditorView, selection: TextSelection): boolean {
  const dom = (view.root as Document).getSelection?.();
  if (!dom?.anchorNode || !dom.focusNode) return false;
  if (!view.dom.contains(dom.anchorNode) || !view.dom.contains(dom.focusNode)) return false;
  return view.posAtDOM(dom.anchorNode, dom.anchorOffset) === selection.anchor && view.posAtDOM(dom.focusNode, dom.focusOffset) === selection.head;
}

/**
 * The DOM text node that text typed at `pos` joins, and where in it: the text node at the caret
 * when the typed text takes its marks (ProseMirror then keeps that node), else null.
 */
function domTextTakingTextAt(view: EditorView, pos: number): { node: Text; offset: number } | null {
  const $pos = view.state.doc.resolve(pos);
  const marks = view.state.storedMarks ?? $pos.marks();
  const takesMarks = (node: PMNode | null) => !!node?.isText && Mark.sameSet(node.marks, marks);
  // Inside a text node, at the end of the one before, or at the start of the one after.
  let text: PMNode | null, offset: number, side: -1 | 1;
  if ($pos.textOffset > 0) [text, offset, side] = [$pos.parent.child($pos.index()), $pos.textOffset, -1];
  else if (takesMarks($pos.nodeBefore)) [text, offset, side] = [$pos.nodeBefore, $pos.nodeBefore!.nodeSize, -1];
  else [text, offset, side] = [$pos.nodeAfter, 0, 1];
  if (!takesMarks(text)) return null;
  const dom = view.domAtPos(pos, side);
  if (dom.node.nodeType !== Node.TEXT_NODE || dom.node.nodeValue !== text!.text || dom.offset !== offset) return null;
  return { node: dom.node as Text, offset };
}

/** ProseMirror's observer of its DOM (`view.domObserver`, left out of its typings). */
interface DomObserver {
  stop(): void;
  start(): void;
}

function domObserverOf(view: EditorView): DomObserver | null {
  const observer = (view as unknown as { domObserver?: Partial<DomObserver> }).domObserver;
  return typeof observer?.stop === 'function' && typeof observer.start === 'function' ? (observer as DomObserver) : null;
}

/** A change to the DOM that ProseMirror's observer does not see, so it is never read back. */
function unobserved(observer: DomObserver, change: () => void) {
  observer.stop();
  try {
    change();
  } finally {
    observer.start();
  }
}

/** Whether ProseMirror's drawing of this text node holds all of the DOM node's text. */
const drawnWhole = (view: EditorView, node: Text) => view.posAtDOM(node, node.length) - view.posAtDOM(node, 0) === node.length;

/**
 * Dispatches the typed text's transaction. Text joining the text node at the caret goes into
 * that node first, where the browser would have put it (out of sight of ProseMirror's observer,
 * so nothing reads it back), and ProseMirror's drawing then finds it there and leaves the node
 * be: rewriting a text node's whole text drops Chrome's spelling marks on it, which then blink off
 * and on as one types. Should ProseMirror not draw the character in that node after all (a filter
 * refused the transaction, as the photo desk's does, or another plugin changed the text), it
 * leaves the node again.
 */
function dispatchTyped(view: EditorView, tr: Transaction, text: string, from: number, to: number) {
  const observer = domObserverOf(view);
  const inPlace = observer && from === to ? domTextTakingTextAt(view, from) : null;
  if (!observer || !inPlace) return view.dispatch(tr);
  const { node, offset } = inPlace;
  unobserved(observer, () => node.insertData(offset, text));
  try {
    view.dispatch(tr);
  } finally {
    if (view.dom.contains(node) && !drawnWhole(view, node)) unobserved(observer, () => node.deleteData(offset, text.length));
  }
}

/**
 * A plain typed character goes into the document as a transaction in its `keypress` event (and
 * the browser's own insertion is cancelled), as ProseMirror itself does when a node is selected.
 *
 * Why: left to itself, the browser puts the character in the DOM and ProseMirror reads the change
 * back from a MutationObserver. The editor sits inside React's root, whose `input` listener makes
 * the browser deliver that read, with the whole transaction, inside the `input` event nested in
 * `keypress`, so every keystroke paid for the transaction there and for reading the DOM back
 * (docs/benchmarks.md, "Typed characters put in by the editor"). Here the character goes into the
 * DOM and the state in one synchronous step, and nothing is read back: no timer, event or other
 * code can run in between and find the two apart.
 *
 * Anything else takes the browser's path as before: other browsers than Chromium's (Safari's
 * text substitutions and accent menu work through its own insertion), compositions (ProseMirror
 * does not pass keypress on during one), Ctrl or Cmd shortcuts (AltGr characters, Ctrl+Alt, do
 * come here, as ProseMirror passes them), Enter, a selection that is not text within one block,
 * and a caret the browser has moved that ProseMirror has not read. Input rules run as they do on
 * the browser's path (`handleTextInput`), and a transaction a filter refuses (the photo desk's)
 * leaves the text as it was.
 */
export const TypedCharacters = Extension.create({
  name: 'typedCharacters',
  addProseMirrorPlugins() {
    if (!chromium()) return [];
    return [
      new Plugin({
        key: new PluginKey('typedCharacters'),
        props: {
          handleKeyPress(view, event) {
            const text = event.key;
            if (!ONE_PRINTABLE_CHARACTER.test(text)) return false;
            const { selection } = view.state;
            if (!(selection instanceof TextSelection) || !selection.$from.sameParent(selection.$to)) return false;
            if (!selection.$from.parent.inlineContent || !domSelectionIsTheState(view, selection)) return false;
            const { from, to } = selection;
            const insert = () => view.state.tr.insertText(text, from, to).scrollIntoView();
            if (!view.someProp('handleTextInput', (handle) => handle(view, from, to, text, insert))) dispatchTyped(view, insert(), text, from, to);
            return true;
          },
        },
      }),
    ];
  },
});
