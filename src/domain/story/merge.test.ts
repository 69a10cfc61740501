import fc from 'fast-check';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import type { DocumentJSON } from '../document/types';
import type { StoryFields } from './fields';
import { blockIds, blockIndex, mergeStories, sameJSON, type MergeChoice } from './merge';

const p = (id: string, text: string): JSONContent => ({ type: 'paragraph', attrs: { id }, content: text ? [{ type: 'text', text }] : undefined });
const fig = (id: string, caption: string, credit: string): JSONContent => ({
  type: 'figure',
  attrs: { id, photoId: 'ab'.repeat(32), credit, alt: '', width: null, height: null },
  content: [{ type: 'text', text: caption }],
});
const doc = (...blocks: JSONContent[]): DocumentJSON => ({ type: 'doc', content: blocks });
const texts = (body: DocumentJSON) => (body.content ?? []).map((block) => `${block.attrs?.id}:${block.content?.[0]?.text ?? ''}`);

function fields(overrides: Partial<StoryFields> = {}): StoryFields {
  return {
    headline: 'Minister visits harbour',
    standfirst: 'The visit follows talks.',
    byline: 'Newsdesk',
    dateline: 'HARBOURTOWN',
    section: null,
    tags: [],
    seoTitle: '',
    seoDescription: '',
    leadPhoto: null,
    body: doc(p('a', 'One.'), p('b', 'Two.'), fig('f', 'A quay.', ''), p('c', 'Three.')),
    ...overrides,
  };
}

