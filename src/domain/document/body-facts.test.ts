import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { applyBodyPatch, diffBody } from '../story/body-patch';
import { blockIndex } from '../story/merge';
import { photoGapCount } from '../story/photo-gaps';
import { bodyFacts, recordInPlaceEdit, sameReferences, type BodyFacts } from './body-facts';
import { checkAssembledDocument } from './validate';
import type { DocumentJSON } from './types';

const PHOTO_A = 'a'.repeat(64);
const PHOTO_B = 'b'.repeat(64);
const paragraph = (id: string, text: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'paragraph', attrs: { id }, content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });
const figure = (id: string, photoId: string, caption: string, credit = 'Reuters'): JSONContent => ({
  type: 'figure',
  attrs: { id, photoId, credit, alt: 'A harbour crane', width: 640, height: 480 },
  ...(caption ? { content: [{ type: 'text', text: caption }] } : {}),
});
const readAlso = (id: string, storyId: string): JSONContent => ({ type: 'readAlso', attrs: { id, storyId, label: 'Read also' } });
const quote = (id: string, ...content: JSONContent[]): JSONContent => ({ type: 'blockquote', attrs: { id }, content });
const linkTo = (storyId: string) => [{ type: 'link', attrs: { storyId } }];

/** A kept body: frozen, as the server keeps the bodies it saves. */
function kept(content: JSONContent[]): DocumentJSON {
  return deepFrozen({ type: 'doc', content });
}

function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFrozen(child);
  }
  return value;
}

/** `base` with blocks replaced in place as a save while typing makes it: patched, frozen and recorded. */
function editedInPlace(base: DocumentJSON, ...blocks: JSONContent[]): DocumentJSON {
  const result = applyBodyPatch(base, { blocks });
  if (!result.ok) throw new Error(result.message);
  deepFrozen(result.doc);
  recordInPlaceEdit(result.doc.content!, base.content!, result.replaced!);
  return result.doc;
}

/** The facts counted afresh from a copy nothing is known of. */
const counted = (doc: DocumentJSON) => comparable(bodyFacts(structuredClone(doc)));
const comparable = (facts: BodyFacts) => ({
  ...facts,
  ids: [...facts.ids].sort(),
  photoIds: [...facts.photoIds].sort(),
  references: [...facts.references].sort(),
});

