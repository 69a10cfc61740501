import type { JSONContent } from '@tiptap/core';
import { textParagraphs } from '../../../src/domain/import/plain-text';
import { emptyDraft, invalidImport, paragraph, readAlsoBlocks, type ImportedDraft } from './draft';
import { htmlToBlocks } from './html-body';
import { childElements, descendantsNamed, firstChild, parseXml, textOf, toHtml, type XmlElement } from './xml';

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const roleIs = (element: XmlElement, ...roles: string[]) => {
  const role = (element.attributes.role ?? '').toLowerCase();
  return roles.some((wanted) => role === wanted || role.endsWith(`:${wanted}`));
};

/** NITF's names for what HTML calls otherwise; NITF's head, media and notes are not body text. */
const NITF_AS_HTML = {
  hl2: 'h2',
  bq: 'blockquote',
  block: 'div',
  'body.content': 'div',
  'body.head': null,
  'body.end': null,
  media: null,
  fn: null,
  note: null,
  credit: null,
  tagline: 'p',
  q: 'span',
  pre: 'p',
};

function itemClass(item: XmlElement): string {
  return (firstChild(firstChild(item, 'itemMeta'), 'itemClass')?.attributes.qcode ?? '').toLowerCase();
}

function dateOf(element: XmlElement | undefined): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(textOf(element).trim());
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/** The name of a NewsML-G2 concept (creator, located): its `<name>`, else its `literal`. */
function conceptName(element: XmlElement | undefined): string {
  if (!element) return '';
  return oneLine(textOf(firstChild(element, 'name'))) || element.attributes.literal || oneLine(textOf(element));
}

/** A picture's caption and credit: a picture item's contentMeta, or a NITF `<media>`. */
function pictureOfItem(item: XmlElement): { caption: string; credit: string; alt: string } {
  const meta = firstChild(item, 'contentMeta');
  const descriptions = childElements(meta, 'description');
  const caption = oneLine(textOf(descriptions.find((d) => roleIs(d, 'caption')) ?? descriptions[0] ?? firstChild(meta, 'headline')));
  const credit = oneLine(textOf(firstChild(meta, 'creditline'))) || oneLine(textOf(firstChild(meta, 'by'))) || conceptName(firstChild(meta, 'creator'));
  const alt = oneLine(textOf(descriptions.find((d) => roleIs(d, 'alt', 'alttext'))));
  return { caption, credit, alt };
}

function pictureOfMedia(media: XmlElement): { caption: string; credit: string; alt: string } {
  const reference = firstChild(media, 'media-reference');
  return {
    caption: oneLine(textOf(firstChild(media, 'media-caption'))),
    credit: oneLine(textOf(firstChild(media, 'media-producer'))),
    alt: reference?.attributes['alternate-text'] ?? '',
  };
}

/**
 * IPTC NewsML-G2 → a draft: a `newsItem` (alone or in a `newsMessage`/package) with contentMeta
 * (headline, description as the standfirst, by or creator, dateline or located, contentCreated)
 * and a body in `inlineXML` as XHTML or NITF, or as plain `inlineData`. Pictures — picture items
 * beside the text, or NITF `<media>` — give the lead photo's caption and credit; others go in the
 * notes. The XML is parsed strictly with no DTD (see `parseXml`).
 */
export function parseNewsml(input: string): ImportedDraft {
  const root = parseXml(input);
  const items = root.name === 'newsItem' ? [root] : descendantsNamed(root, 'newsItem');
  const text = items.find((item) => /text|composite/.test(itemClass(item))) ?? items.find((item) => !/picture|graphic|video|audio/.test(itemClass(item)));
  if (!text) throw invalidImport('This is not a NewsML-G2 text item: no <newsItem> with text in it');
  const draft = emptyDraft();
  const meta = firstChild(text, 'contentMeta');
  const itemMeta = firstChild(text, 'itemMeta');
  const headlines = childElements(meta, 'headline');
  const descriptions = childElements(meta, 'description');

  draft.headline = oneLine(textOf(headlines.find((h) => !h.attributes.role || roleIs(h, 'main')) ?? headlines[0])) || oneLine(textOf(firstChild(itemMeta, 'title')));
  draft.standfirst = oneLine(textOf(descriptions.find((d) => roleIs(d, 'summary', 'abstract')) ?? descriptions.find((d) => !roleIs(d, 'caption', 'alt'))));
  draft.byline = oneLine(textOf(firstChild(meta, 'by'))) || childElements(meta, 'creator').map(conceptName).filter(Boolean).join(', ') || oneLine(textOf(firstChild(meta, 'creditline')));
  draft.dateline = oneLine(textOf(firstChild(meta, 'dateline'))) || conceptName(firstChild(meta, 'located'));
  draft.sourceDate = dateOf(firstChild(meta, 'contentCreated')) ?? dateOf(firstChild(itemMeta, 'firstCreated')) ?? dateOf(firstChild(itemMeta, 'versionCreated'));

  const found: Array<{ caption: string; credit: string; alt: string }> = [];
  const contentSet = firstChild(text, 'contentSet');
  let blocks: JSONContent[] = [];
  const inline = childElements(contentSet, 'inlineXML')[0];
  const data = childElements(contentSet, 'inlineData')[0];
  if (inline) {
    const nitf = descendantsNamed(inline, 'nitf')[0] ?? (inline.children.find((child) => typeof child !== 'string' && child.name === 'nitf') as XmlElement | undefined);
    if (nitf) {
      const head = descendantsNamed(nitf, 'body.head')[0];
      draft.headline ||= oneLine(textOf(descendantsNamed(head, 'hl1')[0]));
      draft.standfirst ||= oneLine(textOf(descendantsNamed(head, 'abstract')[0]));
      draft.byline ||= oneLine(textOf(descendantsNamed(head, 'byline')[0])).replace(/^by\s+/i, '');
      draft.dateline ||= oneLine(textOf(descendantsNamed(descendantsNamed(head, 'dateline')[0], 'location')[0] ?? descendantsNamed(head, 'dateline')[0]));
      found.push(...descendantsNamed(nitf, 'media').filter((media) => /image|photo/i.test(media.attributes['media-type'] ?? 'image')).map(pictureOfMedia));
      const body = descendantsNamed(nitf, 'body.content')[0];
      if (body) blocks = htmlToBlocks(toHtml(body, NITF_AS_HTML));
    } else {
      const body = descendantsNamed(inline, 'body')[0] ?? inline;
      // The XHTML's own <h1> repeats the headline.
      const h1 = childElements(body, 'h1')[0];
      if (h1) {
        draft.headline ||= oneLine(textOf(h1));
        if (oneLine(textOf(h1)) === draft.headline) body.children.splice(body.children.indexOf(h1), 1);
      }
      blocks = htmlToBlocks(toHtml(body, { script: null, style: null, head: null }));
    }
  } else if (data) {
    blocks = readAlsoBlocks(textParagraphs(textOf(data)).map(paragraph));
  }
  draft.blocks = blocks;

  for (const item of items) if (/picture|graphic/.test(itemClass(item))) found.push(pictureOfItem(item));
  const [lead, ...others] = found;
  if (lead) draft.leadPhoto = lead;
  for (const other of others) draft.notes.push(`A picture was not imported: “${other.caption || 'no caption'}”${other.credit ? ` (${other.credit})` : ''}.`);
  return draft;
}
