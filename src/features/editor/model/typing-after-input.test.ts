import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPlainTypingInput, readTypingAfterInput } from './typing-after-input';

/** A stand-in for DOM nodes: `contains` by identity over a known set of descendants. */
function fakeView(composing = false) {
  const inside = { nodeType: 3 };
  const dom = { nodeType: 1, contains: (node: unknown) => node === inside || node === dom };
  return { view: { dom: dom as unknown as Node, composing }, inside: inside as unknown as Node };
}

const inputEvent = (target: unknown, inputType = 'insertText', isComposing = false) =>
  ({ type: 'input', inputType, isComposing, target }) as unknown as Event;

describe('isPlainTypingInput', () => {
  it('is true for a typed character inside the editor', () => {
    const { view, inside } = fakeView();
    expect(isPlainTypingInput(inputEvent(inside), view)).toBe(true);
    expect(isPlainTypingInput(inputEvent(view.dom), view)).toBe(true);
  });

  it('is false outside an input event, for other kinds of input, compositions and other elements', () => {
    const { view, inside } = fakeView();
    expect(isPlainTypingInput(undefined, view)).toBe(false);
    expect(isPlainTypingInput({ type: 'selectionchange', target: inside } as unknown as Event, view)).toBe(false);
    expect(isPlainTypingInput({ type: 'keydown', target: inside } as unknown as Event, view)).toBe(false);
    for (const inputType of ['deleteContentBackward', 'insertParagraph', 'insertFromPaste', 'insertFromDrop', 'insertCompositionText', 'insertReplacementText']) {
      expect(isPlainTypingInput(inputEvent(inside, inputType), view)).toBe(false);
    }
    expect(isPlainTypingInput(inputEvent(inside, 'insertText', true), view)).toBe(false);
    expect(isPlainTypingInput(inputEvent(inside), fakeView(true).view)).toBe(false);
    expect(isPlainTypingInput(inputEvent({ nodeType: 1 }), view)).toBe(false);
    expect(isPlainTypingInput(inputEvent(null), view)).toBe(false);
  });
});

describe('readTypingAfterInput', () => {
  afterEach(() => vi.useRealTimers());

  function setUp() {
    vi.useFakeTimers();
    const { view, inside } = fakeView();
    const calls: Array<boolean | undefined> = [];
    const observer = {
      flushingSoon: -1,
      // ProseMirror's flush does nothing while a later read is pending.
      flush(readSelection?: boolean) {
        if (this.flushingSoon !== -1) return;
        calls.push(readSelection);
      },
    };
    let event: Event | undefined;
    const undo = readTypingAfterInput(observer, view, () => event);
    return { observer, calls, undo, inside, setEvent: (next: Event | undefined) => (event = next) };
  }

  it('reads typing inside the input event on a 0 ms timer, once', () => {
    const { observer, calls, inside, setEvent } = setUp();
    setEvent(inputEvent(inside));
    observer.flush();
    observer.flush();
    expect(calls).toEqual([]);
    expect(observer.flushingSoon).not.toBe(-1);
    setEvent(undefined);
    // A selection change meanwhile waits for the pending read, as with ProseMirror's own flushSoon.
    observer.flush(false);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(calls).toEqual([undefined]);
    expect(observer.flushingSoon).toBe(-1);
  });

  it('reads at once outside plain typing', () => {
    const { observer, calls, inside, setEvent } = setUp();
    setEvent(inputEvent(inside, 'deleteContentBackward'));
    observer.flush();
    setEvent(undefined);
    observer.flush(false);
    expect(calls).toEqual([undefined, false]);
    expect(observer.flushingSoon).toBe(-1);
  });

  it('undoes itself', () => {
    const { observer, calls, inside, setEvent, undo } = setUp();
    undo();
    setEvent(inputEvent(inside));
    observer.flush();
    expect(calls).toEqual([undefined]);
  });
});
