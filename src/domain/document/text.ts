import type { JSONContent } from '@tiptap/core';

/** Separators that keep words apart when blocks are joined into plain text. */
export const BLOCK_SEPARATOR = '\n\n';

/**
 * The body as plain text: blocks separated by blank lines, hard breaks as newlines. Used for
 * full-text search, word counts and summaries. Iterative, so no document is too deep for it.
 */
export function documentText(doc: JSONContent | null | undefined): string {
  if (!doc) return '';
  const blocks: string[] = [];
  let current = '';
  // Depth-first walk; a marker closes a textblock so its text becomes one block.
  const stack: Array<JSONContent | 'end-block'> = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end-block') {
      if (current.trim()) blocks.push(current.trim());
      current = '';
      continue;
    }
    if (node.type === 'text') {
      current += node.text ?? '';
    } else if (node.type === 'hardBreak') {
      current += '\n';
    } else {
      // A figure's caption is its text: a block of its own, found by search and counted.
      const isTextblock = node.type === 'paragraph' || node.type === 'heading' || node.type === 'figure';
      if (isTextblock) stack.push('end-block');
      const children = node.content ?? [];
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
    }
  }
  if (current.trim()) blocks.push(current.trim());
  return blocks.join(BLOCK_SEPARATOR);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.\-]*/gu;

/** Words as a reader counts them: "U.S.", "well-known" and "don't" are one word each; dashes none. */
export function countWords(text: string): number {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) count++;
  return count;
}

/**
 * The word count of `after`, from the count of `before`, counting only the top-level blocks the
 * two do not share (the same objects): a save that changed one paragraph of a long story counts
 * one paragraph. Exact, because words never run across blocks.
 */
export function wordCountAfter(before: JSONContent, beforeCount: number, after: JSONContent): number {
  const was = before.content ?? [];
  const is = after.content ?? [];
  if (was.length === is.length) {
    // The usual save: blocks changed in place. Block by block, without sets of 600 blocks.
    const changed: number[] = [];
    for (let index = 0; index < is.length; index++) if (was[index] !== is[index]) changed.push(index);
    if (changed.length < is.length) {
      let count = beforeCount;
      for (const index of changed) count += countWords(documentText(is[index]!)) - countWords(documentText(was[index]!));
      return count;
    }
  }
  const kept = new Set(after.content ?? []);
  const had = new Set(before.content ?? []);
  // Nothing shared (a merged or whole body): counted afresh, so a stored count is never carried on.
  if (!(after.content ?? []).some((block) => had.has(block))) return countWords(documentText(after));
  let count = beforeCount;
  for (const block of before.content ?? []) if (!kept.has(block)) count -= countWords(documentText(block));
  for (const block of after.content ?? []) if (!had.has(block)) count += countWords(documentText(block));
  return count;
}

/** Newsroom convention: about 230 words a minute, at least a minute for any text. */
export const WORDS_PER_MINUTE = 230;

export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * Text as search compares it: compatibility forms unified, accents dropped, lower case.
 * "Café Zürich" → "cafe zurich". Both the indexed text and the query words go through this.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
