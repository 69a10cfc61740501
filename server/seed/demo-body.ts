import type { JSONContent } from '@tiptap/core';
import type { DocumentJSON } from '../../src/domain/document/types';
import type { DemoBlock } from './demo-stories';

const LINK = /\[([^\]]+)\]\((https:\/\/[^)\s]+)\)/g;

/** A line of demo copy as text nodes, with [text](https://…) turned into links. */
function inline(text: string): JSONContent[] {
  const nodes: JSONContent[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    if (match.index > last) nodes.push({ type: 'text', text: text.slice(last, match.index) });
    nodes.push({ type: 'text', text: match[1], marks: [{ type: 'link', attrs: { href: match[2] } }] });
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push({ type: 'text', text: text.slice(last) });
  return nodes;
}

const paragraph = (text: string): JSONContent => ({ type: 'paragraph', content: inline(text) });

/** Demo blocks as a story body (block ids are added when the story is validated). */
export function demoBody(blocks: DemoBlock[]): DocumentJSON {
  return {
    type: 'doc',
    content: blocks.map((block): JSONContent => {
      if ('p' in block) return paragraph(block.p);
      if ('h2' in block) return { type: 'heading', attrs: { level: 2 }, content: inline(block.h2) };
      if ('h3' in block) return { type: 'heading', attrs: { level: 3 }, content: inline(block.h3) };
      if ('quote' in block) return { type: 'blockquote', content: [paragraph(block.quote)] };
      return { type: 'bulletList', content: block.list.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) };
    }),
  };
}
