// @vitest-environment happy-dom
import { Editor, type EditorOptions, type JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { QueryClient } from '@tanstack/react-query';
import { act, createElement, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoryRef } from '../../domain/api/stories';
import type { DocumentJSON } from '../../domain/document/types';
import { storyRefKey } from '../stories/api/story-refs';
import { editorSetup } from './editor-extensions';
import { editorOnPage } from './testing/editor-on-page';

const figure = (credit: string, caption = 'Gulls over the quay'): JSONContent => ({
  type: 'figure',
  attrs: { photoId: 'photo-1', credit, alt: 'Gulls on a rail', width: 1200, height: 800 },
  content: caption ? [{ type: 'text', text: caption }] : [],
});
const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const readAlso = (attrs: { storyId?: string; title?: string; label?: string }): JSONContent => ({ type: 'readAlso', attrs });
const doc = (...content: JSONContent[]): DocumentJSON => ({ type: 'doc', content });

const ref = (overrides: Partial<StoryRef> = {}): StoryRef => ({
  id: 'story-2',
  slug: 'ferry-timetable',
  status: 'draft',
  headline: 'Ferry operators agree winter timetable',
  publishedAt: null,
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

let editor: Editor | null = null;
afterEach(() => {
  editor?.destroy();
  editor = null;
  document.body.replaceChildren();
});

/** The editor as the story screen makes it, on the page, with story refs already known to the query client. */
function open(body: DocumentJSON, options: { photoDesk?: boolean; editable?: boolean; refs?: StoryRef[] } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  for (const known of options.refs ?? []) queryClient.setQueryData(storyRefKey(known.id), known);
  const opened = editorOnPage(body, { ...options, queryClient });
  editor = opened.editor;
  return opened;
}

const byLabel = (root: HTMLElement, label: string) => {
  const labelElement = [...root.querySelectorAll('label')].find((candidate) => candidate.textContent === label)!;
  return root.ownerDocument.getElementById(labelElement.htmlFor) as HTMLInputElement;
};

function type(input: HTMLInputElement, value: string) {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const figureAttrs = (target: Editor) => target.state.doc.firstChild!.attrs;

describe('the figure in the editor', () => {
  it('shows the photo, its caption, and its credit and alt text in inputs, with the credit line as printed', () => {
    const { dom } = open(doc(figure('Harbourline')));
    const group = dom.querySelector('[role="group"][aria-label="Photo"]') as HTMLElement;
    expect(group).not.toBeNull();
    const captionId = group.querySelector('[role="textbox"]')!.getAttribute('aria-labelledby')!;
    expect(document.getElementById(captionId)!.textContent).toBe('Caption');
    expect(group.querySelector('[role="textbox"]')!.textContent).toBe('Gulls over the quay');
    expect(byLabel(group, 'Credit').value).toBe('Harbourline');
    expect(byLabel(group, 'Alt text').value).toBe('Gulls on a rail');
    expect(group.querySelector('img')!.getAttribute('alt')).toBe('Gulls on a rail');
    expect(group.textContent).toContain('PHOTO: HARBOURLINE');
  });

  it('saves what is typed in the credit into the document, a pasted tab as a space', () => {
    const { editor: target, dom } = open(doc(figure('Harbourline')));
    const credit = byLabel(dom, 'Credit');
    type(credit, 'Harbourline/\tJo Lens');
    expect(figureAttrs(target).credit).toBe('Harbourline/ Jo Lens');
    expect(credit.value).toBe('Harbourline/ Jo Lens');
    expect(dom.textContent).toContain('PHOTO: HARBOURLINE/ JO LENS');
  });

  it('keeps the value being typed while the document changes, and follows the document otherwise', () => {
    const { editor: target, dom } = open(doc(figure('Harbourline')));
    const credit = byLabel(dom, 'Credit');
    const alt = byLabel(dom, 'Alt text');
    type(credit, 'Harbour');
    // A change from elsewhere (a collaborator's save taken in, an undo) to both attributes.
    target.commands.command(({ tr }) => {
      tr.setNodeMarkup(0, undefined, { ...figureAttrs(target), credit: 'Reuters', alt: 'A gull' });
      return true;
    });
    expect(credit.value).toBe('Harbour');
    expect(alt.value).toBe('A gull');
    // Leaving the field shows what the document holds.
    credit.blur();
    expect(credit.value).toBe('Reuters');
  });

  it('removes the photo with its button; the photo desk gets no such button', () => {
    const { editor: target, dom } = open(doc(figure('Harbourline'), paragraph('After the photo.')));
    (dom.querySelector('button[aria-label="Remove photo"]') as HTMLButtonElement).click();
    expect(target.state.doc.firstChild!.type.name).toBe('paragraph');
    editor!.destroy();

    const desk = open(doc(figure('Harbourline')), { photoDesk: true });
    expect(desk.dom.querySelector('button[aria-label="Remove photo"]')).toBeNull();
    expect(byLabel(desk.dom, 'Credit').readOnly).toBe(false);
  });

  it('is read-only for someone who may not edit the story', () => {
    const { editor: target, dom } = open(doc(figure('Harbourline')), { editable: false });
    const credit = byLabel(dom, 'Credit');
    expect(credit.readOnly).toBe(true);
    expect(dom.querySelector('button[aria-label="Remove photo"]')).toBeNull();
    type(credit, 'Changed');
    expect(figureAttrs(target).credit).toBe('Harbourline');
  });

  it('marks an empty caption, for its placeholder', () => {
    const { dom } = open(doc(figure('Harbourline', '')));
    expect(dom.querySelector('[role="textbox"]')!.hasAttribute('data-empty')).toBe(true);
  });
});

describe('a "Read also" block in the editor', () => {
  it('shows the target’s current headline and flags it until it is published', () => {
    const { dom, queryClient } = open(doc(readAlso({ storyId: 'story-2' })), { refs: [ref()] });
    const block = dom.querySelector('[role="group"]') as HTMLElement;
    expect(block.getAttribute('aria-label')).toBe('Read also: Ferry operators agree winter timetable');
    expect(block.textContent).toContain('Not published yet');

    // The target renamed and published: the block follows, without its story being touched.
    queryClient.setQueryData(storyRefKey('story-2'), ref({ headline: 'Winter ferry timetable agreed', status: 'published' }));
    expect(block.getAttribute('aria-label')).toBe('Read also: Winter ferry timetable agreed');
    expect(block.textContent).not.toContain('Not published yet');
  });

  it('changes its label, asks for another story, and is removed, with its controls', () => {
    const { editor: target, dom, onPickStory } = open(doc(paragraph('Before.'), readAlso({ storyId: 'story-2' })), { refs: [ref()] });
    const block = () => dom.querySelector('[data-read-also]') as HTMLElement;
    const label = block().querySelector('select[aria-label="Label"]') as HTMLSelectElement;
    label.focus();
    label.value = 'Read';
    label.dispatchEvent(new Event('change', { bubbles: true }));
    expect(target.state.doc.child(1).attrs.label).toBe('Read');
    expect(block().getAttribute('aria-label')).toBe('Read: Ferry operators agree winter timetable');
    // Redrawn in place: the label being chosen keeps the focus.
    expect(document.activeElement).toBe(label);

    const buttons = [...block().querySelectorAll('button')];
    buttons.find((button) => button.textContent === 'Change story')!.click();
    const at = target.state.doc.child(0).nodeSize;
    expect(onPickStory).toHaveBeenCalledWith({ at: at + 1, label: 'Read', replacePos: at, query: undefined });

    buttons.find((button) => button.getAttribute('aria-label') === 'Remove Read block')!.click();
    expect(target.state.doc.childCount).toBe(1);
  });

  it('flags a placeholder from imported copy and offers to choose its story, searching for the title', () => {
    const { dom, onPickStory } = open(doc(readAlso({ title: 'Island restaurants count the cost' })));
    const block = dom.querySelector('[data-read-also]') as HTMLElement;
    expect(block.getAttribute('aria-label')).toBe('Read also: Island restaurants count the cost');
    expect(block.textContent).toContain('No story chosen');
    [...block.querySelectorAll('button')].find((button) => button.textContent === 'Choose story')!.click();
    expect(onPickStory).toHaveBeenCalledWith(expect.objectContaining({ replacePos: 0, query: 'Island restaurants count the cost' }));
  });

  it('keeps the focus on its button when the target is published and its flag goes', () => {
    const { dom, queryClient } = open(doc(readAlso({ storyId: 'story-2' })), { refs: [ref()] });
    const block = dom.querySelector('[data-read-also]') as HTMLElement;
    const change = [...block.querySelectorAll('button')].find((button) => button.textContent === 'Change story')!;
    change.focus();
    const moved: Node[] = [];
    const watcher = new MutationObserver((records) => records.forEach((record) => moved.push(...record.removedNodes)));
    watcher.observe(block, { childList: true, subtree: true });

    queryClient.setQueryData(storyRefKey('story-2'), ref({ status: 'published' }));
    const taken = watcher.takeRecords().flatMap((record) => [...record.removedNodes]);
    watcher.disconnect();
    expect(block.textContent).not.toContain('Not published yet');
    // A button taken out of the page (even to be put back) loses the focus in the browser.
    expect([...moved, ...taken].some((node) => node.contains(change))).toBe(false);
    expect(document.activeElement).toBe(change);
  });

  it('shows only the label and the story to someone who may not edit', () => {
    const { dom } = open(doc(readAlso({ storyId: 'story-2' })), { editable: false, refs: [ref()] });
    const block = dom.querySelector('[data-read-also]') as HTMLElement;
    expect(block.querySelector('select, button')).toBeNull();
    expect(block.textContent).toContain('Read also');
    expect(block.textContent).toContain('Ferry operators agree winter timetable');
  });
});

describe('the body’s DOM', () => {
  it('is drawn once as the editor opens: each figure made once, as its view', () => {
    const createElement = vi.spyOn(document, 'createElement');
    const { dom } = open(doc(paragraph('First.'), figure('Harbourline'), paragraph('Second.'), figure('Reuters')));
    const figuresMade = createElement.mock.calls.filter(([tag]) => tag === 'figure').length;
    createElement.mockRestore();
    expect(dom.querySelectorAll('figure[role="group"]')).toHaveLength(2);
    expect(figuresMade).toBe(2);
  });

  it('is kept when the node views are installed again, as the editor’s React mount does', () => {
    const { editor: target, dom } = open(doc(paragraph('First.'), figure('Harbourline'), readAlso({ storyId: 'story-2' })), { refs: [ref()] });
    const before = [...dom.children];
    target.createNodeViews();
    const after = [...dom.children];
    expect(after).toHaveLength(3);
    after.forEach((block, index) => expect(block).toBe(before[index]));
  });
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('the views in the React editor', () => {
  it('come with figures placed after the story opened, in StrictMode too (which makes a second editor and throws it away)', async () => {
    const queryClient = new QueryClient();
    let shown: Editor | null = null;
    function Body() {
      // As the story screen does it (StoryEditor.tsx).
      const [setup] = useState(() => editorSetup({ onLinkShortcut: () => undefined, onPickStory: () => undefined, queryClient }));
      const [editorProps] = useState(() => ({ plugins: setup.viewPlugins }) as EditorOptions['editorProps']);
      const current = useEditor({ extensions: setup.extensions, content: doc(paragraph('First.')), editorProps, shouldRerenderOnTransaction: false });
      shown = current;
      return createElement(EditorContent, { editor: current });
    }
    const container = document.createElement('div');
    document.body.append(container);
    const root = createRoot(container);
    await act(async () => root.render(createElement(StrictMode, null, createElement(Body))));
    // The editor thrown away is destroyed a moment later.
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));

    shown!.commands.insertContentAt(0, figure('Harbourline'));
    const credit = byLabel(container, 'Credit');
    type(credit, 'Reuters');
    expect(shown!.state.doc.firstChild!.attrs.credit).toBe('Reuters');
    act(() => root.unmount());
  });
});
