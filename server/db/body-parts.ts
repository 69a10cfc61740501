import { sql, type RawBuilder } from 'kysely';
import type { JSONContent } from '@tiptap/core';
import { inPlaceEditOf } from '../../src/domain/document/body-facts';
import type { DocumentJSON } from '../../src/domain/document/types';
import type { Dialect } from './connection';

/*
 * A story's body is stored as parts: runs of about PART_BLOCKS consecutive top-level blocks, one
 * row each in `story_body_parts` (migration 013). The story row keeps the outline: the parts'
 * keys and block counts, in order. A save that changed one paragraph of a 70 KB story rewrites
 * the ~2 KB part holding it, not the whole body: SQLite writes a changed row whole, and
 * PostgreSQL writes a changed TOASTed value whole, so a single body column cost every save the
 * full 70 KB in the database, its log and the statement sent (about half of a save's CPU, see
 * docs/benchmarks.md, "The body in parts").
 *
 * Which parts a save writes is told from the blocks' identity: a body patch keeps the stored
 * body's unchanged blocks (the same frozen objects, see stored-bodies.ts), so a part whose blocks
 * are all still there, in order, is unchanged. Bodies received whole share no blocks with the
 * stored one: their parts are compared by text instead.
 */

/** Blocks per part: ~2 KB of a long story's JSON, small enough to rewrite on every save. */
export const PART_BLOCKS = 16;

/** The story row's `body_parts`: each part's key and how many blocks it holds, in order. */
export type Outline = ReadonlyArray<readonly [key: number, blocks: number]>;

/** A part to write: its key, block count and the JSON of its blocks, comma-separated (no brackets). */
export interface PartRow {
  part: number;
  block_count: number;
  blocks: string;
}

/** What storing a body changes: the outline to keep, the parts to write and the parts to remove. */
export interface BodyWrite {
  outline: string;
  upserts: PartRow[];
  deletes: number[];
}

/** The JSON text of each block already serialised; a block is frozen once serialised, so its text stays true. */
const blockTexts = new WeakMap<object, string>();

/** `JSON.stringify(block)`, once per block: the block is frozen so its text cannot go stale. */
export function blockText(block: JSONContent): string {
  let text = blockTexts.get(block);
  if (text === undefined) {
    text = JSON.stringify(block);
    deepFreeze(block);
    blockTexts.set(block, text);
  }
  return text;
}

