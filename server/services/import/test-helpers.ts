import fs from 'node:fs';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';

/** A fixture of the importer's tests, read from `fixtures/`. */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
}

/** Blocks as a readable outline: `['p', text]`, `['h2', text]`, `['readAlso', label, title]`, … */
export function outline(blocks: JSONContent[] | undefined): unknown[] {
  const text = (node: JSONContent): string => (node.text ?? '') + (node.content ?? []).map(text).join('');
  return (blocks ?? []).map((block) => {
    switch (block.type) {
      case 'paragraph':
        return ['p', text(block)];
      case 'heading':
        return [`h${block.attrs?.level}`, text(block)];
      case 'readAlso':
        return ['readAlso', block.attrs?.label, block.attrs?.storyId ?? block.attrs?.title];
      case 'bulletList':
      case 'orderedList':
        return [block.type, ...(block.content ?? []).map((item) => outline(item.content))];
      case 'blockquote':
        return ['blockquote', ...outline(block.content)];
      default:
        return [block.type, text(block)];
    }
  });
}
