import type { AnyExtension } from '@tiptap/core';
import Blockquote from '@tiptap/extension-blockquote';
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import HardBreak from '@tiptap/extension-hard-break';
import Heading from '@tiptap/extension-heading';
import HorizontalRule from '@tiptap/extension-horizontal-rule';
import Italic from '@tiptap/extension-italic';
import Link from '@tiptap/extension-link';
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';
import Paragraph from '@tiptap/extension-paragraph';
import Strike from '@tiptap/extension-strike';
import Text from '@tiptap/extension-text';
import UniqueID from '@tiptap/extension-unique-id';
import { Plugin, type Transaction } from '@tiptap/pm/state';
import { ReplaceStep } from '@tiptap/pm/transform';
import { Figure } from './figure';
import { ID_PATTERN } from '../api/ids';
import { isAllowedHref } from './link-policy';
import { ReadAlso } from './read-also';

/** Subheadings only: the headline is the story's h1. */
export const HEADING_LEVELS = [2, 3] as const;

/** Block types that carry a stable `id` attribute (used to merge concurrent edits block by block). */
export const BLOCK_ID_TYPES = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'horizontalRule', 'readAlso', 'figure'];

export const BLOCK_ID_ATTRIBUTE = 'id';

export function newBlockId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * A link carries a web address (`href`) or points to another story (`storyId`, whose public
 * address is worked out when the page is rendered), and an optional title; nothing else.
 * Rendering never writes an href the link policy refuses.
 */
const StoryLink = Link.extend({
  addAttributes() {
    return {
      href: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('href') },
      storyId: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-story-id'),
        renderHTML: (attributes: { storyId?: string | null }) => (attributes.storyId ? { 'data-story-id': attributes.storyId } : {}),
      },
      title: { default: null },
    };
  },
  renderHTML({ HTMLAttributes }) {
    // A story link has no web address: written without href, so copy and paste keep it as a story link.
    if (HTMLAttributes['data-story-id']) {
      const { href: _href, ...rest } = HTMLAttributes;
      return ['a', rest, 0];
    }
    return this.parent?.({ HTMLAttributes } as never) ?? ['a', HTMLAttributes, 0];
  },
  parseHTML() {
    // A story link copied inside the editor has no href; keep it (the parent's rule would drop it).
    return [{ tag: 'a[data-story-id]:not([href])', getAttrs: (element: HTMLElement) => (ID_PATTERN.test(element.getAttribute('data-story-id') ?? '') ? null : false) }, ...(this.parent?.() ?? [])];
  },
}).configure({
  openOnClick: false,
  autolink: true,
  linkOnPaste: true,
  defaultProtocol: 'https',
  HTMLAttributes: { target: null, rel: null, class: null },
  isAllowedUri: (url) => isAllowedHref(url),
  shouldAutoLink: (url) => isAllowedHref(url),
});

/**
 * True when every step of these transactions only replaces inline content inside one textblock
 * whose enclosing blocks all have ids (typing, deleting within a paragraph): no block appears,
 * goes or splits, so the unique-id plugin would find nothing to do.
 */
export function onlyTextInsideBlocks(transactions: readonly Transaction[], types: ReadonlySet<string>, attributeName: string): boolean {
  for (const tr of transactions) {
    for (let i = 0; i < tr.steps.length; i++) {
      const step = tr.steps[i];
      if (!(step instanceof ReplaceStep) || step.slice.openStart !== 0 || step.slice.openEnd !== 0) return false;
      let inline = true;
      step.slice.content.forEach((node) => {
        if (!node.isInline || types.has(node.type.name)) inline = false;
      });
      if (!inline) return false;
      const before = tr.docs[i]!;
      const $from = before.resolve(step.from);
      if (!$from.parent.isTextblock || (step.to !== step.from && !$from.sameParent(before.resolve(step.to)))) return false;
      for (let depth = 1; depth <= $from.depth; depth++) {
        const block = $from.node(depth);
        if (types.has(block.type.name) && block.attrs[attributeName] == null) return false;
      }
    }
  }
  return true;
}

/**
 * Block ids, given to new blocks as they appear. The extension's own pass (the changed ranges of
 * every transaction, and a whole-document comparison) is skipped for typing inside a block,
 * which makes no block to give an id to: it ran on every keystroke.
 */
const BlockIds = UniqueID.extend({
  addProseMirrorPlugins() {
    const types = new Set(BLOCK_ID_TYPES);
    return (this.parent?.() ?? []).map((plugin) => {
      const appendTransaction = plugin.spec.appendTransaction;
      if (!appendTransaction) return plugin;
      return new Plugin({
        ...plugin.spec,
        appendTransaction: (transactions, oldState, newState) =>
          onlyTextInsideBlocks(transactions, types, BLOCK_ID_ATTRIBUTE) ? null : appendTransaction(transactions, oldState, newState),
      });
    });
  },
});

/**
 * The story body's schema: every node and mark a story may hold. The editor, the server's
 * validation and the HTML renderer all build from this one list. Nothing here imports React or
 * touches the DOM at import time; the SPA adds editing behaviour (history, node views) on top.
 */
export const documentExtensions: AnyExtension[] = [
  Document,
  Paragraph,
  Text,
  Heading.configure({ levels: [...HEADING_LEVELS] }),
  Bold,
  Italic,
  Strike,
  StoryLink,
  BulletList,
  OrderedList,
  ListItem,
  Blockquote,
  HorizontalRule,
  HardBreak,
  ReadAlso,
  Figure,
  BlockIds.configure({ types: BLOCK_ID_TYPES, attributeName: BLOCK_ID_ATTRIBUTE, generateID: () => newBlockId() }),
];
