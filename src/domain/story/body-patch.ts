import type { JSONContent } from '@tiptap/core';
import type { DocumentJSON } from '../document/types';
import { inPlaceEditOf } from '../document/body-facts';
import { blockIds, blockIndex, sameJSON } from './merge';

/**
 * A save of the body as the top-level blocks that changed since the revision it was made on,
 * rather than the whole body: on a long story a save then carries one paragraph, not 70 KB, and
 * the server checks only what changed. Blocks are named by their stable ids (the same ids the
 * merge works by).
 */
export interface BodyPatch {
  /**
   * Every top-level block's id, in order: the body after the change. Left out when the blocks
   * and their order are the base's (the usual save while typing: a few blocks edited in place),
   * so a save of a 1,000-block story does not carry 1,000 ids.
   */
  order?: string[];
  /** The blocks that are new or changed since the base revision, whole, with their ids. */
  blocks: JSONContent[];
}

/**
 * The patch that turns `base` into `next`, or null when one cannot name the blocks (a block
 * without an id, or an id used twice): then the whole body is sent. Unchanged blocks are found
 * by identity first (an editor that keeps each block's JSON while the block is unchanged pays
 * nothing for them), then by value.
 */
export function diffBody(base: DocumentJSON, next: DocumentJSON): BodyPatch | null {
  // Made from `base` by replacing blocks in place (a patch while typing): only those can differ.
  const edit = next.content && inPlaceEditOf(next.content);
  if (edit && edit.base === base.content) {
    return { blocks: edit.positions.map((at) => next.content![at]!).filter((block, n) => !sameJSON(base.content![edit.positions[n]!], block)) };
  }
  const baseIndex = blockIndex(base);
  const order = blockIds(next);
  if (!baseIndex || !order) return null;
  const baseIds = baseIndex.ids;
  const blocks = (next.content ?? []).filter((block, index) => {
    const at = baseIndex.positions.get(order[index]!);
    const was = at === undefined ? undefined : base.content![at];
    return was === undefined || (was !== block && !sameJSON(was, block));
  });
  const sameOrder = order.length === baseIds.length && order.every((id, index) => id === baseIds[index]);
  return sameOrder ? { blocks } : { order: [...order], blocks };
}

export type PatchResult =
  /** `replaced`: for blocks changed in place (a patch without order), the positions of the blocks replaced, ascending. */
  | { ok: true; doc: DocumentJSON; replaced?: number[] }
  | { ok: false; message: string };

/**
 * The body `patch` describes, on top of `base` (the body at the revision it was made on). Fails
 * when the patch names a block the base does not have, names one twice, or sends a block it
 * does not place.
 */
export function applyBodyPatch(base: DocumentJSON, patch: BodyPatch): PatchResult {
  const index = blockIndex(base);
  if (!index) return { ok: false, message: 'the stored body has blocks without ids; send the whole body' };
  const baseBlocks = base.content ?? [];
  const sent = new Map<string, JSONContent>();
  for (const block of patch.blocks) {
    const id = block.attrs?.id;
    if (typeof id !== 'string' || id === '') return { ok: false, message: 'every block in a body patch needs its id' };
    if (sent.has(id)) return { ok: false, message: `the body patch sends block "${id}" twice` };
    sent.set(id, block);
  }
  if (!patch.order) {
    // The usual save while typing: blocks changed in place, put where they were (no walk over the rest).
    const content = baseBlocks.slice();
    const replaced: number[] = [];
    for (const [id, block] of sent) {
      const at = index.positions.get(id);
      if (at === undefined) return { ok: false, message: `the body patch sends block "${id}", which the revision it was made on does not have, without an order to place it` };
      content[at] = block;
      replaced.push(at);
    }
    return { ok: true, doc: { type: 'doc', content }, replaced: replaced.sort((a, b) => a - b) };
  }
  const placed = new Set<string>();
  const content: JSONContent[] = [];
  for (const id of patch.order) {
    const at = index.positions.get(id);
    const block = sent.get(id) ?? (at === undefined ? undefined : baseBlocks[at]);
    if (!block) return { ok: false, message: `the body patch names block "${id}", which is neither sent nor in the revision it was made on` };
    if (placed.has(id)) return { ok: false, message: `the body patch names block "${id}" twice` };
    placed.add(id);
    content.push(block);
  }
  const unplaced = [...sent.keys()].find((id) => !placed.has(id));
  if (unplaced !== undefined) return { ok: false, message: `the body patch sends block "${unplaced}" but does not place it in the order` };
  return { ok: true, doc: { type: 'doc', content } };
}
