import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import type { DocumentJSON } from '../../../domain/document/types';

/** Each top-level block's JSON, for as long as the block is unchanged. */
const blockJSON = new WeakMap<PMNode, JSONContent>();

function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) frozen(child);
  }
  return value;
}

/**
 * The body as JSON, each top-level block serialised only when it changed. ProseMirror keeps an
 * unchanged node as the same object from one document to the next, so after typing in one
 * paragraph of a long story a save or a journal write serialises that paragraph alone, and the
 * save's diff (`diffBody`) finds the other blocks unchanged by identity. The JSON is frozen, as
 * it is shared by every reader until the block changes.
 */
export function bodyJSON(doc: PMNode): DocumentJSON {
  const content: JSONContent[] = [];
  doc.forEach((block) => {
    let json = blockJSON.get(block);
    if (!json) blockJSON.set(block, (json = frozen(block.toJSON() as JSONContent)));
    content.push(json);
  });
  return { type: 'doc', content };
}
