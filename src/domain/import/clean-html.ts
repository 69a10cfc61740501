import { isAllowedHref } from '../document/link-policy';

/**
 * HTML from elsewhere — pasted from Microsoft Word, Google Docs or LibreOffice, or the body of
 * an agency's ninjs or NewsML-G2 item — cut down to what a story body holds: paragraphs,
 * subheadings, lists, quotes, rules, line breaks, bold, italic, strike and web links. Meaning
 * stays (Word's `mso-list` paragraphs become real lists, Google Docs' styled spans become bold
 * and italic, its nested lists nest); noise goes (styles, classes, ids, comments, empty spans,
 * images — a story's pictures come from the photo library — scripts, event handlers).
 *
 * Works on whatever DOM it is given: the browser's when pasting, happy-dom's on the server. It
 * changes `root` in place; the story schema's own parse rules then read the result.
 */
export function cleanHtml(root: HTMLElement): void {
  markWordListItems(root);
  removeNoise(root);
  wordLists(root);
  for (const element of descendants(root).reverse()) cleanElement(element as HTMLElement);
  nestStrayLists(root);
  dropEmptyBlocks(root);
}

/** Is this HTML the editor's own (copied inside Newsdesk)? ProseMirror marks its clipboard HTML. */
export function isEditorHtml(html: string): boolean {
  return /\bdata-pm-slice=/.test(html);
}

/** Elements whose content is never story text. */
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'head',
  'meta', 'link', 'title', 'base', 'xml', 'img', 'picture', 'video', 'audio', 'source', 'track', 'canvas', 'map', 'area', 'form',
  'input', 'button', 'select', 'textarea', 'option', 'datalist', 'dialog', 'colgroup', 'col', 'caption',
]);

/** What the story schema reads, under the names it reads them by. Anything else is unwrapped. */
const RENAME: Record<string, string> = {
  p: 'p',
  h1: 'h2',
  h2: 'h2',
  h3: 'h3',
  h4: 'h3',
  h5: 'h3',
  h6: 'h3',
  ul: 'ul',
  ol: 'ol',
  li: 'li',
  blockquote: 'blockquote',
  hr: 'hr',
  br: 'br',
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  cite: 'em',
  s: 's',
  strike: 's',
  del: 's',
  a: 'a',
};

/** Block containers that become paragraphs when they hold only text (a `<div>` line, a table cell). */
const BLOCKISH = new Set(['div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'td', 'th', 'dd', 'dt', 'address', 'pre', 'center', 'figcaption']);
const BLOCK_NAMES = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'table', 'tr', 'tbody', 'thead', 'tfoot', ...BLOCKISH]);

/** Every element under `root`, in document order (Word's `o:p` included, which not every selector engine matches with `*`). */
function descendants(root: Element): Element[] {
  const found: Element[] = [];
  const stack: Element[] = [...root.children].reverse();
  while (stack.length > 0) {
    const element = stack.pop()!;
    found.push(element);
    for (let index = element.children.length - 1; index >= 0; index--) stack.push(element.children[index]);
  }
  return found;
}

function tag(element: Element): string {
  // Word's `o:p`, `v:shape` and the like keep their prefix; lower case for XHTML and HTML alike.
  return element.tagName.toLowerCase();
}

function removeNoise(root: HTMLElement) {
  const document = root.ownerDocument;
  // Comments (Word's conditional comments, "StartFragment") and processing instructions.
  const walker = document.createTreeWalker(root, 0x80 /* SHOW_COMMENT */ | 0x40 /* SHOW_PROCESSING_INSTRUCTION */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const node of comments) node.parentNode?.removeChild(node);
  for (const element of descendants(root)) {
    const name = tag(element);
    if (DROP.has(name) || name.startsWith('v:') || name.startsWith('w:') || name.startsWith('m:')) element.remove();
    // Word's list markers ("1.", "·" in Symbol font): the list itself says what it is.
    else if (/mso-list:\s*ignore/i.test(element.getAttribute('style') ?? '')) element.remove();
  }
}

/** `prop: value` pairs of an inline style, lower-cased. */
function styles(element: Element): Map<string, string> {
  const found = new Map<string, string>();
  for (const declaration of (element.getAttribute('style') ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) found.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim().toLowerCase());
  }
  return found;
}