/** Freezes `value` and everything in it; frozen parts (blocks frozen before) are not walked again. */
export function deepFreeze(value: unknown) {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/** A stored body and the outline it was stored with. */
export interface StoredBody {
  body: DocumentJSON;
  outline: string;
}

/**
 * How to store `body` where `stored` is (null for a new story): the parts that changed, and
 * the outline. Null when nothing changed.
 */
export function planBodyWrite(stored: StoredBody | null, body: DocumentJSON): BodyWrite | null {
  const content = body.content ?? [];
  const old = stored ? partsOf(stored) : [];
  if (old === null) {
    // A part row lost (damage: nothing in the server deletes one the outline names) reads back
    // as a shorter body. Saving the body as it is read, laid out anew, keeps the story saveable.
    console.error(`a stored body does not fit its outline ${stored!.outline}; its parts are laid out again`);
    return relaidOut(layoutParts(JSON.parse(stored!.outline) as Outline), content);
  }
  const oldContent = stored?.body.content ?? [];
  const inPlace = stored ? inPlaceWrite(old, oldContent, content, stored.outline) : undefined;
  if (inPlace !== undefined) return inPlace;
  // The same blocks (the same objects, or the same text: a block sent again as it was, a body
  // received whole) are the same body, however its parts would be cut.
  if (stored && sameBlocks(oldContent, content)) return null;
  const startsAt = new Map<JSONContent, number>();
  old.forEach((part, index) => {
    if (part.count > 0) startsAt.set(oldContent[part.start]!, index);
  });

  // Old parts whose blocks are all still there, in order (and not small neighbours of a change, below).
  const kept = new Array<boolean>(old.length).fill(false);
  type Piece = { kept: number } | { fresh: JSONContent[] };
  const pieces: Piece[] = [];
  let fresh: JSONContent[] | null = null;
  for (let index = 0; index < content.length; ) {
    const at = startsAt.get(content[index]!);
    if (at !== undefined && !kept[at] && sameRun(oldContent, old[at]!, content, index)) {
      kept[at] = true;
      pieces.push({ kept: at });
      fresh = null;
      index += old[at]!.count;
    } else {
      if (!fresh) pieces.push({ fresh: (fresh = []) });
      fresh.push(content[index]!);
      index++;
    }
  }
  // A small kept part next to a change joins it, so typing at the end of a story (a new paragraph
  // after the last part) grows that part rather than leaving a part per paragraph.
  const small = (piece: Piece | undefined): piece is { kept: number } => piece !== undefined && 'kept' in piece && old[piece.kept]!.count < PART_BLOCKS / 2;
  const blocksOf = (index: number) => oldContent.slice(old[index]!.start, old[index]!.start + old[index]!.count) as JSONContent[];
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    if (!('fresh' in piece)) continue;
    const right = pieces[index + 1];
    if (small(right)) {
      kept[right.kept] = false;
      piece.fresh.push(...blocksOf(right.kept));
      pieces.splice(index + 1, 1);
      // Two changes either side of a small part are now one.
      const next = pieces[index + 1];
      if (next && 'fresh' in next) {
        piece.fresh.push(...next.fresh);
        pieces.splice(index + 1, 1);
      }
    }
    const left = pieces[index - 1];
    if (small(left)) {
      kept[left.kept] = false;
      piece.fresh.unshift(...blocksOf(left.kept));
      pieces.splice(index - 1, 1);
      index--;
    }
  }

  // Keys of old parts not kept, in their old order, go to the new parts in theirs: a changed
  // paragraph's part keeps its key, and the outline does not change.
  const free = old.filter((_, index) => !kept[index]);
  let nextKey = old.reduce((max, part) => Math.max(max, part.key), 0) + 1;
  const outline: Array<[number, number]> = [];
  const upserts: PartRow[] = [];
  for (const piece of pieces) {
    if ('kept' in piece) {
      const part = old[piece.kept]!;
      outline.push([part.key, part.count]);
      continue;
    }
    for (const blocks of balancedRuns(piece.fresh)) {
      const reused = free.shift();
      const text = blocks.map(blockText).join(',');
      const key = reused?.key ?? nextKey++;
      outline.push([key, blocks.length]);
      // Received whole, a body shares no blocks with the stored one; an unchanged part is told by its text.
      if (reused && reused.count === blocks.length && partText(oldContent, reused) === text) continue;
      upserts.push({ part: key, block_count: blocks.length, blocks: text });
    }
  }
  const deletes = free.map((part) => part.key);
  const outlineText = JSON.stringify(outline);
  if (stored && upserts.length === 0 && deletes.length === 0 && outlineText === stored.outline) return null;
  // Too many parts for the blocks (many small edits between parts): laid out again from scratch.
  if (outline.length > 4 + 2 * Math.ceil(content.length / PART_BLOCKS)) return relaidOut(old, content);
  rememberLayout(content, outlineText);
  return { outline: outlineText, upserts, deletes };
}

/**
 * The plan for a body whose blocks were replaced in place (a save while typing, see
 * document/body-facts.ts), found from the replaced blocks alone: each part holding a changed
 * block is written again under its key, and the outline stays. It is the plan the walk below
 * makes, or one with fewer writes (a block sent again as it was, as a new object, is no change
 * here; the walk may write its part again); where the walk would join or cut parts (a changed
 * part next to another changed part or to a small one) this answers undefined and the walk plans.
 */
function inPlaceWrite(old: readonly Part[], oldContent: readonly JSONContent[], content: readonly JSONContent[], outline: string): BodyWrite | null | undefined {
  const edit = inPlaceEditOf(content);
  if (!edit || edit.base !== oldContent || content.length !== oldContent.length || old.some((part) => part.count === 0)) return undefined;
  const changed: number[] = [];
  for (const at of edit.positions) {
    if (content[at] === oldContent[at] || blockText(content[at]!) === blockText(oldContent[at]!)) continue;
    const part = partAt(old, at);
    if (changed.at(-1) !== part) changed.push(part);
  }
  if (changed.length === 0) return null;
  const small = (index: number) => index >= 0 && index < old.length && old[index]!.count < PART_BLOCKS / 2;
  for (const [n, index] of changed.entries()) {
    if (small(index - 1) || small(index + 1) || changed[n + 1] === index + 1) return undefined;
  }
  if (Object.isFrozen(content)) layouts.set(content, { outline, parts: old as Part[] });
  return { outline, upserts: changed.map((index) => ({ part: old[index]!.key, block_count: old[index]!.count, blocks: partText(content, old[index]!) })), deletes: [] };
}

