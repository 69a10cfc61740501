import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { JSONContent } from '@tiptap/core';
import { recordInPlaceEdit } from '../../src/domain/document/body-facts';
import type { DocumentJSON } from '../../src/domain/document/types';
import { deepFreeze, PART_BLOCKS, planBodyWrite, type BodyWrite, type Outline, type StoredBody } from './body-parts';

let made = 0;
const paragraph = (text: string): JSONContent => ({ type: 'paragraph', attrs: { id: `p${++made}` }, content: [{ type: 'text', text }] });
const bodyOf = (blocks: JSONContent[]): DocumentJSON => ({ type: 'doc', content: blocks });
const longBody = (blocks: number) => bodyOf(Array.from({ length: blocks }, (_, index) => paragraph(`Paragraph ${index} of the investigation.`)));

/** The story_body_parts rows of one story, as the writes leave them. */
class PartsTable {
  readonly rows = new Map<number, { count: number; blocks: string }>();
  outline = '[]';
  written = 0;

  apply(write: BodyWrite) {
    for (const key of write.deletes) expect(this.rows.delete(key), `part ${key} removed`).toBe(true);
    for (const part of write.upserts) this.rows.set(part.part, { count: part.block_count, blocks: part.blocks });
    this.written += write.upserts.length;
    this.outline = write.outline;
  }

  /** The body as a read puts it together; every row is in the outline and holds what it says. */
  body(): DocumentJSON {
    const outline = JSON.parse(this.outline) as Outline;
    expect(outline.map(([key]) => key).sort()).toEqual([...this.rows.keys()].sort());
    const content = outline.flatMap(([key, count]) => {
      const blocks = JSON.parse(`[${this.rows.get(key)!.blocks}]`) as JSONContent[];
      expect(blocks).toHaveLength(count);
      return blocks;
    });
    return bodyOf(content);
  }
}

/** Stores `body` on top of what `table` holds, as a save does, and checks it reads back whole. */
function save(table: PartsTable, stored: StoredBody | null, body: DocumentJSON): { stored: StoredBody; write: BodyWrite | null } {
  const write = planBodyWrite(stored, body);
  if (write) table.apply(write);
  expect(table.body()).toEqual(JSON.parse(JSON.stringify(body)));
  // The server remembers what it stored, frozen (stored-bodies.ts).
  deepFreeze(body);
  return { stored: { body, outline: table.outline }, write };
}

