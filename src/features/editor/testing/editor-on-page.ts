import { Editor, type EditorOptions } from '@tiptap/core';
import { QueryClient } from '@tanstack/react-query';
import { vi } from 'vitest';
import type { DocumentJSON } from '../../../domain/document/types';
import { editorSetup } from '../editor-extensions';

export interface EditorOnPageOptions {
  photoDesk?: boolean;
  editable?: boolean;
  queryClient?: QueryClient;
}

/**
 * For tests (happy-dom): the body editor as the story screen makes it, from the same setup, on
 * the page. The caller destroys it.
 */
export function editorOnPage(body: DocumentJSON, options: EditorOnPageOptions = {}) {
  const queryClient = options.queryClient ?? new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const onPickStory = vi.fn();
  const element = document.createElement('div');
  document.body.append(element);
  const setup = editorSetup({ onLinkShortcut: () => undefined, onPickStory, queryClient, photoDeskOnly: options.photoDesk });
  const editor = new Editor({
    element,
    extensions: setup.extensions,
    editorProps: { plugins: setup.viewPlugins } as EditorOptions['editorProps'],
    content: body,
    editable: options.editable ?? true,
  });
  return { editor, queryClient, onPickStory, dom: editor.view.dom as HTMLElement };
}
