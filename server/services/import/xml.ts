import { SaxesParser } from 'saxes';
import { invalidImport } from './draft';

/** An XML element as the importers read it: local name (no prefix), attributes, children in order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const MAX_DEPTH = 64;
const MAX_ELEMENTS = 200_000;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Parses XML strictly (well-formed or refused) into a small tree. A document type declaration
 * is refused before anything in it is read: no DTD, so no external entities (XXE) and no entity
 * expansion (billion laughs); an entity other than XML's five and character references is an
 * error. Nothing is fetched, ever.
 */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  let elements = 0;
  let refusal: string | null = null;
  const refuse = (message: string): never => {
    refusal = message;
    throw new Error(message);
  };

  parser.on('doctype', () =>
    refuse('The XML has a document type declaration (<!DOCTYPE …>); NewsML-G2 needs none, and the importer refuses DTDs and entity declarations'),
  );
  parser.on('opentag', (tag) => {
    if (stack.length > MAX_DEPTH) refuse(`The XML is nested deeper than ${MAX_DEPTH} levels`);
    if (++elements > MAX_ELEMENTS) refuse(`The XML has more than ${MAX_ELEMENTS} elements`);
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes as Record<string, string>)) attributes[localName(name)] = value;
    const element: XmlElement = { name: localName(tag.name), attributes, children: [] };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (text: string) => {
    const children = stack[stack.length - 1].children;
    if (typeof children[children.length - 1] === 'string') children[children.length - 1] += text;
    else children.push(text);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  try {
    parser.write(text).close();
  } catch (error) {
    if (refusal) throw invalidImport(refusal);
    const message = error instanceof Error ? error.message.replace(/^undefined:/, '').trim() : String(error);
    throw invalidImport(`The XML is not well-formed: ${message}`);
  }
  const top = root.children.find((child): child is XmlElement => typeof child !== 'string');
  if (!top) throw invalidImport('The XML has no root element');
  return top;
}

export function childElements(element: XmlElement | undefined, name?: string): XmlElement[] {
  return (element?.children ?? []).filter((child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name));
}

export function firstChild(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

/** Every element named `name` under `element`, in document order. */
export function descendantsNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const stack = element ? [...childElements(element)].reverse() : [];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.name === name) found.push(next);
    stack.push(...childElements(next).reverse());
  }
  return found;
}

export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  return node.children.map(textOf).join('');
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** Elements written as HTML under other names (NITF's subheadings and quotes), or left out (`null`). */
export type Renames = Record<string, string | null>;

const VOID = new Set(['br', 'hr', 'img', 'wbr']);

/** The children of `element` as HTML, for the HTML cleaner and the story schema to read. */
export function toHtml(element: XmlElement, renames: Renames = {}): string {
  return element.children
    .map((child) => {
      if (typeof child === 'string') return escapeText(child);
      const renamed = child.name in renames ? renames[child.name] : child.name;
      if (renamed === null) return '';
      const name = /^[a-z][a-z0-9]*$/i.test(renamed) ? renamed : 'span';
      const attributes = Object.entries(child.attributes)
        .filter(([attribute]) => /^[a-z][a-z0-9-]*$/i.test(attribute))
        .map(([attribute, value]) => ` ${attribute}="${escapeAttribute(value)}"`)
        .join('');
      return VOID.has(name) ? `<${name}${attributes}>` : `<${name}${attributes}>${toHtml(child, renames)}</${name}>`;
    })
    .join('');
}
