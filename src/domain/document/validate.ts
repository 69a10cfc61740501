import { Node as PMNode } from '@tiptap/pm/model';
import type { JSONContent } from '@tiptap/core';
import { ATTRIBUTE_RULES, COMBINED_RULES } from './attribute-rules';
import { bodyFacts } from './body-facts';
import { BLOCK_ID_ATTRIBUTE, BLOCK_ID_TYPES } from './extensions';
import { FIGURE } from './figure';
import { DOCUMENT_LIMITS } from './limits';
import { PHOTO_TEXT_LIMITS } from '../photos/limits';
import { documentSchema } from './schema';
import type { DocumentJSON } from './types';

export interface DocumentProblem {
  /** Where, as a JSON path from the body: `content[2].marks[0].attrs.href`. */
  path: string;
  message: string;
}

export type DocumentCheck =
  | { ok: true; doc: DocumentJSON }
  | { ok: false; problems: DocumentProblem[] };

const NODE_KEYS = new Set(['type', 'attrs', 'content', 'marks', 'text']);
const MARK_KEYS = new Set(['type', 'attrs']);
/** Control characters have no place in story text (and PostgreSQL cannot store NUL). */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const MAX_PROBLEMS = 20;

type Json = Record<string, unknown>;
type Report = (path: string, message: string) => void;

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Checks an untrusted story body against the shared schema and the attribute rules, and returns
 * it normalised (every block has an id, attributes have their defaults). Problems name where and
 * what, so a client can show them. Nothing here throws on hostile input.
 */
export function validateDocument(input: unknown): DocumentCheck {
  const problems: DocumentProblem[] = [];
  const report: Report = (path, message) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message });
  };

  if (!isPlainObject(input) || input.type !== 'doc') {
    return { ok: false, problems: [{ path: '', message: 'the body must be a document: an object with type "doc"' }] };
  }

  const seenIds = new Set<string>();
  let nodes = 0;
  let textChars = 0;

  // Iterative walk, so deep nesting reports a problem instead of overflowing the stack.
  const stack: Array<{ node: unknown; path: string; depth: number }> = [{ node: input, path: '', depth: 0 }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { node, path, depth } = stack.pop()!;
    const at = (suffix: string) => (path ? `${path}.${suffix}` : suffix);
    if (!isPlainObject(node)) {
      report(path, 'must be a node object');
      continue;
    }
    if (depth > DOCUMENT_LIMITS.maxDepth) {
      report(path, `nesting is deeper than ${DOCUMENT_LIMITS.maxDepth} levels`);
      break;
    }
    if (++nodes > DOCUMENT_LIMITS.maxNodes) {
      report(path, `the body has more than ${DOCUMENT_LIMITS.maxNodes} nodes`);
      break;
    }
    for (const key of Object.keys(node)) {
      if (!NODE_KEYS.has(key)) report(at(key), `unexpected property "${key}"`);
    }
    const type = node.type;
    if (typeof type !== 'string') {
      report(at('type'), 'node type must be a string');
      continue;
    }
    if (!documentSchema.nodes[type]) {
      report(at('type'), `unknown node type ${describe(type)}`);
      continue;
    }
    if (type === 'doc' && depth > 0) {
      report(at('type'), 'a document cannot contain another document');
      continue;
    }

    if (type === 'text') {
      if (typeof node.text !== 'string' || node.text.length === 0) {
        report(at('text'), 'a text node needs non-empty text');
      } else if (CONTROL_CHARACTERS.test(node.text)) {
        report(at('text'), 'text cannot contain control characters');
      } else {
        textChars += node.text.length;
        if (textChars > DOCUMENT_LIMITS.maxTextChars) {
          report(at('text'), `the body is longer than ${DOCUMENT_LIMITS.maxTextChars} characters`);
          break;
        }
      }
    } else if (node.text !== undefined) {
      report(at('text'), `a ${type} node cannot carry text`);
    }

    checkAttributes(node, type, at, report);
    if (BLOCK_ID_TYPES.includes(type) && isPlainObject(node.attrs)) {
      const id = node.attrs[BLOCK_ID_ATTRIBUTE];
      if (typeof id === 'string' && seenIds.has(id)) report(at(`attrs.${BLOCK_ID_ATTRIBUTE}`), `block id "${id}" is used twice`);
      if (typeof id === 'string') seenIds.add(id);
    }

    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks)) report(at('marks'), 'marks must be a list');
      else node.marks.forEach((mark, index) => checkMark(mark, at(`marks[${index}]`), report));
    }

    if (type === FIGURE && Array.isArray(node.content)) {
      const captionChars = node.content.reduce((sum: number, child) => sum + (isPlainObject(child) && typeof child.text === 'string' ? child.text.length : 0), 0);
      if (captionChars > PHOTO_TEXT_LIMITS.caption) report(at('content'), `a figure caption can be at most ${PHOTO_TEXT_LIMITS.caption} characters`);
    }

    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) {
        report(at('content'), 'content must be a list of nodes');
      } else {
        for (let index = node.content.length - 1; index >= 0; index--) {
          stack.push({ node: node.content[index], path: at(`content[${index}]`), depth: depth + 1 });
        }
      }
    }
  }

  if (problems.length > 0) return { ok: false, problems };

  // The structure is sound; let ProseMirror judge content expressions and allowed marks.
  try {
    const doc = PMNode.fromJSON(documentSchema, input);
    doc.check();
    return { ok: true, doc: withBlockIds(doc, seenIds) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '', message: `the body does not fit the story schema: ${message}` }] };
  }
}

