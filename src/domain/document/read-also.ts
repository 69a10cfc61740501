import { Node, mergeAttributes } from '@tiptap/core';

/** The labels a "Read also" block may carry, as newspapers print them. */
export const READ_ALSO_LABELS = ['Read also', 'Read'] as const;
export type ReadAlsoLabel = (typeof READ_ALSO_LABELS)[number];

export interface ReadAlsoAttributes {
  /** The story pointed to; null while the block is a placeholder. */
  storyId: string | null;
  label: ReadAlsoLabel;
  /**
   * A placeholder's headline as the copy named it (an import found no story with that
   * headline): null once the block points to a story. Exactly one of `storyId` and `title` is set.
   */
  title: string | null;
}

/** Is this block a placeholder (no story chosen yet), which the editor flags and the page leaves out? */
export function isReadAlsoPlaceholder(attrs: { storyId?: unknown; title?: unknown } | null | undefined): boolean {
  return !attrs?.storyId && typeof attrs?.title === 'string';
}

/**
 * A "Read also: <headline>" line pointing at another story. It stores only the story's id: the
 * headline shown (in the editor and on the public page) is always the target's current one, so
 * renaming a story updates every block that points to it without touching those stories.
 * A block may instead be a placeholder holding only a `title` (wire copy said "Read also: X" and
 * no story is headlined X): the editor flags it until someone picks the story, the publish
 * checklist refuses it, and the public page leaves it out.
 * Server-safe: the editor adds its React view on top.
 */
export const ReadAlso = Node.create({
  name: 'readAlso',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      storyId: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-story-id'),
        renderHTML: (attributes: { storyId?: string | null }) => (attributes.storyId ? { 'data-story-id': attributes.storyId } : {}),
      },
      title: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute('data-title'),
        renderHTML: (attributes: { title?: string | null }) => (attributes.title ? { 'data-title': attributes.title } : {}),
      },
      label: {
        default: 'Read also',
        parseHTML: (element: HTMLElement) => (element.getAttribute('data-label') === 'Read' ? 'Read' : 'Read also'),
        renderHTML: (attributes: { label?: string }) => ({ 'data-label': attributes.label }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'p.read-also[data-story-id]' }, { tag: 'p.read-also[data-title]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    // Without the target at hand this is a placeholder; the public renderer fills in the headline.
    const title = node.attrs.storyId ? '' : (node.attrs.title ?? '');
    return ['p', mergeAttributes({ class: 'read-also' }, HTMLAttributes), title ? `${node.attrs.label}: ${title}` : `${node.attrs.label}:`];
  },
});
