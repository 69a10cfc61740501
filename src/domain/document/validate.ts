import { Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import { BLOCK_ID_ATTRIBUTE, BLOCK_ID_TYPES, HEADING_LEVELS, newBlockId } from './extensions';
import { DOCUMENT_LIMITS } from './limits';
import { isAllowedHref } from './link-policy';
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
const BLOCK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_PROBLEMS = 20;

type Json = Record<string, unknown>;

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
  const report = (path: string, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ path, message });
  };

  if (!isPlainObject(input) || input.type !== 'doc') {
    return { ok: false, problems: [{ path: '', message: 'the body must be a document: an object with type "doc"' }] };
  }

  const root = input;
  const seenIds = new Set<string>();
  let nodes = 0;
  let textChars = 0;

  // Iterative walk, so deep nesting reports a problem instead of overflowing the stack.
  const stack: Array<{ node: unknown; path: string; depth: number }> = [{ node: root, path: '', depth: 0 }];
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
    const nodeType = documentSchema.nodes[type];
    if (!nodeType) {
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

    checkAttributes(node, type, Object.keys(nodeType.spec.attrs ?? {}), at, report);
    if (BLOCK_ID_TYPES.includes(type)) checkBlockId(node, at, seenIds, report);
    if (type === 'heading') {
      const level = isPlainObject(node.attrs) ? node.attrs.level : undefined;
      if (!(HEADING_LEVELS as readonly unknown[]).includes(level)) {
        report(at('attrs.level'), `heading level must be ${HEADING_LEVELS.join(' or ')}, not ${describe(level)}`);
      }
    }

    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks)) report(at('marks'), 'marks must be a list');
      else node.marks.forEach((mark, index) => checkMark(mark, at(`marks[${index}]`), report));
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
    const doc = PMNode.fromJSON(documentSchema, root);
    doc.check();
    return { ok: true, doc: withBlockIds(doc).toJSON() as DocumentJSON };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '', message: `the body does not fit the story schema: ${message}` }] };
  }
}

function checkAttributes(
  node: Json,
  type: string,
  allowed: string[],
  at: (suffix: string) => string,
  report: (path: string, message: string) => void,
) {
  if (node.attrs === undefined) return;
  if (!isPlainObject(node.attrs)) {
    report(at('attrs'), 'attrs must be an object');
    return;
  }
  for (const [key, value] of Object.entries(node.attrs)) {
    if (!allowed.includes(key)) {
      report(at(`attrs.${key}`), `${type} has no attribute "${key}"`);
    } else if (value !== null && typeof value === 'object') {
      report(at(`attrs.${key}`), 'attribute values must be plain text, numbers or null');
    }
  }
}

function checkBlockId(
  node: Json,
  at: (suffix: string) => string,
  seenIds: Set<string>,
  report: (path: string, message: string) => void,
) {
  const id = isPlainObject(node.attrs) ? node.attrs[BLOCK_ID_ATTRIBUTE] : undefined;
  if (id === undefined || id === null) return; // filled in by withBlockIds
  if (typeof id !== 'string' || !BLOCK_ID_PATTERN.test(id)) {
    report(at(`attrs.${BLOCK_ID_ATTRIBUTE}`), 'block id must be 1–64 letters, digits, "-" or "_"');
  } else if (seenIds.has(id)) {
    report(at(`attrs.${BLOCK_ID_ATTRIBUTE}`), `block id "${id}" is used twice`);
  } else {
    seenIds.add(id);
  }
}

function checkMark(mark: unknown, path: string, report: (path: string, message: string) => void) {
  const at = (suffix: string) => `${path}.${suffix}`;
  if (!isPlainObject(mark) || typeof mark.type !== 'string') {
    report(path, 'a mark must be an object with a type');
    return;
  }
  for (const key of Object.keys(mark)) {
    if (!MARK_KEYS.has(key)) report(at(key), `unexpected property "${key}"`);
  }
  const markType = documentSchema.marks[mark.type];
  if (!markType) {
    report(at('type'), `unknown mark ${describe(mark.type)}`);
    return;
  }
  checkAttributes(mark, mark.type, Object.keys(markType.spec.attrs ?? {}), at, report);
  if (mark.type === 'link') {
    const href = isPlainObject(mark.attrs) ? mark.attrs.href : undefined;
    if (href === undefined || href === null || href === '') {
      report(at('attrs.href'), 'a link needs an href');
    } else if (!isAllowedHref(href)) {
      report(at('attrs.href'), `link ${describe(href)} is not allowed: links must be http, https or mailto addresses`);
    }
    const title = isPlainObject(mark.attrs) ? mark.attrs.title : undefined;
    if (title !== undefined && title !== null && (typeof title !== 'string' || title.length > DOCUMENT_LIMITS.maxTitleChars)) {
      report(at('attrs.title'), `link title must be text of at most ${DOCUMENT_LIMITS.maxTitleChars} characters`);
    }
  }
}

/** Gives every block that lacks one a fresh id (API clients need not invent them). */
function withBlockIds(doc: PMNode): PMNode {
  const missing: number[] = [];
  doc.descendants((node, pos) => {
    if (BLOCK_ID_TYPES.includes(node.type.name) && !node.attrs[BLOCK_ID_ATTRIBUTE]) missing.push(pos);
  });
  if (missing.length === 0) return doc;
  const tr = EditorState.create({ doc }).tr;
  for (const pos of missing) tr.setNodeAttribute(pos, BLOCK_ID_ATTRIBUTE, newBlockId());
  return tr.doc;
}