describe('merging a stale save', () => {
  const base = fields();
  const body = base.body;
  const cases: Array<{ name: string; theirs: Partial<StoryFields>; mine: Partial<StoryFields>; blocks?: string[]; headline?: string; conflicts?: string[] }> = [
    { name: 'different fields', theirs: { headline: 'Their headline' }, mine: { standfirst: 'My standfirst' }, headline: 'Their headline' },
    { name: 'the same change on both sides', theirs: { headline: 'Same' }, mine: { headline: 'Same' }, headline: 'Same' },
    { name: 'one field changed differently', theirs: { headline: 'Theirs' }, mine: { headline: 'Mine' }, headline: 'Theirs', conflicts: ['headline'] },
    { name: 'a field sent unchanged does not undo theirs', theirs: { headline: 'Theirs' }, mine: { headline: base.headline }, headline: 'Theirs' },
    {
      name: 'different blocks of the body',
      theirs: { body: doc(p('a', 'One.'), p('b', 'Two.'), fig('f', 'A busy quay.', 'NEWSDESK'), p('c', 'Three.')) },
      mine: { body: doc(p('a', 'One, more.'), p('b', 'Two.'), fig('f', 'A quay.', ''), p('c', 'Three.')) },
      blocks: ['a:One, more.', 'b:Two.', 'f:A busy quay.', 'c:Three.'],
    },
    {
      name: 'blocks added on both sides, each after the block it follows',
      theirs: { body: doc(p('a', 'One.'), p('t', 'Theirs.'), p('b', 'Two.'), fig('f', 'A quay.', ''), p('c', 'Three.')) },
      mine: { body: doc(p('a', 'One.'), p('b', 'Two.'), fig('f', 'A quay.', ''), p('c', 'Three.'), p('m', 'Mine.')) },
      blocks: ['a:One.', 't:Theirs.', 'b:Two.', 'f:A quay.', 'c:Three.', 'm:Mine.'],
    },
    {
      name: 'a block deleted on one side, another changed on the other',
      theirs: { body: doc(p('a', 'One.'), fig('f', 'A quay.', ''), p('c', 'Three.')) },
      mine: { body: doc(p('a', 'One.'), p('b', 'Two.'), fig('f', 'A quay.', ''), p('c', 'Three!')) },
      blocks: ['a:One.', 'f:A quay.', 'c:Three!'],
    },
    {
      name: 'one block changed differently',
      theirs: { body: doc(p('a', 'One (theirs).'), p('b', 'Two.'), fig('f', 'A quay.', ''), p('c', 'Three.')) },
      mine: { body: doc(p('a', 'One (mine).'), p('b', 'Two!'), fig('f', 'A quay.', ''), p('c', 'Three.')) },
      blocks: ['a:One (theirs).', 'b:Two!', 'f:A quay.', 'c:Three.'],
      conflicts: ['block:a'],
    },
    {
      name: 'a block changed on one side and deleted on the other',
      theirs: { body: doc(p('a', 'One.'), fig('f', 'A quay.', ''), p('c', 'Three.')) },
      mine: { body: doc(p('a', 'One.'), p('b', 'Two, rewritten.'), fig('f', 'A quay.', ''), p('c', 'Three.')) },
      blocks: ['a:One.', 'f:A quay.', 'c:Three.'],
      conflicts: ['block:b'],
    },
    {
      name: 'a block moved on one side',
      theirs: { body: doc(p('a', 'One.'), p('b', 'Two (theirs).'), fig('f', 'A quay.', ''), p('c', 'Three.')) },
      mine: { body: doc(p('c', 'Three.'), p('a', 'One.'), p('b', 'Two.'), fig('f', 'A quay.', '')) },
      blocks: ['c:Three.', 'a:One.', 'b:Two (theirs).', 'f:A quay.'],
    },
    {
      name: 'blocks moved differently on both sides',
      theirs: { body: doc(p('b', 'Two.'), p('a', 'One.'), fig('f', 'A quay.', ''), p('c', 'Three.')) },
      mine: { body: doc(p('a', 'One.'), p('b', 'Two.'), p('c', 'Three.'), fig('f', 'A quay.', '')) },
      blocks: ['b:Two.', 'a:One.', 'f:A quay.', 'c:Three.'],
      conflicts: ['body'],
    },
  ];
  for (const { name, theirs, mine, blocks, headline, conflicts = [] } of cases) {
    it(name, () => {
      const result = mergeStories(base, fields(theirs), mine);
      expect(result.conflicts.map((conflict) => conflict.key)).toEqual(conflicts);
      if (blocks) expect(texts(result.fields.body)).toEqual(blocks);
      if (headline) expect(result.fields.headline).toBe(headline);
    });
  }

  it('takes the chosen side of each conflict', () => {
    const theirs = fields({ headline: 'Theirs', body: doc(p('a', 'One (theirs).'), p('b', 'Two.'), fig('f', 'A quay.', ''), p('c', 'Three.')) });
    const mine = { headline: 'Mine', body: doc(p('a', 'One (mine).'), p('b', 'Two.'), fig('f', 'A quay.', ''), p('c', 'Three!')) };
    const result = mergeStories(base, theirs, mine, new Map<string, MergeChoice>([['headline', 'mine'], ['block:a', 'theirs']]));
    expect(result.conflicts).toEqual([]);
    expect(result.fields.headline).toBe('Mine');
    expect(texts(result.fields.body)).toEqual(['a:One (theirs).', 'b:Two.', 'f:A quay.', 'c:Three!']);
    expect(result.changed).toEqual(['headline', 'body']);
  });

  it('treats every difference as a conflict when the base revision is no longer kept', () => {
    const result = mergeStories(null, fields({ headline: 'Theirs' }), { headline: 'Mine', standfirst: fields().standfirst, body });
    expect(result.conflicts.map((conflict) => conflict.key)).toEqual(['headline']);
  });

  it('compares JSON regardless of key order', () => {
    expect(sameJSON({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJSON({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJSON([1, 2], [2, 1])).toBe(false);
  });
});

/** A random edit of a body: blocks rewritten, deleted and added (with ids of that side). */
type Edit = { change: boolean[]; remove: boolean[]; add: number[] };
const edit = (size: number) =>
  fc.record({
    change: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
    remove: fc.array(fc.boolean(), { minLength: size, maxLength: size }),
    add: fc.array(fc.nat({ max: size }), { maxLength: 3 }),
  });

function applyEdit(base: JSONContent[], { change, remove, add }: Edit, side: string): JSONContent[] {
  const blocks = base.flatMap((block, index) => {
    if (remove[index]) return [];
    return [change[index] ? p(block.attrs!.id as string, `${block.content?.[0]?.text ?? ''} edited by ${side}`) : block];
  });
  add.forEach((at, n) => blocks.splice(Math.min(at, blocks.length), 0, p(`${side}${n}`, `New from ${side} ${n}`)));
  return blocks;
}

describe('merge properties', () => {
  const scenario = fc.integer({ min: 1, max: 8 }).chain((size) => fc.tuple(fc.constant(size), edit(size), edit(size)));

  it('never loses an accepted edit, and surfaces every overlap as a conflict', () => {
    fc.assert(
      fc.property(scenario, ([size, theirEdit, myEdit]) => {
        const baseBlocks = Array.from({ length: size }, (_, index) => p(`b${index}`, `Block ${index}.`));
        const base = fields({ body: doc(...baseBlocks) });
        const theirs = fields({ body: doc(...applyEdit(baseBlocks, theirEdit, 'them')) });
        const mine = { body: doc(...applyEdit(baseBlocks, myEdit, 'me')) };
        const result = mergeStories(base, theirs, mine);
        const merged = new Map((result.fields.body.content ?? []).map((block) => [block.attrs!.id as string, block]));
        const conflicted = new Set(result.conflicts.map((conflict) => (conflict.kind === 'block' ? conflict.blockId : conflict.key)));

        const side = (body: DocumentJSON) => new Map((body.content ?? []).map((block) => [block.attrs!.id as string, block]));
        const [was, their, my] = [side(base.body), side(theirs.body), side(mine.body)];
        for (const id of new Set([...was.keys(), ...their.keys(), ...my.keys()])) {
          const myChange = !sameJSON(my.get(id), was.get(id));
          const theirChange = !sameJSON(their.get(id), was.get(id));
          if (myChange && theirChange && !sameJSON(my.get(id), their.get(id))) {
            expect(conflicted.has(id), `overlap on ${id} must be a conflict`).toBe(true);
            continue;
          }
          const expected = myChange ? my.get(id) : their.get(id);
          if (expected) expect(merged.get(id), `block ${id} kept as edited`).toEqual(expected);
          else expect(merged.has(id), `block ${id} deleted`).toBe(false);
        }
        // Every new block keeps its place after the block it followed on its side.
        for (const [body, prefix] of [[mine.body, 'me'], [theirs.body, 'them']] as const) {
          const order = (result.fields.body.content ?? []).map((block) => block.attrs!.id as string);
          const ids = (body.content ?? []).map((block) => block.attrs!.id as string);
          ids.forEach((id, index) => {
            if (!id.startsWith(prefix) || index === 0 || !order.includes(ids[index - 1])) return;
            expect(order.indexOf(id)).toBeGreaterThan(order.indexOf(ids[index - 1]));
          });
        }
      }),
      { numRuns: 500 },
    );
  });

  it('settles every conflict with the choices made, keeping the chosen version', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), ([size, theirEdit, myEdit], preferMine) => {
        const baseBlocks = Array.from({ length: size }, (_, index) => p(`b${index}`, `Block ${index}.`));
        const base = fields({ body: doc(...baseBlocks), headline: 'Base' });
        const theirs = fields({ body: doc(...applyEdit(baseBlocks, theirEdit, 'them')), headline: 'Theirs' });
        const mine = { body: doc(...applyEdit(baseBlocks, myEdit, 'me')), headline: 'Mine' };
        const first = mergeStories(base, theirs, mine);
        const choice: MergeChoice = preferMine ? 'mine' : 'theirs';
        const settled = mergeStories(base, theirs, mine, new Map(first.conflicts.map((conflict) => [conflict.key, choice])));
        expect(settled.conflicts).toEqual([]);
        expect(settled.fields.headline).toBe(preferMine ? 'Mine' : 'Theirs');
        const merged = new Map((settled.fields.body.content ?? []).map((block) => [block.attrs!.id as string, block]));
        for (const conflict of first.conflicts) {
          if (conflict.kind !== 'block') continue;
          const chosen = preferMine ? conflict.mine : conflict.theirs;
          if (chosen) expect(merged.get(conflict.blockId)).toEqual(chosen);
          else expect(merged.has(conflict.blockId)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('block ids of a body', () => {
  const body = (ids: string[]): DocumentJSON => ({ type: 'doc', content: ids.map((id) => ({ type: 'paragraph', attrs: { id } })) });
  const deepFreeze = <T>(value: T): T => {
    if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(deepFreeze);
      Object.freeze(value);
    }
    return value;
  };

  it('names each block and where it is, or nothing when a block has no id or one is used twice', () => {
    expect(blockIndex(body(['a', 'b', 'c']))).toEqual({ ids: ['a', 'b', 'c'], positions: new Map([['a', 0], ['b', 1], ['c', 2]]) });
    expect(blockIds(body(['a', 'b', 'a']))).toBeNull();
    expect(blockIds({ type: 'doc', content: [{ type: 'paragraph', attrs: { id: 'a' } }, { type: 'paragraph' }] })).toBeNull();
    expect(blockIds({ type: 'doc' })).toEqual([]);
  });

  it('works out a frozen body once, and no caller can change what it answers', () => {
    const frozen = deepFreeze(body(['a', 'b']));
    const ids = blockIds(frozen)!;
    expect(blockIds(frozen)).toBe(ids);
    expect(() => (ids as string[]).push('c')).toThrow(TypeError);
    expect(blockIds(deepFreeze(body(['a', 'a'])))).toBeNull();
    // A body still being edited is read afresh each time.
    const open = body(['a', 'b']);
    expect(blockIds(open)).toEqual(['a', 'b']);
    open.content!.push({ type: 'paragraph', attrs: { id: 'c' } });
    expect(blockIds(open)).toEqual(['a', 'b', 'c']);
  });
});
