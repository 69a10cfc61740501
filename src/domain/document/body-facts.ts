import type { JSONContent } from '@tiptap/core';
import { BLOCK_ID_ATTRIBUTE, BLOCK_ID_TYPES } from './extensions';
import { FIGURE, figureLacks, figurePhotoId, PHOTO_FIELDS } from './figure';
import { DOCUMENT_LIMITS } from './limits';
import { eachStoryReference } from './references';
import type { DocumentJSON } from './types';

/*
 * What a save needs to know of a whole body (its size, its block ids, the photos and stories it
 * shows), counted in one walk and kept for bodies that cannot change: the server freezes the
 * bodies it keeps (server/db/stored-bodies.ts). A body made from a kept one by replacing blocks
 * in place (a body patch while typing, see story/body-patch.ts) has its facts worked out from
 * the kept body's and the replaced blocks alone: a save of one paragraph of a 600-block story
 * looks at that paragraph, not at 600 blocks four times over (a CPU profile of saving,
 * docs/benchmarks.md).
 */

/** What one top-level block holds (itself and what is nested in it). */
export interface BlockFacts {
  nodes: number;
  textChars: number;
  /** Block ids, its own and its nested blocks', in document order. */
  ids: readonly string[];
  /** Photos its figures show, in document order (once per figure). */
  photoIds: readonly string[];
  /** Stories it points to ("Read also" blocks, links), in document order (once per mention). */
  references: readonly string[];
  /** Its figures lacking a caption, credit or alt text. */
  figureGaps: number;
}

/** What a whole body holds: each list's items with how many times each occurs. */
export interface BodyFacts {
  /** Nodes, the doc node included (as validateDocument counts them). */
  nodes: number;
  textChars: number;
  ids: ReadonlyMap<string, number>;
  /** An id used more than once, if any. */
  duplicateId: string | null;
  photoIds: ReadonlyMap<string, number>;
  references: ReadonlyMap<string, number>;
  figureGaps: number;
}

const blockFactsKept = new WeakMap<JSONContent, BlockFacts>();
const bodyFactsKept = new WeakMap<readonly JSONContent[], BodyFacts>();

/** A block list made from another by replacing the blocks at `positions`, each by one of the same id. */
interface InPlaceEdit {
  base: readonly JSONContent[];
  positions: readonly number[];
}

/**
 * The base is held weakly: a kept body must not keep alive the body it was made from, and that
 * one the body before it, back to the first save. So what is to be worked out from the base
 * must be asked for in the save that made the body, while the save still holds the base (see
 * `patchedBody` in server/services/stories.ts); later, a base gone means a walk, not a wrong answer.
 */
const inPlaceEdits = new WeakMap<readonly JSONContent[], { base: WeakRef<readonly JSONContent[]>; positions: readonly number[] }>();

/**
 * Records that `content` (frozen here: what is known of it must stay true) is `base` with the
 * blocks at `positions` replaced by blocks of the same ids, so that its facts, block index and
 * difference from `base` can be worked out from the replaced blocks alone. The caller sees that
 * `base` is a kept body, frozen through, and has frozen the replaced blocks through: what is
 * kept of the result counts on its blocks not changing.
 */
export function recordInPlaceEdit(content: JSONContent[], base: readonly JSONContent[], positions: readonly number[]): void {
  Object.freeze(content);
  inPlaceEdits.set(content, { base: new WeakRef(base), positions });
}

/** How `content` was made from another block list in place, if it was and that list is still about (see recordInPlaceEdit). */
export function inPlaceEditOf(content: readonly JSONContent[]): InPlaceEdit | undefined {
  const edit = inPlaceEdits.get(content);
  const base = edit?.base.deref();
  return base && { base, positions: edit!.positions };
}

