import type { JSONContent } from '@tiptap/core';
import { inPlaceEditOf } from '../document/body-facts';
import type { DocumentJSON } from '../document/types';
import type { StoryFieldName, StoryFields } from './fields';

/**
 * Three-way merge of a story: what the client started from (`base`), what the server holds now
 * (`theirs`) and what the client changed (`mine`). Fields merge whole; the body merges block by
 * block, by the top-level blocks' stable ids. An item changed on both sides, differently, is a
 * conflict: it keeps their version until the person chooses (pass `choices` to merge again with
 * the choices made). The server merges stale saves with it, and the editor with the same code
 * takes other people's saves into the open story and lays out a conflict for the person.
 */

export type MergeChoice = 'mine' | 'theirs';

export type MergeConflict =
  | { kind: 'field'; key: string; field: Exclude<StoryFieldName, 'body'>; base: unknown; theirs: unknown; mine: unknown }
  /** One top-level block; null where that side deleted it (or it did not exist). */
  | { kind: 'block'; key: string; blockId: string; base: JSONContent | null; theirs: JSONContent | null; mine: JSONContent | null }
  /** Both sides moved blocks around, differently; or the body could not be merged by blocks. */
  | { kind: 'body'; key: 'body'; base: DocumentJSON | null; theirs: DocumentJSON; mine: DocumentJSON };

export interface MergeResult {
  /** Every field, merged; a conflicting item holds the chosen version, else theirs. */
  fields: StoryFields;
  /** Items changed on both sides that no choice settled. */
  conflicts: MergeConflict[];
  /** Fields whose merged value differs from theirs: what a save on top of theirs must send. */
  changed: StoryFieldName[];
}

const FIELD_ORDER: StoryFieldName[] = ['headline', 'standfirst', 'byline', 'dateline', 'section', 'tags', 'seoTitle', 'seoDescription', 'leadPhoto', 'body'];

