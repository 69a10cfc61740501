import { Extension, type AnyExtension } from '@tiptap/core';
import { ListKeymap } from '@tiptap/extension-list';
import { Dropcursor, Gapcursor, Placeholder, UndoRedo } from '@tiptap/extensions';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { documentExtensions } from '../../domain/document/extensions';
import { FIGURE } from '../../domain/document/figure';
import { onlyPhotoDeskChanges } from '../../domain/document/photo-desk';
import { imageFilesIn } from '../photos/model/files';
import { directNodeViews } from './direct-node-views';
import { EditorFigure } from './figure/editor-figure';
import { FigureView } from './figure/figure-view';
import { ReadAlsoEditing, type ReadAlsoEditingOptions } from './nodes/read-also';
import { ReadAlsoView } from './nodes/read-also-view';
import { PasteCleanup } from './paste/paste-cleanup';
import { SelectionBlocksShown } from './selection-blocks-shown';
import { TypedCharacters } from './typed-characters';

interface EditorExtensionOptions extends ReadAlsoEditingOptions {
  onLinkShortcut: () => void;
  /** The photo desk's editor: only figure captions, credits and alt text change. */
  photoDeskOnly?: boolean;
  /** Image files dropped or pasted into the body, and where they go; absent when photos cannot be added. */
  onPhotoFiles?: (files: File[], position: number) => void;
}

/** Ctrl/Cmd+K opens the link editor, as in every word processor. */
const LinkShortcut = Extension.create<Pick<EditorExtensionOptions, 'onLinkShortcut'>>({
  name: 'linkShortcut',
  addOptions: () => ({ onLinkShortcut: () => {} }),
  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        this.options.onLinkShortcut();
        return true;
      },
    };
  },
});

/**
 * Keeps the photo desk to its part of the body: any transaction that would change more than
 * figure captions, credits and alt text is dropped (the same rule the server applies on save).
 */
const PhotoDeskOnly = Extension.create({
  name: 'photoDeskOnly',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('photoDeskOnly'),
        filterTransaction: (tr) => !tr.docChanged || onlyPhotoDeskChanges(tr.before, tr.doc),
      }),
    ];
  },
});

/** Image files dropped on or pasted into the body are uploaded and placed as figures there. */
const PhotoFiles = Extension.create<Pick<EditorExtensionOptions, 'onPhotoFiles'>>({
  name: 'photoFiles',
  addOptions: () => ({ onPhotoFiles: undefined }),
  addProseMirrorPlugins() {
    const onFiles = this.options.onPhotoFiles;
    if (!onFiles) return [];
    return [
      new Plugin({
        key: new PluginKey('photoFiles'),
        props: {
          handleDrop: (view, event, _slice, moved) => {
            const files = moved ? [] : imageFilesIn(event.dataTransfer);
            if (files.length === 0) return false;
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
            onFiles(files, at ? at.pos : view.state.selection.to);
            return true;
          },
          handlePaste: (view, event) => {
            const files = imageFilesIn(event.clipboardData);
            if (files.length === 0) return false;
            onFiles(files, view.state.selection.to);
            return true;
          },
        },
      }),
    ];
  },
});

/** What the editor is made with: its extensions, and the plugins its view takes directly (`editorProps.plugins`). */
export interface EditorSetup {
  extensions: AnyExtension[];
  viewPlugins: Plugin[];
}

/**
 * The editor's extensions: the shared schema, with editor-only behaviour layered on (node views,
 * history, placeholder, drop and gap cursors, list keys, shortcuts, clean pastes from office
 * documents, photo uploads by drop and paste, typed characters put in by a transaction). Nodes
 * keep their names, so the schema stays exactly the server's. The figures' and read-also blocks'
 * views come with the view's own plugins, so they are there at its first draw
 * (direct-node-views.ts).
 */
export function editorSetup(options: EditorExtensionOptions): EditorSetup {
  const photoDeskOnly = options.photoDeskOnly ?? false;
  const editing: Record<string, AnyExtension> = {
    readAlso: ReadAlsoEditing.configure({ onPickStory: options.onPickStory, queryClient: options.queryClient }),
    [FIGURE]: EditorFigure.configure({ textEditable: !photoDeskOnly }),
  };
  const nodeViews = directNodeViews({
    [FIGURE]: (props) => new FigureView(props),
    readAlso: (props) => new ReadAlsoView(props),
  });
  const extensions = [
    ...documentExtensions.map((extension) => editing[extension.name] ?? extension),
    UndoRedo,
    ListKeymap,
    Dropcursor,
    Gapcursor,
    Placeholder.configure({ placeholder: 'Write the story…' }),
    LinkShortcut.configure({ onLinkShortcut: options.onLinkShortcut }),
    PasteCleanup,
    SelectionBlocksShown,
    TypedCharacters,
    nodeViews.extension,
    ...(photoDeskOnly ? [PhotoDeskOnly] : [PhotoFiles.configure({ onPhotoFiles: options.onPhotoFiles })]),
  ];
  return { extensions, viewPlugins: [nodeViews.plugin] };
}