/** One block's facts: kept once the block is frozen. Stops counting past the node limit, so a hostile block is not walked to its end. */
export function blockFacts(block: JSONContent): BlockFacts {
  const known = blockFactsKept.get(block);
  if (known) return known;
  let nodes = 0;
  let textChars = 0;
  let figureGaps = 0;
  const ids: string[] = [];
  const photoIds: string[] = [];
  const references: string[] = [];
  const pushReference = (storyId: string) => references.push(storyId);
  const stack: JSONContent[] = [block];
  while (stack.length > 0 && nodes <= DOCUMENT_LIMITS.maxNodes) {
    const node = stack.pop()!;
    nodes++;
    if (node.text !== undefined) textChars += node.text.length;
    const id = node.attrs?.[BLOCK_ID_ATTRIBUTE];
    if (typeof id === 'string' && BLOCK_ID_TYPES.includes(node.type!)) ids.push(id);
    if (node.type === FIGURE) {
      const photoId = figurePhotoId(node);
      if (photoId !== null) photoIds.push(photoId);
      if (figureLacks(node, PHOTO_FIELDS).length > 0) figureGaps++;
    }
    eachStoryReference(node, pushReference);
    const children = node.content;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  const facts: BlockFacts = { nodes, textChars, ids, photoIds, references, figureGaps };
  if (Object.isFrozen(block)) blockFactsKept.set(block, facts);
  return facts;
}

/** A body's facts: kept for a frozen block list, worked out from its base's for one edited in place. */
export function bodyFacts(doc: DocumentJSON): BodyFacts {
  const content = doc.content ?? [];
  const frozen = Object.isFrozen(content);
  if (frozen) {
    const known = bodyFactsKept.get(content);
    if (known) return known;
  }
  const edit = inPlaceEditOf(content);
  const baseFacts = edit && bodyFactsKept.get(edit.base);
  const facts = baseFacts ? editedFacts(baseFacts, edit, content) : wholeFacts(content);
  if (frozen) bodyFactsKept.set(content, facts);
  return facts;
}

function wholeFacts(content: readonly JSONContent[]): BodyFacts {
  let nodes = 1;
  let textChars = 0;
  let figureGaps = 0;
  let duplicateId: string | null = null;
  const ids = new Map<string, number>();
  const photoIds = new Map<string, number>();
  const references = new Map<string, number>();
  for (const block of content) {
    const facts = blockFacts(block);
    nodes += facts.nodes;
    textChars += facts.textChars;
    figureGaps += facts.figureGaps;
    for (const id of facts.ids) {
      const count = (ids.get(id) ?? 0) + 1;
      ids.set(id, count);
      if (count > 1) duplicateId ??= id;
    }
    count(photoIds, facts.photoIds, 1);
    count(references, facts.references, 1);
  }
  return { nodes, textChars, ids, duplicateId, photoIds, references, figureGaps };
}

/** The base's facts, less the replaced blocks', plus their replacements'. A list whose items did not change is the base's own. */
function editedFacts(base: BodyFacts, edit: InPlaceEdit, content: readonly JSONContent[]): BodyFacts {
  let { nodes, textChars, figureGaps } = base;
  const removed: BlockFacts[] = [];
  const added: BlockFacts[] = [];
  for (const position of edit.positions) {
    const was = blockFacts(edit.base[position]!);
    const now = blockFacts(content[position]!);
    nodes += now.nodes - was.nodes;
    textChars += now.textChars - was.textChars;
    figureGaps += now.figureGaps - was.figureGaps;
    removed.push(was);
    added.push(now);
  }
  const ids = recount(base.ids, removed, added, (facts) => facts.ids);
  const duplicateId = ids === base.ids ? base.duplicateId : firstRepeated(ids);
  return {
    nodes,
    textChars,
    ids,
    duplicateId,
    photoIds: recount(base.photoIds, removed, added, (facts) => facts.photoIds),
    references: recount(base.references, removed, added, (facts) => facts.references),
    figureGaps,
  };
}

function count(into: Map<string, number>, items: readonly string[], by: number) {
  for (const item of items) {
    const next = (into.get(item) ?? 0) + by;
    if (next === 0) into.delete(item);
    else into.set(item, next);
  }
}

/** `counts` with the items of `removed` taken out and those of `added` put in; `counts` itself when they are the same items. */
function recount(
  counts: ReadonlyMap<string, number>,
  removed: readonly BlockFacts[],
  added: readonly BlockFacts[],
  items: (facts: BlockFacts) => readonly string[],
): ReadonlyMap<string, number> {
  if (removed.every((facts, index) => sameItems(items(facts), items(added[index]!)))) return counts;
  const next = new Map(counts);
  for (const facts of removed) count(next, items(facts), -1);
  for (const facts of added) count(next, items(facts), 1);
  return next;
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((item, index) => item === b[index]));
}

function firstRepeated(counts: ReadonlyMap<string, number>): string | null {
  for (const [item, times] of counts) if (times > 1) return item;
  return null;
}

/** Whether two bodies point to the same stories (however often and in whatever order). */
export function sameReferences(a: DocumentJSON, b: DocumentJSON): boolean {
  const left = bodyFacts(a).references;
  const right = bodyFacts(b).references;
  if (left === right) return true;
  if (left.size !== right.size) return false;
  for (const id of left.keys()) if (!right.has(id)) return false;
  return true;
}