/** Structural equality of JSON values (key order does not matter). */
export function sameJSON(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => sameJSON(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  if (keys.length !== Object.keys(right).filter((key) => right[key] !== undefined).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && sameJSON(left[key], right[key]));
}

/**
 * Merges `mine` (the fields the client sent; absent ones it did not touch) into `theirs`.
 * With no base (an old revision no longer kept), nothing can be told apart: every item that
 * differs between the two sides is a conflict.
 */
export function mergeStories(
  base: StoryFields | null,
  theirs: StoryFields,
  mine: Partial<StoryFields>,
  choices: ReadonlyMap<string, MergeChoice> = new Map(),
): MergeResult {
  const fields = { ...theirs } as Record<StoryFieldName, unknown>;
  const conflicts: MergeConflict[] = [];
  for (const field of FIELD_ORDER) {
    if (!Object.hasOwn(mine, field) || mine[field] === undefined) continue;
    if (field === 'body') {
      const body = mergeBody(base?.body ?? null, theirs.body, mine.body!, choices);
      fields.body = body.doc;
      conflicts.push(...body.conflicts);
      continue;
    }
    const mineValue = mine[field];
    const baseValue = base ? base[field] : undefined;
    const mineChanged = !base || !sameJSON(mineValue, baseValue);
    const theirsChanged = !base || !sameJSON(theirs[field], baseValue);
    if (!mineChanged) continue;
    if (theirsChanged && !sameJSON(mineValue, theirs[field])) {
      const choice = choices.get(field);
      if (choice === 'mine') fields[field] = mineValue;
      else if (choice !== 'theirs') conflicts.push({ kind: 'field', key: field, field, base: baseValue ?? null, theirs: theirs[field], mine: mineValue });
      continue;
    }
    fields[field] = mineValue;
  }
  const merged = fields as StoryFields;
  return { fields: merged, conflicts, changed: FIELD_ORDER.filter((field) => !sameJSON(merged[field], theirs[field])) };
}

/** The ids of a body's top-level blocks, or null when some block has none or one is used twice. */
export function blockIds(doc: DocumentJSON): readonly string[] | null {
  return blockIndex(doc)?.ids ?? null;
}

/** A body's top-level block ids in order, and where each one is. Shared by every caller: read only. */
export interface BlockIndex {
  ids: readonly string[];
  /** A Map cannot be frozen: `ReadonlyMap` is what keeps callers from changing the one kept for a frozen body. */
  positions: ReadonlyMap<string, number>;
}

/**
 * Worked out once for a frozen body (the server freezes the bodies it keeps, see
 * server/db/stored-bodies.ts): a frozen block list cannot change, so neither can its ids, and a
 * save of a long story does not walk its 600 blocks again for each step that needs them.
 */
const indexOfFrozen = new WeakMap<readonly JSONContent[], BlockIndex | null>();

/** `blockIds` with each id's position; null when some block has no id or one is used twice. */
export function blockIndex(doc: DocumentJSON): BlockIndex | null {
  const content = doc.content ?? [];
  const frozen = Object.isFrozen(content);
  if (frozen) {
    const known = indexOfFrozen.get(content);
    if (known !== undefined) return known;
    // Blocks replaced in place by blocks of the same ids (a patch while typing): the base's ids and places.
    const edit = inPlaceEditOf(content);
    const ofBase = edit && indexOfFrozen.get(edit.base);
    if (ofBase) {
      indexOfFrozen.set(content, ofBase);
      return ofBase;
    }
  }
  const ids: string[] = [];
  const positions = new Map<string, number>();
  for (const block of content) {
    const id = block.attrs?.id;
    if (typeof id !== 'string' || id === '' || positions.has(id)) break;
    positions.set(id, ids.length);
    ids.push(id);
  }
  // Stopped early: a block without an id, or an id used twice.
  const index = ids.length === content.length ? { ids: frozen ? Object.freeze(ids) : ids, positions } : null;
  if (frozen) indexOfFrozen.set(content, index);
  return index;
}

function blocksById(doc: DocumentJSON, ids: readonly string[]): Map<string, JSONContent> {
  const content = doc.content ?? [];
  return new Map(ids.map((id, index) => [id, content[index]]));
}

/** The ids of `order` that are also in `keep`, in `order`'s order. */
function common(order: readonly string[], keep: ReadonlySet<string>): string[] {
  return order.filter((id) => keep.has(id));
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

export function mergeBody(
  base: DocumentJSON | null,
  theirs: DocumentJSON,
  mine: DocumentJSON,
  choices: ReadonlyMap<string, MergeChoice> = new Map(),
): { doc: DocumentJSON; conflicts: MergeConflict[] } {
  if (sameJSON(mine, theirs) || (base && sameJSON(mine, base))) return { doc: theirs, conflicts: [] };
  if (base && sameJSON(theirs, base)) return { doc: mine, conflicts: [] };
  const baseIds = base ? blockIds(base) : [];
  const theirIds = blockIds(theirs);
  const myIds = blockIds(mine);
  if (!baseIds || !theirIds || !myIds) return wholeBody(base, theirs, mine, choices);

  const baseBlocks = base ? blocksById(base, baseIds) : new Map<string, JSONContent>();
  const theirBlocks = blocksById(theirs, theirIds);
  const myBlocks = blocksById(mine, myIds);
  const conflicts: MergeConflict[] = [];
  const resolved = new Map<string, JSONContent | null>();
  for (const id of new Set([...theirIds, ...myIds, ...baseIds])) {
    const was = baseBlocks.get(id) ?? null;
    const their = theirBlocks.get(id) ?? null;
    const my = myBlocks.get(id) ?? null;
    const myChange = !base || !sameJSON(my, was);
    const theirChange = !base || !sameJSON(their, was);
    if (myChange && theirChange && !sameJSON(my, their)) {
      const key = `block:${id}`;
      const choice = choices.get(key);
      if (choice === undefined) conflicts.push({ kind: 'block', key, blockId: id, base: was, theirs: their, mine: my });
      resolved.set(id, choice === 'mine' ? my : their);
    } else {
      resolved.set(id, myChange ? my : their);
    }
  }

  // Order: follow the side that moved blocks (theirs when neither or both did, unless chosen).
  const inAll = new Set(baseIds.filter((id) => theirBlocks.has(id) && myBlocks.has(id)));
  const baseOrder = common(baseIds, inAll);
  const iMoved = base !== null && !sameSequence(common(myIds, inAll), baseOrder);
  const theyMoved = base !== null && !sameSequence(common(theirIds, inAll), baseOrder);
  let followMine = iMoved && !theyMoved;
  if (iMoved && theyMoved && !sameSequence(common(myIds, inAll), common(theirIds, inAll))) {
    const choice = choices.get('body');
    if (choice === undefined) conflicts.push({ kind: 'body', key: 'body', base, theirs, mine });
    followMine = choice === 'mine';
  }
  const [lead, other] = followMine ? [myIds, theirIds] : [theirIds, myIds];
  const order = lead.filter((id) => resolved.get(id));
  const placed = new Set(order);
  // Blocks only the other side has go after the block they follow there.
  other.forEach((id, index) => {
    if (placed.has(id) || !resolved.get(id)) return;
    let at = 0;
    for (let before = index - 1; before >= 0; before--) {
      if (placed.has(other[before])) {
        at = order.indexOf(other[before]) + 1;
        break;
      }
    }
    order.splice(at, 0, id);
    placed.add(id);
  });
  const content = order.map((id) => resolved.get(id)!);
  // Both sides emptied the story: a document still needs one block.
  return { doc: { ...theirs, content: content.length > 0 ? content : [{ type: 'paragraph', attrs: { id: globalThis.crypto.randomUUID() } }] }, conflicts };
}

function wholeBody(base: DocumentJSON | null, theirs: DocumentJSON, mine: DocumentJSON, choices: ReadonlyMap<string, MergeChoice>) {
  const choice = choices.get('body');
  if (choice === 'mine') return { doc: mine, conflicts: [] };
  if (choice === 'theirs') return { doc: theirs, conflicts: [] };
  return { doc: theirs, conflicts: [{ kind: 'body', key: 'body', base, theirs, mine } as MergeConflict] };
}