/**
 * The whole-body rules a body put together from checked blocks must still meet: the size
 * limits and one id per block across blocks. Each block was checked when it was sent (or
 * stored), so this only counts (see body-facts.ts); it is a fraction of `validateDocument`'s cost.
 */
export function checkAssembledDocument(doc: DocumentJSON): DocumentProblem[] {
  if ((doc.content ?? []).length === 0) return [{ path: 'content', message: 'a body needs at least one block' }];
  // Counted once per kept body, and from the changed blocks alone for one patched in place.
  const facts = bodyFacts(doc);
  if (facts.nodes > DOCUMENT_LIMITS.maxNodes) return [{ path: '', message: `the body has more than ${DOCUMENT_LIMITS.maxNodes} nodes` }];
  if (facts.textChars > DOCUMENT_LIMITS.maxTextChars) return [{ path: '', message: `the body is longer than ${DOCUMENT_LIMITS.maxTextChars} characters` }];
  if (facts.duplicateId !== null) return [{ path: '', message: `block id "${facts.duplicateId}" is used twice` }];
  return [];
}

/** Every attribute must be one the schema declares, with a value its rule accepts. */
function checkAttributes(owner: Json, type: string, at: (suffix: string) => string, report: Report) {
  const rules = ATTRIBUTE_RULES[type] ?? {};
  const attrs = owner.attrs;
  if (attrs !== undefined && !isPlainObject(attrs)) {
    report(at('attrs'), 'attrs must be an object');
    return;
  }
  for (const [key, value] of Object.entries(attrs ?? {})) {
    const spec = rules[key];
    if (!spec) report(at(`attrs.${key}`), `${type} has no attribute "${key}"`);
    else if (value !== null || spec.notNull) {
      const problem = spec.rule(value);
      if (problem) report(at(`attrs.${key}`), problem);
    }
  }
  for (const [key, spec] of Object.entries(rules)) {
    if (spec.required && (attrs?.[key] === undefined || attrs[key] === null)) report(at(`attrs.${key}`), spec.required);
  }
  const combined = COMBINED_RULES[type]?.(attrs ?? {});
  if (combined) report(at(`attrs.${combined.attr}`), combined.message);
}

function checkMark(mark: unknown, path: string, report: Report) {
  const at = (suffix: string) => `${path}.${suffix}`;
  if (!isPlainObject(mark) || typeof mark.type !== 'string') {
    report(path, 'a mark must be an object with a type');
    return;
  }
  for (const key of Object.keys(mark)) {
    if (!MARK_KEYS.has(key)) report(at(key), `unexpected property "${key}"`);
  }
  if (!documentSchema.marks[mark.type]) {
    report(at('type'), `unknown mark ${describe(mark.type)}`);
    return;
  }
  checkAttributes(mark, mark.type, at, report);
}

/**
 * Gives every block that lacks one an id. The id is derived from the block's place and text, so
 * an API client that sends the same body twice gets the same ids (and no new revision). One pass
 * over the document and one over its JSON, both in document order: linear in the body's size.
 */
function withBlockIds(doc: PMNode, taken: Set<string>): DocumentJSON {
  const ids: string[] = [];
  let place = 0;
  doc.descendants((node) => {
    place++;
    if (!BLOCK_ID_TYPES.includes(node.type.name) || node.attrs[BLOCK_ID_ATTRIBUTE]) return;
    let id = `b${place.toString(36)}-${fingerprint(`${node.type.name}:${node.textContent}`)}`;
    while (taken.has(id)) id = `${id}x`;
    taken.add(id);
    ids.push(id);
  });
  const json = doc.toJSON() as DocumentJSON;
  if (ids.length === 0) return json;
  let next = 0;
  const stack: JSONContent[] = [...(json.content ?? [])].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (BLOCK_ID_TYPES.includes(node.type!) && !node.attrs?.[BLOCK_ID_ATTRIBUTE]) node.attrs = { ...node.attrs, [BLOCK_ID_ATTRIBUTE]: ids[next++] };
    const children = node.content ?? [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return json;
}

/** FNV-1a, 32 bits, base 36: a short stable tag for a block's content. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