describe('a body stored in parts', () => {
  it('cuts a new story into parts of at most PART_BLOCKS blocks that read back as the body', () => {
    const table = new PartsTable();
    const body = longBody(600);
    save(table, null, body);
    expect(table.rows.size).toBe(Math.ceil(600 / PART_BLOCKS));
    for (const row of table.rows.values()) expect(row.count).toBeLessThanOrEqual(PART_BLOCKS);
  });

  it('rewrites only the part holding a changed paragraph, under the same key, outline unchanged', () => {
    const table = new PartsTable();
    let { stored } = save(table, null, longBody(600));
    const before = new Map(table.rows);
    const content = [...stored.body.content!];
    content[301] = paragraph('A paragraph the reporter just typed into.');
    const result = save(table, stored, bodyOf(content));
    stored = result.stored;
    expect(result.write!.upserts).toHaveLength(1);
    expect(result.write!.deletes).toEqual([]);
    expect(result.write!.outline).toBe(JSON.stringify(JSON.parse(table.outline)));
    const changed = [...table.rows].filter(([key, row]) => before.get(key)!.blocks !== row.blocks);
    expect(changed).toHaveLength(1);
    expect(changed[0]![1].blocks).toContain('just typed into');
  });

  it('grows the last part as paragraphs are typed at the end, instead of a part per paragraph', () => {
    const table = new PartsTable();
    let { stored } = save(table, null, longBody(3));
    for (let typed = 0; typed < 100; typed++) {
      const written = table.written;
      stored = save(table, stored, bodyOf([...stored.body.content!, paragraph(`New paragraph ${typed}.`)])).stored;
      // The part that grew, never the story laid out again.
      expect(table.written - written).toBe(1);
    }
    expect(stored.body.content).toHaveLength(103);
    const counts = (JSON.parse(table.outline) as Outline).map(([, count]) => count);
    for (const count of counts.slice(0, -1)) expect(count).toBeGreaterThanOrEqual(PART_BLOCKS / 2);
  });

  it('finds nothing to write for the same body received whole, and one part for one paragraph changed in it', () => {
    const table = new PartsTable();
    const { stored } = save(table, null, longBody(100));
    // Received whole: the same content in new objects.
    const again = JSON.parse(JSON.stringify(stored.body)) as DocumentJSON;
    expect(planBodyWrite(stored, again)).toBeNull();
    again.content![40] = paragraph('Changed in the whole body.');
    const { write } = save(table, stored, again);
    expect(write!.upserts).toHaveLength(1);
  });

  it('finds nothing to write for a block sent again as it was, next to a small part it would otherwise join', () => {
    const table = new PartsTable();
    const { stored } = save(table, null, longBody(19));
    expect((JSON.parse(table.outline) as Outline).map(([, count]) => count)).toEqual([10, 9]);
    let current = stored;
    // Typing at the end leaves a small last part.
    current = save(table, current, bodyOf([...current.body.content!, paragraph('New last paragraph.')])).stored;
    const content = [...current.body.content!];
    const last = content.length - 2;
    content[last] = JSON.parse(JSON.stringify(content[last])) as JSONContent;
    expect(planBodyWrite(current, bodyOf(content))).toBeNull();
  });

  it('reads back every body through any run of edits, inserts, deletions, moves and whole bodies, with few parts and none left behind', () => {
    type Step = { kind: 'edit' | 'insert' | 'delete' | 'whole'; at: number } | { kind: 'move'; at: number; to: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constantFrom('edit' as const, 'insert' as const, 'delete' as const, 'whole' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80 }), fc.array(fc.array(step, { minLength: 1, maxLength: 4 }), { maxLength: 30 }), (blocks, saves) => {
        const table = new PartsTable();
        let { stored } = save(table, null, longBody(blocks));
        for (const steps of saves) {
          let content = [...stored.body.content!];
          for (const change of steps) {
            const at = content.length === 0 ? 0 : change.at % content.length;
            if (change.kind === 'edit' && content.length > 0) content[at] = paragraph(`Edited ${at}`);
            if (change.kind === 'insert') content.splice(change.at % (content.length + 1), 0, paragraph('Inserted'));
            if (change.kind === 'delete') content.splice(at, 1);
            if (change.kind === 'whole') content = JSON.parse(JSON.stringify(content)) as JSONContent[];
            if (change.kind === 'move' && content.length > 0) content.splice(change.to % content.length, 0, content.splice(at, 1)[0]!);
          }
          stored = save(table, stored, bodyOf(content)).stored;
          expect(table.rows.size).toBeLessThanOrEqual(4 + 2 * Math.ceil(content.length / PART_BLOCKS));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('plans a body edited in place from the changed blocks alone, as the whole walk plans it or with fewer writes', () => {
    // Stored bodies whose parts are of every size: small ones from typing at the end and deletions.
    const edits = fc.array(fc.record({ at: fc.nat(), same: fc.boolean() }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.array(fc.nat(), { maxLength: 12 }), fc.array(edits, { minLength: 1, maxLength: 12 }), (blocks, reshapes, saves) => {
        const table = new PartsTable();
        let { stored } = save(table, null, longBody(blocks));
        for (const at of reshapes) {
          const content = [...stored.body.content!];
          if (at % 2 === 0 && content.length > 1) content.splice(at % content.length, 1);
          else content.push(paragraph('Typed at the end'));
          stored = save(table, stored, bodyOf(content)).stored;
        }
        for (const changes of saves) {
          const base = stored.body.content!;
          // As a body patch makes it: blocks replaced by blocks of the same ids, the edit recorded.
          const content = [...base];
          const positions = new Set<number>();
          for (const { at, same } of changes) {
            const position = at % base.length;
            positions.add(position);
            content[position] = same ? JSON.parse(JSON.stringify(base[position])) : { ...paragraph(`Edited ${at}`), attrs: { id: base[position]!.attrs!.id } };
          }
          const walked = planBodyWrite(stored, bodyOf([...content]));
          content.forEach((block) => deepFreeze(block));
          recordInPlaceEdit(content, base, [...positions].sort((a, b) => a - b));
          const body = bodyOf(content);
          const planned = planBodyWrite(stored, body);
          // A block sent again as it was is no change here; the walk tells it by identity and
          // may write its part again. Otherwise the two plans are one.
          if (changes.every(({ same }) => !same)) expect(planned).toEqual(walked);
          else expect(planned?.upserts.length ?? 0).toBeLessThanOrEqual(walked?.upserts.length ?? 0);
          // What is stored reads back as the body (save checks it), whichever plan wrote it.
          stored = save(table, stored, body).stored;
        }
      }),
      { numRuns: 150 },
    );
  });

  it('lays out again a body that does not fit its outline (a part row lost), removing every part the outline named', () => {
    const table = new PartsTable();
    const { stored } = save(table, null, longBody(40));
    const keys = (JSON.parse(table.outline) as Outline).map(([key]) => key);
    // The middle part's row lost: the body reads back 16 blocks short.
    const content = stored.body.content!.filter((_, index) => index < 16 || index >= 32);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const write = planBodyWrite({ body: bodyOf(content), outline: stored.outline }, bodyOf([...content, paragraph('Typed after.')]))!;
      expect(write.deletes.sort()).toEqual(keys.sort());
      expect(write.upserts.reduce((sum, part) => sum + part.block_count, 0)).toBe(25);
      expect(errors).toHaveBeenCalledTimes(1);
    } finally {
      errors.mockRestore();
    }
  });
});
