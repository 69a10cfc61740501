import { Extension, NodeView as TipTapNodeView, type Editor, type NodeViewRendererProps } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { NodeView, NodeViewConstructor } from '@tiptap/pm/view';

export type NodeViewMaker = (props: NodeViewRendererProps) => NodeView;

/**
 * A node view drawn with plain DOM from its node, on TipTap's `NodeView`: `draw()` brings the DOM
 * in line with `this.node` (called by the subclass once built, and on every change of the node);
 * a node selection marks `dom` (ProseMirror's class, and `data-selected` for the CSS).
 */
export abstract class DrawnNodeView extends TipTapNodeView<null> {
  protected abstract draw(): void;

  /** For what a new node needs besides drawing; `previous` is the node before. */
  protected nodeChanged(_previous: ProseMirrorNode): void {}

  update(node: ProseMirrorNode): boolean {
    if (node.type !== this.node.type) return false;
    if (node !== this.node) {
      const previous = this.node;
      this.node = node;
      this.nodeChanged(previous);
      this.draw();
    }
    return true;
  }

  selectNode(): void {
    this.dom.classList.add('ProseMirror-selectednode');
    this.dom.setAttribute('data-selected', '');
  }

  deselectNode(): void {
    this.dom.classList.remove('ProseMirror-selectednode');
    this.dom.removeAttribute('data-selected');
  }
}

/**
 * Node views that are in place from the editor's first draw and never change, so a long story's
 * body is built once when it opens.
 *
 * TipTap's own way (`addNodeView`) draws the body twice: when `EditorContent` mounts it installs
 * the extensions' node views again (React views need its portals), with new view functions, and
 * ProseMirror then throws the document's DOM away and draws it all again. Views given by a plugin
 * keep their identity, but a plugin of the editor's state arrives only after its first draw (TipTap
 * creates the view first and adds the plugins next), which also redraws everything. So these come
 * from a plugin of the view itself (ProseMirror's `plugins` prop, which TipTap passes through from
 * `editorProps`), there at the first draw, and the extension tells their views the editor.
 *
 * The views get TipTap's node view props, so they can build on TipTap's `NodeView` (its event and
 * mutation handling, dragging, `updateAttributes`, `deleteNode`). Ours are plain DOM and need no
 * portals.
 */
export function directNodeViews(makers: Record<string, NodeViewMaker>): { extension: Extension; plugin: Plugin } {
  // The editor being created, for its first draw. After that each view's editor is the one TipTap
  // notes on the view's DOM: one setup may serve more than one editor (React's StrictMode makes a
  // second and throws it away), and a later view must not take a destroyed one.
  let creating: Editor | null = null;
  const extension = Extension.create({
    name: 'directNodeViews',
    // Before the view is created, so before the first node view.
    onBeforeCreate() {
      creating = this.editor;
    },
  });
  const nodeViews: Record<string, NodeViewConstructor> = {};
  for (const [nodeName, make] of Object.entries(makers)) {
    nodeViews[nodeName] = (node, view, getPos, decorations, innerDecorations) => {
      const editor = (view.dom as HTMLElement & { editor?: Editor }).editor ?? creating;
      const extensionOfNode = editor?.extensionManager.extensions.find((candidate) => candidate.name === nodeName) as NodeViewRendererProps['extension'] | undefined;
      if (!editor || !extensionOfNode) throw new Error(`The ${nodeName} view needs the directNodeViews extension and a ${nodeName} extension in the editor.`);
      return make({ editor, extension: extensionOfNode, node, view, getPos, decorations: decorations as NodeViewRendererProps['decorations'], innerDecorations, HTMLAttributes: {} });
    };
  }
  return { extension, plugin: new Plugin({ key: new PluginKey('directNodeViews'), props: { nodeViews } }) };
}
