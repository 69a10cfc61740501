import type { JSONContent } from '@tiptap/core';
import { textParagraphs } from '../../../src/domain/import/plain-text';
import { emptyDraft, invalidImport, paragraph, readAlsoBlocks, type ImportedDraft } from './draft';
import { htmlText, htmlToBlocks } from './html-body';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** ninjs 3 writes properties in camelCase (`contentType`, `versionCreated`); 1.x and 2.x in lower case. */
function lowerKeys(value: unknown, depth = 0): unknown {
  if (depth > 32) return null;
  if (Array.isArray(value)) return value.map((item) => lowerKeys(item, depth + 1));
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.toLowerCase(), lowerKeys(inner, depth + 1)]));
}

/** A 2.x/3.x list of `{role, contenttype, value}` (headlines, descriptions, bodies). */
interface Rendered {
  role: string;
  contentType: string;
  value: string;
}
function rendered(value: unknown): Rendered[] {
  return list(value)
    .filter(isObject)
    .map((item) => ({ role: text(item.role).toLowerCase(), contentType: text(item.contenttype).toLowerCase(), value: text(item.value) }))
    .filter((item) => item.value.trim());
}

/** The item's text in the roles wanted, preferring those (in order), else the first. */
function pick(items: Rendered[], roles: string[], exclude: string[] = []): Rendered | undefined {
  const usable = items.filter((item) => !exclude.some((role) => item.role.endsWith(role)));
  for (const role of roles) {
    const found = usable.find((item) => item.role === role || item.role.endsWith(`:${role}`));
    if (found) return found;
  }
  return usable.find((item) => !item.role) ?? usable[0];
}

const asText = (item: Rendered | undefined) => (!item ? '' : item.contentType.includes('html') ? htmlText(item.value) : item.value);

function dateOf(value: unknown): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text(value));
  if (!match) return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** A picture association: caption, credit and alt text, whatever the version calls them. */
function picture(item: Json): { caption: string; credit: string; alt: string } {
  const descriptions = rendered(item.descriptions);
  const headlines = rendered(item.headlines);
  const caption = asText(pick(descriptions, ['caption'])) || text(item.description_text) || htmlText(text(item.description_html)) || text(item.headline);
  const credit =
    text(item.creditline) ||
    text(item.by) ||
    text(item.byline) ||
    text(item.copyrightholder) ||
    text(list(item.infosources).filter(isObject)[0]?.name);
  const alt = headlines.find((headline) => headline.role.endsWith('alt'))?.value ?? text(item.alt_text ?? item.alttext);
  return { caption, credit, alt };
}

/** Associations: an object keyed by name (1.x) or a list with names (2.x, 3.x). */
function pictures(associations: unknown): Array<{ name: string; caption: string; credit: string; alt: string }> {
  const entries: Array<[string, unknown]> = Array.isArray(associations)
    ? associations.map((item, index) => [isObject(item) ? text(item.name) || `picture${index + 1}` : '', item])
    : isObject(associations)
      ? Object.entries(associations)
      : [];
  const found = entries
    .filter((entry): entry is [string, Json] => isObject(entry[1]) && ['picture', 'graphic'].includes(text(entry[1].type).toLowerCase()))
    .map(([name, item]) => ({ name, ...picture(item) }));
  // The picture for the top of the story first: "featureimage" (the ninjs convention), "leadphoto", "main".
  const lead = found.findIndex((item) => /^(featureimage|featuremedia|leadphoto|lead|main)/i.test(item.name));
  if (lead > 0) found.unshift(...found.splice(lead, 1));
  return found;
}

/**
 * IPTC ninjs (News in JSON) → a draft: 1.x (`headline`, `body_html`, `byline`, associations by
 * name), 2.x (`headlines`, `descriptions`, `bodies`, `by`, associations as a list) and 3.x (the
 * same in camelCase). The first picture (the "featureimage", if named) gives the lead photo's
 * caption and credit; others are listed in the notes. Never throws on valid JSON.
 */
export function parseNinjs(input: string): ImportedDraft {
  let raw: unknown;
  try {
    raw = JSON.parse(input);
  } catch (error) {
    throw invalidImport(`This is not ninjs: the JSON cannot be read (${error instanceof Error ? error.message : 'invalid JSON'})`);
  }
  const item = lowerKeys(raw);
  if (!isObject(item)) throw invalidImport('This is not ninjs: a ninjs item is a JSON object');
  const draft = emptyDraft();
  const headlines = rendered(item.headlines);
  const descriptions = rendered(item.descriptions);
  const bodies = rendered(item.bodies);

  draft.headline = asText(pick(headlines, ['main', 'headline'], ['alt', 'sub', 'short'])) || text(item.headline) || text(item.slugline);
  draft.standfirst =
    asText(pick(descriptions, ['summary', 'abstract', 'description', 'standfirst'], ['caption', 'alt'])) ||
    text(item.description_text) ||
    htmlText(text(item.description_html));
  draft.byline = text(item.by) || text(item.byline) || text(list(item.infosources).filter(isObject)[0]?.name);
  draft.dateline = text(item.located) || text(list(item.place).filter(isObject)[0]?.name);
  draft.sourceDate = dateOf(item.firstcreated) ?? dateOf(item.versioncreated);

  const html = bodies.find((body) => body.contentType.includes('html'))?.value ?? text(item.body_html);
  const plain = bodies.find((body) => !body.contentType.includes('html'))?.value ?? text(item.body_text);
  let blocks: JSONContent[] = [];
  if (html.trim()) blocks = htmlToBlocks(html);
  else if (plain.trim()) blocks = readAlsoBlocks(textParagraphs(plain).map(paragraph));
  draft.blocks = blocks;

  const [lead, ...others] = pictures(item.associations);
  if (lead) draft.leadPhoto = { caption: lead.caption, credit: lead.credit, alt: lead.alt };
  for (const other of others) draft.notes.push(`A picture was not imported: “${other.caption || other.name}”${other.credit ? ` (${other.credit})` : ''}.`);
  return draft;
}
