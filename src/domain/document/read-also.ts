import { Node, mergeAttributes } from '@tiptap/core';

/** The labels a "Read also" block may carry, as newspapers print them. */
export const READ_ALSO_LABELS = ['Read also', 'Read'] as const;
export type ReadAlsoLabel = (typeof READ_ALSO_LABELS)[number];

export interface ReadAlsoAttributes {
  storyId: string;
  label: ReadAlsoLabel;
}

/**
 * A "Read also: <headline>" line pointing at another story. It stores only the story's id: the
 * headline shown (in the editor and on the public page) is always the target's current one, so
 * renaming a story updates every block that points to it without touching those stories.
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
      label: {
        default: 'Read also',
        parseHTML: (element: HTMLElement) => (element.getAttribute('data-label') === 'Read' ? 'Read' : 'Read also'),
        renderHTML: (attributes: { label?: string }) => ({ 'data-label': attributes.label }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'p.read-also[data-story-id]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    // Without the target at hand this is a placeholder; the public renderer fills in the headline.
    return ['p', mergeAttributes({ class: 'read-also' }, HTMLAttributes), `${node.attrs.label}:`];
  },
});
