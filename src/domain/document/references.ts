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
    eachStoryReference(node, (storyId) => found.add(storyId));
    const children = node.content ?? [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return [...found];
}

/** The stories one node points to itself, its children aside: a "Read also" block, links to stories in its marks. */
export function eachStoryReference(node: JSONContent, visit: (storyId: string) => void): void {
  if (node.type === 'readAlso' && typeof node.attrs?.storyId === 'string') visit(node.attrs.storyId);
  for (const mark of node.marks ?? []) {
    if (mark.type === 'link' && typeof mark.attrs?.storyId === 'string') visit(mark.attrs.storyId);
  }
}
