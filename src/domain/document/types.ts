import type { JSONContent } from '@tiptap/core';

/** A story body as stored and sent: ProseMirror JSON with the shared schema. */
export type DocumentJSON = JSONContent & { type: 'doc' };

export function emptyDocument(): DocumentJSON {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}