/** The index of the part holding block `at` (parts in order of their first block). */
function partAt(parts: readonly Part[], at: number): number {
  let low = 0;
  let high = parts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (parts[middle]!.start <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Every block in new parts, the old parts' keys removed. */
function relaidOut(old: readonly Part[], content: readonly JSONContent[]): BodyWrite {
  let nextKey = old.reduce((max, part) => Math.max(max, part.key), 0) + 1;
  const upserts = balancedRuns(content).map((blocks) => ({ part: nextKey++, block_count: blocks.length, blocks: blocks.map(blockText).join(',') }));
  const outline = JSON.stringify(upserts.map((part) => [part.part, part.block_count]));
  rememberLayout(content, outline);
  return { outline, upserts, deletes: old.map((part) => part.key) };
}

/** `blocks` cut into runs of at most PART_BLOCKS, as even as can be. */
function balancedRuns(blocks: readonly JSONContent[]): JSONContent[][] {
  const runs = Math.ceil(blocks.length / PART_BLOCKS);
  const result: JSONContent[][] = [];
  for (let run = 0, start = 0; run < runs; run++) {
    const end = Math.round(((run + 1) * blocks.length) / runs);
    result.push(blocks.slice(start, end));
    start = end;
  }
  return result;
}

interface Part {
  key: number;
  start: number;
  count: number;
}

/** Where each part of a stored body starts; worked out once per (frozen) block list. */
const layouts = new WeakMap<readonly JSONContent[], { outline: string; parts: Part[] }>();

function rememberLayout(content: readonly JSONContent[], outline: string) {
  if (Object.isFrozen(content)) layouts.set(content, { outline, parts: layoutParts(JSON.parse(outline) as Outline) });
}

/** Where each part of a stored body starts; null when the outline counts other than the body's blocks. */
function partsOf(stored: StoredBody): Part[] | null {
  const content = stored.body.content ?? [];
  const known = layouts.get(content);
  if (known && known.outline === stored.outline) return known.parts;
  const parts = layoutParts(JSON.parse(stored.outline) as Outline);
  const blocks = parts.reduce((sum, part) => sum + part.count, 0);
  if (blocks !== content.length) return null;
  if (Object.isFrozen(content)) layouts.set(content, { outline: stored.outline, parts });
  return parts;
}

function layoutParts(outline: Outline): Part[] {
  let start = 0;
  return outline.map(([key, count]) => {
    const part = { key, start, count };
    start += count;
    return part;
  });
}

function sameRun(oldContent: readonly JSONContent[], part: Part, content: readonly JSONContent[], from: number): boolean {
  if (from + part.count > content.length) return false;
  for (let offset = 0; offset < part.count; offset++) if (content[from + offset] !== oldContent[part.start + offset]) return false;
  return true;
}

function partText(content: readonly JSONContent[], part: Part): string {
  return content.slice(part.start, part.start + part.count).map(blockText).join(',');
}

function sameBlocks(a: readonly JSONContent[], b: readonly JSONContent[]): boolean {
  return a.length === b.length && a.every((block, index) => block === b[index] || blockText(block) === blockText(b[index]!));
}

/**
 * The body's JSON text as the database puts it together from the story's parts, in the order of
 * its outline (`stories.body_parts`). `stories` must be in the query.
 */
export function assembledBody(dialect: Dialect): RawBuilder<string> {
  const joined =
    dialect === 'sqlite'
      ? sql<string>`(select group_concat(p.blocks, ',' order by o.key) from json_each(stories.body_parts) o
          join story_body_parts p on p.story_id = stories.id and p.part = o.value ->> 0)`
      : sql<string>`(select string_agg(p.blocks, ',' order by o.position) from jsonb_array_elements(stories.body_parts::jsonb) with ordinality o(part, position)
          join story_body_parts p on p.story_id = stories.id and p.part = (o.part ->> 0)::int)`;
  return sql<string>`'{"type":"doc","content":[' || coalesce(${joined}, '') || ']}'`;
}