describe('the facts of a body edited in place', () => {
  const base = kept([
    paragraph('p1', 'The harbour reopened on Monday.'),
    figure('f1', PHOTO_A, 'Cranes at dawn'),
    paragraph('p2', 'Ships queued outside.', linkTo('story-1')),
    readAlso('r1', 'story-2'),
    quote('q1', paragraph('q1p', 'We waited a week', linkTo('story-1'))),
    paragraph('p3', 'Trade resumes.'),
  ]);
  bodyFacts(base);

  const edits: Array<[string, JSONContent[]]> = [
    ['a paragraph’s words', [paragraph('p1', 'The harbour reopened on Monday morning.')]],
    ['a caption emptied (a photo gap more) and another photo shown', [figure('f1', PHOTO_B, '')]],
    ['a link added and one removed', [paragraph('p2', 'Ships queued outside.'), paragraph('p3', 'Trade resumes.', linkTo('story-3'))]],
    ['a read-also pointed elsewhere', [readAlso('r1', 'story-3')]],
    ['a nested paragraph given an id used elsewhere', [quote('q1', paragraph('p3', 'We waited a week'))]],
    ['a long block past the size limits', [paragraph('p1', 'x'.repeat(1_000_001))]],
  ];

  it.each(edits)('counts the same as a fresh count after %s', (_, blocks) => {
    const edited = editedInPlace(base, ...blocks);
    expect(comparable(bodyFacts(edited))).toEqual(counted(edited));
  });

  it('answers the whole-body rules, photo gaps and links as a fresh count does', () => {
    const duplicate = editedInPlace(base, quote('q1', paragraph('p3', 'We waited a week')));
    expect(checkAssembledDocument(duplicate)).toEqual([{ path: '', message: 'block id "p3" is used twice' }]);
    expect(checkAssembledDocument(editedInPlace(base, paragraph('p1', 'x'.repeat(1_000_001))))[0]?.message).toMatch(/longer than/);

    const gap = editedInPlace(base, figure('f1', PHOTO_A, ''));
    expect(photoGapCount(null, gap)).toBe(1);
    expect(photoGapCount(null, editedInPlace(gap, figure('f1', PHOTO_A, 'Cranes again')))).toBe(0);

    expect(sameReferences(base, editedInPlace(base, paragraph('p1', 'New words')))).toBe(true);
    expect(sameReferences(base, editedInPlace(base, readAlso('r1', 'story-3')))).toBe(false);
    // One of the two links to story-1 gone: the story is still pointed to.
    expect(sameReferences(base, editedInPlace(base, paragraph('p2', 'Ships queued outside.')))).toBe(true);
  });

  it('keeps edits chained save after save true to the body', () => {
    let body = base;
    for (let n = 0; n < 20; n++) {
      const block = n % 3 === 0 ? figure('f1', n % 2 ? PHOTO_A : PHOTO_B, n % 4 ? 'Cranes' : '') : paragraph(n % 2 ? 'p2' : 'p3', `edit ${n}`, n % 5 ? undefined : linkTo(`story-${n}`));
      body = editedInPlace(body, block);
      expect(comparable(bodyFacts(body)), `save ${n}`).toEqual(counted(body));
    }
  });

  it('shares the block index and names only the replaced blocks as the difference', () => {
    const edited = editedInPlace(base, paragraph('p3', 'Trade resumes at once.'), paragraph('p1', 'The harbour reopened on Monday.'));
    expect(blockIndex(edited)).toBe(blockIndex(base));
    // p1 was sent as it was: not a difference.
    expect(diffBody(base, edited)).toEqual({ blocks: [paragraph('p3', 'Trade resumes at once.')] });
    expect(diffBody(base, edited)).toEqual(diffBody(structuredClone(base), structuredClone(edited)));
  });
});

describe('bodies kept save after save', () => {
  it('do not keep alive the bodies they were made from', () => {
    // Run in a process of its own, where the heap can be collected and measured.
    const here = path.dirname(fileURLToPath(import.meta.url));
    const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'body-facts-')), 'saves.mts');
    fs.writeFileSync(
      script,
      `import { applyBodyPatch } from ${JSON.stringify(path.join(here, '../story/body-patch.ts'))};
import { bodyFacts, recordInPlaceEdit } from ${JSON.stringify(path.join(here, 'body-facts.ts'))};
const freeze = (value) => { if (value && typeof value === 'object' && !Object.isFrozen(value)) { Object.freeze(value); Object.values(value).forEach(freeze); } return value; };
let body = freeze({ type: 'doc', content: Array.from({ length: 600 }, (_, i) => ({ type: 'paragraph', attrs: { id: 'p' + i }, content: [{ type: 'text', text: 'Paragraph ' + i }] })) });
bodyFacts(body);
const heap = async () => { await new Promise((resolve) => setImmediate(resolve)); globalThis.gc(); return process.memoryUsage().heapUsed; };
const before = await heap();
for (let n = 0; n < 3000; n++) {
  if (n % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
  const at = n % 600;
  const result = applyBodyPatch(body, { blocks: [{ type: 'paragraph', attrs: { id: 'p' + at }, content: [{ type: 'text', text: 'edit ' + n }] }] });
  for (const position of result.replaced) freeze(result.doc.content[position]);
  Object.freeze(result.doc);
  recordInPlaceEdit(result.doc.content, body.content, result.replaced);
  bodyFacts(result.doc);
  body = result.doc;
}
console.log(JSON.stringify({ grewBy: (await heap()) - before }));
`,
    );
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script], { encoding: 'utf8' });
    fs.rmSync(path.dirname(script), { recursive: true, force: true });
    expect(run.status, run.stderr).toBe(0);
    const { grewBy } = JSON.parse(run.stdout) as { grewBy: number };
    // Each body made is a 600-block list (~5 KB): 3,000 of them kept would be ~15 MB.
    expect(grewBy).toBeLessThan(3_000_000);
  });
});
