import fs from 'node:fs';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { expect } from 'vitest';
import { storyFieldsSchema } from '../../../src/domain/story/fields';
import { AppError } from '../../errors';
import { finishDraft, type ImportedDraft } from './draft';

/** A fixture of the importer's tests, read from `fixtures/`. */
export function fixture(name: string): string {
  return fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
}

/** Blocks as a readable outline: `['p', text]`, `['h2', text]`, `['readAlso', label, title]`, … */
export function outline(blocks: JSONContent[] | undefined): unknown[] {
  const text = (node: JSONContent): string => (node.text ?? '') + (node.content ?? []).map(text).join('');
  return (blocks ?? []).map((block) => {
    switch (block.type) {
      case 'paragraph':
        return ['p', text(block)];
      case 'heading':
        return [`h${block.attrs?.level}`, text(block)];
      case 'readAlso':
        return ['readAlso', block.attrs?.label, block.attrs?.storyId ?? block.attrs?.title];
      case 'bulletList':
      case 'orderedList':
        return [block.type, ...(block.content ?? []).map((item) => outline(item.content))];
      case 'blockquote':
        return ['blockquote', ...outline(block.content)];
      default:
        return [block.type, text(block)];
    }
  });
}

/**
 * The importers' promise on any input: a refusal (422 invalid_import), or fields and a body
 * the story schema accepts. Nothing else is thrown.
 */
export function expectDraftOrRefusal(parse: (input: string) => ImportedDraft, input: string) {
  let draft: ImportedDraft;
  try {
    draft = parse(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid_import');
    return;
  }
  const { fields, body } = finishDraft(draft);
  expect(storyFieldsSchema.partial().safeParse({ ...fields, body }).success).toBe(true);
}
