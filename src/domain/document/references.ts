import type { JSONContent } from '@tiptap/core';

/**
 * The stories a body points to, each once, in order of first mention: "Read also" blocks and
 * links to stories. The server keeps its "linked from" index from this.
 */
export function storyReferences(doc: JSONContent | null | undefined): string[] {
  const found = new Set<string>();
  const stack: JSONContent[] = doc ? [doc] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'readAlso' && typeof node.attrs?.storyId === 'string') found.add(node.attrs.storyId);
    for (const mark of node.marks ?? []) {
      if (mark.type === 'link' && typeof mark.attrs?.storyId === 'string') found.add(mark.attrs.storyId);
    }
    const children = node.content ?? [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return [...found];
}