/** The marks an inline style means: Google Docs writes bold as `font-weight:700` on a span. */
function styleMarks(element: Element): string[] {
  const style = styles(element);
  const marks: string[] = [];
  const weight = style.get('font-weight');
  if (weight && /^(bold|bolder|[6-9]00)$/.test(weight)) marks.push('strong');
  if (/^(italic|oblique)/.test(style.get('font-style') ?? '')) marks.push('em');
  if (/line-through/.test(`${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`)) marks.push('s');
  return marks;
}

function unwrap(element: Element) {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  element.remove();
}

function rename(element: Element, name: string): Element {
  if (tag(element) === name) return element;
  const replacement = element.ownerDocument.createElement(name);
  while (element.firstChild) replacement.appendChild(element.firstChild);
  element.replaceWith(replacement);
  return replacement;
}

/** Wraps an element's children in `<name>` (keeping the element). */
function wrapChildren(element: Element, name: string) {
  const wrapper = element.ownerDocument.createElement(name);
  while (element.firstChild) wrapper.appendChild(element.firstChild);
  element.appendChild(wrapper);
}

function hasBlockChild(element: Element): boolean {
  return [...element.children].some((child) => BLOCK_NAMES.has(tag(child)));
}

/** One element, children first (the caller walks in reverse document order). */
function cleanElement(element: HTMLElement) {
  if (!element.isConnected && !element.parentNode) return;
  const name = tag(element);
  // Google Docs wraps the whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">.
  const notBold = name === 'b' && (/^docs-internal-guid/.test(element.id) || styles(element).get('font-weight') === 'normal');
  const marks = name === 'b' || name === 'strong' ? [] : styleMarks(element);
  const keep = notBold ? undefined : RENAME[name];

  const href = name === 'a' ? (element.getAttribute('href')?.trim() ?? '') : '';
  const start = name === 'ol' ? Number(element.getAttribute('start')) : 1;
  if (name === 'a') {
    if (!href || !isAllowedHref(href)) {
      unwrap(element);
      return;
    }
  }
  if (!keep) {
    if (BLOCKISH.has(name) && !hasBlockChild(element) && element.textContent?.trim()) {
      const paragraph = rename(element, name === 'dt' ? 'h3' : 'p');
      stripAttributes(paragraph);
      for (const mark of marks) wrapChildren(paragraph, mark);
      return;
    }
    if (marks.length > 0 && !hasBlockChild(element)) {
      const [outer, ...inner] = marks;
      const mark = rename(element, outer);
      stripAttributes(mark);
      for (const nested of inner) wrapChildren(mark, nested);
      return;
    }
    unwrap(element);
    return;
  }
  const kept = rename(element, keep);
  stripAttributes(kept);
  if (href) kept.setAttribute('href', href);
  if (keep === 'ol' && Number.isInteger(start) && start > 1 && start <= 1_000_000) kept.setAttribute('start', String(start));
  for (const mark of marks) if (keep === 'p' || keep === 'li' || keep === 'h2' || keep === 'h3') wrapChildren(kept, mark);
  // An empty inline element is noise (Word's empty spans, Docs' empty bold).
  if (['strong', 'em', 's', 'a'].includes(keep) && !kept.textContent) kept.remove();
}

function stripAttributes(element: Element) {
  for (const attribute of [...element.attributes]) element.removeAttribute(attribute.name);
}

/**
 * Google Docs writes a nested list as a `<ul>` directly inside its parent `<ul>`, after the item
 * it belongs to; HTML wants it inside that item.
 */
function nestStrayLists(root: HTMLElement) {
  for (const list of [...root.querySelectorAll('ul > ul, ul > ol, ol > ul, ol > ol')]) {
    const previous = list.previousElementSibling;
    if (previous && tag(previous) === 'li') previous.appendChild(list);
    else {
      const item = list.ownerDocument.createElement('li');
      list.replaceWith(item);
      item.appendChild(list);
    }
  }
}

