import type { Editor, NodeViewRendererProps } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { NodeView } from '@tiptap/pm/view';

/**
 * A node's view, installed by a ProseMirror plugin instead of TipTap's `addNodeView`.
 *
 * Why: when `EditorContent` mounts, it installs the extensions' node views again (for React
 * views, which need its portals), and TipTap makes new view functions each time, so ProseMirror
 * throws away the document's DOM and draws it all again: for the 10,000-word story, a second
 * build and layout of the whole body before it can be typed in. Views given by a plugin keep
 * their identity, so that mount changes nothing. Our views are plain DOM and need no portals.
 *
 * The view gets TipTap's node view props, so it can build on TipTap's `NodeView` (its event and
 * mutation handling, dragging, `updateAttributes`, `deleteNode`).
 */
export function nodeViewPlugin(editor: Editor, nodeName: string, create: (props: NodeViewRendererProps) => NodeView): Plugin {
  return new Plugin({
    key: new PluginKey(`${nodeName}View`),
    props: {
      nodeViews: {
        [nodeName]: (node, view, getPos, decorations, innerDecorations) => {
          const extension = editor.extensionManager.extensions.find((candidate) => candidate.name === nodeName) as NodeViewRendererProps['extension'] | undefined;
          if (!extension) throw new Error(`No extension named ${nodeName} for its node view.`);
          return create({ editor, extension, node, view, getPos, decorations: decorations as NodeViewRendererProps['decorations'], innerDecorations, HTMLAttributes: {} });
        },
      },
    },
  });
}