/**
 * Blank paragraphs (Word's `<o:p>&nbsp;</o:p>` spacers, Docs' `<p><br></p>`), empty headings and
 * list items, and line breaks between blocks carry nothing.
 */
function dropEmptyBlocks(root: HTMLElement) {
  for (const block of [...root.querySelectorAll('p, h2, h3, li, blockquote, ul, ol')].reverse()) {
    if (!block.textContent?.replace(/[\s\u00a0]+/g, '')) block.remove();
  }
  for (const lineBreak of [...root.querySelectorAll('br')]) {
    const parent = lineBreak.parentElement;
    if (parent === root || (parent && ['ul', 'ol', 'blockquote'].includes(tag(parent))) || !lineBreak.nextSibling) lineBreak.remove();
  }
}

// ---------------------------------------------------------------------------------------------
// Word's lists: paragraphs styled `mso-list:l0 level2 lfo1`, one per item, numbered or bulleted
// by a marker Word draws itself (removed above, but read first).

const MSO_LIST = /mso-list:\s*l(\d+)\s+level(\d+)/i;
const ORDERED_MARKER = /^\s*\(?([0-9]+|[a-z]|[ivxlcdm]+)[.)]/i;

const LIST_MARKER = 'data-list-marker';

/** Reads each Word list paragraph's marker ("1.", "a)", "·") before the markers are removed. */
function markWordListItems(root: HTMLElement) {
  for (const paragraph of root.querySelectorAll('p, h1, h2, h3, h4, h5, h6, div')) {
    if (!MSO_LIST.test(paragraph.getAttribute('style') ?? '')) continue;
    const marker = [...paragraph.querySelectorAll('span')].find((span) => /mso-list:\s*ignore/i.test(span.getAttribute('style') ?? ''));
    paragraph.setAttribute(LIST_MARKER, marker?.textContent?.trim() ?? '');
  }
}

function wordLists(root: HTMLElement) {
  const items = [...root.querySelectorAll('p, h1, h2, h3, h4, h5, h6, div')].filter((element) => MSO_LIST.test(element.getAttribute('style') ?? ''));
  const done = new Set<Element>();
  for (const first of items) {
    if (done.has(first)) continue;
    // A run of list paragraphs of one Word list (l0, l1 …), siblings with nothing but whitespace between.
    const list = MSO_LIST.exec(first.getAttribute('style') ?? '')![1];
    const run: Element[] = [first];
    let next = first.nextElementSibling;
    while (next && items.includes(next) && MSO_LIST.exec(next.getAttribute('style') ?? '')![1] === list && onlyWhitespaceBetween(run[run.length - 1], next)) {
      run.push(next);
      next = next.nextElementSibling;
    }
    run.forEach((element) => done.add(element));
    buildList(run);
  }
}

function onlyWhitespaceBetween(a: Element, b: Element): boolean {
  for (let node = a.nextSibling; node && node !== b; node = node.nextSibling) {
    if (node.nodeType === 3 && node.textContent?.trim()) return false;
    if (node.nodeType === 1) return false;
  }
  return true;
}

function buildList(run: Element[]) {
  const document = run[0].ownerDocument;
  const stack: Array<{ level: number; list: Element }> = [];
  for (const paragraph of run) {
    const level = Number(MSO_LIST.exec(paragraph.getAttribute('style') ?? '')![2]);
    const ordered = ORDERED_MARKER.test(paragraph.getAttribute(LIST_MARKER) ?? '');
    const item = document.createElement('li');
    const content = document.createElement('p');
    while (paragraph.firstChild) content.appendChild(paragraph.firstChild);
    item.appendChild(content);
    while (stack.length > 0 && stack[stack.length - 1].level > level) stack.pop();
    if (stack.length === 0 || stack[stack.length - 1].level < level) {
      const list = document.createElement(ordered ? 'ol' : 'ul');
      if (stack.length === 0) run[0].before(list);
      else {
        const parentList = stack[stack.length - 1].list;
        const lastItem = parentList.lastElementChild ?? parentList.appendChild(document.createElement('li'));
        lastItem.appendChild(list);
      }
      stack.push({ level, list });
    }
    stack[stack.length - 1].list.appendChild(item);
  }
  for (const paragraph of run) paragraph.remove();
}
