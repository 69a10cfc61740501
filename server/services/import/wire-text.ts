import type { JSONContent } from '@tiptap/core';
import { DOCUMENT_LIMITS } from '../../../src/domain/document/limits';
import { emptyDraft, inlineText, invalidImport, paragraph, readAlsoLine, readAlsoPlaceholder, subheading, type ImportedDraft } from './draft';

/**
 * Plain-text wire copy → a draft. Reads the shapes agencies and newspapers send:
 *
 * - a newspaper's republished wire story: headline, standfirst, "Reuters April 24, 2024",
 *   a photo caption ending "PHOTO: REUTERS", a dateline on its own line ("SHANGHAI:"), paragraphs,
 *   subheadings, "Read also:" / "Read:" lines, then the site's comment chrome;
 * - agency text: a headline, "By NAME" and the agency on lines of their own, and the dateline
 *   opening the first paragraph: "WASHINGTON (AP) — …", "PARIS, May 2, 2025 (AFP) - …",
 *   "LONDON, May 2 (Reuters) - …"; hard-wrapped paragraphs; sign-offs and end marks.
 *
 * Anything it cannot place is a paragraph; it refuses only copy with more lines than a story holds.
 */
export function parseWireText(input: string): ImportedDraft {
  const draft = emptyDraft();
  const raw = normalise(input).split('\n');
  // Each paragraph is two nodes of the story (the block and its text): refuse at once what cannot fit.
  if (raw.filter(Boolean).length > DOCUMENT_LIMITS.maxNodes / 2) {
    throw invalidImport(`The copy is too long for one story: it has more than ${(DOCUMENT_LIMITS.maxNodes / 2).toLocaleString('en')} lines`);
  }
  const lines = withoutChrome(raw);
  let at = nextLine(lines, 0);

  // The header, line by line: headline, then what describes the story, until the body starts.
  if (at < lines.length && !startsBody(lines[at]) && lines[at].length <= 300) {
    draft.headline = lines[at];
    at = readHeader(draft, lines, nextLine(lines, at + 1));
  }

  // The body, block by block (blocks are separated by blank lines).
  const blocks = blocksOf(lines.slice(at));
  if (!draft.dateline && blocks.length > 0 && blocks[0].length === 1) {
    const only = DATELINE_ALONE.exec(blocks[0][0]);
    if (only) {
      draft.dateline = only[1];
      blocks.shift();
    }
  }
  const body: JSONContent[] = [];
  const blankLinesSeparate = blocks.length > 1;
  blocks.forEach((block, index) => {
    for (const unit of unitsOf(block, blankLinesSeparate)) {
      const readAlso = readAlsoLine(unit);
      if (readAlso) {
        body.push(readAlsoPlaceholder(readAlso.label, readAlso.title));
        continue;
      }
      let text = unit;
      if (body.length === 0) text = takeInlineDateline(draft, text);
      if (isSubheading(text, block.length, body, index < blocks.length - 1)) body.push(subheading(text));
      else if (text) body.push(paragraph(inlineText(text)));
    }
  });
  draft.blocks = body;
  return draft;
}

/** Unicode NFC, LF line ends, no controls or odd spaces, no trailing spaces. */
function normalise(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Chrome: what a web page or a wire service wraps around the story.

/** The reader-comment footer of a newspaper's page: it and everything after it go. */
const COMMENTS_FOOTER = /^(comments|\d+ comments|comments \(\d+\)|show comments|reader comments)$/i;

const CHROME_LINES = [
  /^replying to\b.{0,80}$/i,
  /^comments are moderated\b/i,
  /^for more information, please see our comments faq\.?$/i,
  /^(advertisement|advertising|sponsored|sponsored content|story continues below( advertisement)?)$/i,
  /^(share|share this|share this (article|story)|tweet|print|email|e-mail|whatsapp|facebook|twitter|linkedin)$/i,
  /^(copyright|©|\(c\))\s*\d{4}\b.*\b(all rights reserved|may not be (published|reproduced))/i,
  /^(©|\(c\))?\s*copyright\b.{0,80}$/i,
  /^all rights reserved\.?$/i,
  /^our standards:/i,
  /^this material may not be published, broadcast, rewritten or redistributed\.?$/i,
];

/** Wire priority words, AP slug lines, end marks and AFP's initials sign-off: not story text. */
const WIRE_MARKS = [
  /^(urgent|flash|bulletin|alert|advisory|breaking|update \d+|corrected|refile)$/i,
  /^bc-[\w-]+/i,
  /^(ends|end|\(end\)|-+ ?end ?-+|-30-|#{3}|\*{3})$/i,
  /^[_=-]{3,}$/,
  /^[a-z]{2,6}(-[a-z]{2,6})*\/[a-z]{2,6}(\/[a-z]{2,6})*$/,
];

function withoutChrome(lines: string[]): string[] {
  const footer = lines.findIndex((line, index) => index > 0 && COMMENTS_FOOTER.test(line));
  const kept = footer >= 0 ? lines.slice(0, footer) : lines;
  return kept.map((line) => (CHROME_LINES.some((rule) => rule.test(line)) || WIRE_MARKS.some((rule) => rule.test(line)) ? '' : line));
}

// ---------------------------------------------------------------------------------------------
// The header.

const AGENCIES = [
  'Reuters',
  'AFP',
  'Agence France-Presse',
  'AP',
  'Associated Press',
  'The Associated Press',
  'dpa',
  'Deutsche Presse-Agentur',
  'ANSA',
  'EFE',
  'Bloomberg',
  'Xinhua',
  'Kyodo',
  'Kyodo News',
  'Yonhap',
  'PA',
  'PA Media',
  'Press Association',
  'AAP',
  'Anadolu',
  'Anadolu Agency',
  'UPI',
  'PTI',
  'IANS',
  'APP',
  'TASS',
  'NTB',
  'Belga',
  'ANP',
  'APA',
];
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const AGENCY = new RegExp(`^(${AGENCIES.map(escapeRegExp).join('|')})$`, 'i');

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\\s+)?';
/** "April 24, 2024", "24 April 2024", "2024-04-24", optionally with a weekday and a time. */
const DATE = `${WEEKDAY}(?:${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})|(\\d{4})-(\\d{2})-(\\d{2}))(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5})?)?`;
const DATE_ALONE = new RegExp(`^(?:(?:published|updated|posted)\\s*:?\\s*)?${DATE}$`, 'i');
/** "Reuters April 24, 2024", "AFP | 3 May 2025", "By Ana Ortiz, Reuters · April 24, 2024". */
const SOURCE_AND_DATE = new RegExp(`^(\\D.{0,120}?)\\s*[,|·–—-]?\\s+${DATE}$`, 'i');
const BYLINE = /^by\s+(\S.{0,190})$/i;

/** "SHANGHAI:" or "NEW YORK —" alone on a line: the dateline, printed before the first paragraph. */
const DATELINE_ALONE = /^([\p{Lu}][\p{Lu}\p{M} .'’-]{1,60}?)(?:,\s*[\p{L}\p{M} .'’]{1,40})?\s*[:—–]$/u;
/**
 * A dateline opening the first paragraph: "WASHINGTON (AP) — ", "PARIS, May 2, 2025 (AFP) - ",
 * "LONDON, May 2 (Reuters) - ", "SHANGHAI: ".
 */
const DATELINE_OPENING = /^([\p{Lu}][\p{Lu}\p{M} .'’-]{1,60}?)((?:,\s*[^,()]{2,40}?){0,3})\s*(?:\(([^()]{2,40})\)\s*[-–—:]|[—–]|:)\s+(?=\S)/u;

/** A photo caption ending with its credit: "… April 24, 2024. PHOTO: REUTERS", "(Photo: AFP)". */
const CAPTION_CREDIT = /^(.{10,}?)\s*\(?\s*(?:photo|photograph|photo credit|picture|image)\s*:\s*([^():]{1,100}?)\s*\)?$/i;
/** Reuters' own caption style: "… in Shanghai. REUTERS/Evelyn Hockstein/Pool". */
const AGENCY_SLASH_CREDIT = new RegExp(`^(.{10,}?[.!?])\\s+((?:${AGENCIES.map((name) => escapeRegExp(name.toUpperCase())).join('|')})(?:/[\\p{L}\\p{M} .'’-]{2,40}){1,3})$`, 'u');

function isoDate(match: RegExpMatchArray, offset: number): string | null {
  const [monthA, dayA, yearA, dayB, monthB, yearB, isoY, isoM, isoD] = match.slice(offset, offset + 9);
  let year: number;
  let month: number;
  let day: number;
  if (isoY) [year, month, day] = [Number(isoY), Number(isoM), Number(isoD)];
  else {
    const name = (monthA ?? monthB ?? '').toLowerCase().slice(0, 3);
    month = MONTHS.findIndex((full) => full.startsWith(name)) + 1;
    [year, day] = monthA ? [Number(yearA), Number(dayA)] : [Number(yearB), Number(dayB)];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** ALL-CAPS names, as agencies print bylines ("By MATTHEW LEE"), in the case people write them. */
function nameCase(name: string): string {
  return name.replace(/[\p{Lu}\p{M}'’-]{2,}/gu, (word) =>
    AGENCY.test(word) ? word : word.toLowerCase().replace(/(^|['’-])(\p{Ll})/gu, (_all, before: string, letter: string) => before + letter.toUpperCase()),
  );
}

function addSource(draft: ImportedDraft, source: string) {
  const cleaned = source.replace(/[\s,|·–—-]+$/, '').trim();
  if (!cleaned) return;
  if (!draft.byline) draft.byline = cleaned;
  else if (!draft.byline.toLowerCase().includes(cleaned.toLowerCase())) draft.byline = `${draft.byline}, ${cleaned}`;
}

type HeaderLine =
  | { kind: 'byline'; name: string }
  | { kind: 'source'; name: string; date: string | null }
  | { kind: 'date'; date: string | null }
  | { kind: 'caption'; caption: string; credit: string }
  | { kind: 'dateline'; place: string };

function headerLine(line: string): HeaderLine | null {
  if (AGENCY.test(line)) return { kind: 'source', name: line, date: null };
  const sourceAndDate = SOURCE_AND_DATE.exec(line);
  if (sourceAndDate && sourceAndDate[1].split(/\s+/).length <= 8 && !/[.!?]$/.test(sourceAndDate[1])) {
    const source = sourceAndDate[1].replace(/^by\s+/i, '');
    return { kind: 'source', name: AGENCY.test(source) ? source : nameCase(source), date: isoDate(sourceAndDate, 2) };
  }
  const byline = BYLINE.exec(line);
  if (byline && !/[.!?]$/.test(line)) {
    // "By JANE DOE Associated Press": the agency may share the line.
    const words = byline[1];
    const agency = AGENCIES.find((name) => words.toLowerCase().endsWith(` ${name.toLowerCase()}`));
    if (agency) {
      const name = words.slice(0, words.length - agency.length).replace(/[\s,|·–—-]+$/, '');
      return { kind: 'byline', name: `${nameCase(name)}, ${words.slice(words.length - agency.length)}` };
    }
    return { kind: 'byline', name: nameCase(words) };
  }
  const dateAlone = DATE_ALONE.exec(line);
  if (dateAlone) return { kind: 'date', date: isoDate(dateAlone, 1) };
  const caption = CAPTION_CREDIT.exec(line) ?? AGENCY_SLASH_CREDIT.exec(line);
  if (caption) return { kind: 'caption', caption: caption[1].trim(), credit: caption[2].trim() };
  const dateline = DATELINE_ALONE.exec(line);
  if (dateline) return { kind: 'dateline', place: dateline[1].trim() };
  return null;
}

/** Does this line open the story's text (a dateline, or a "Read also" line)? */
function startsBody(line: string): boolean {
  return DATELINE_ALONE.test(line) || readAlsoLine(line) !== null || datelineOpening(line) !== null;
}

/** Words that open a paragraph with a colon and are no place: "NOTE: figures are provisional." */
const NOT_PLACES = /^(note|editor'?s note|update|updated|correction|clarification|warning|embargo|embargoed|advisory|attention|eds|editors|breaking|exclusive|analysis|opinion|comment|explainer|factbox|q&a)$/i;

/**
 * The dateline opening a paragraph, if there is one: "OSLO, May 12 (Reuters) - …" and
 * "GENEVA — …" always; "SHANGHAI: …" only on a paragraph-length line and a word that may be a place.
 */
function datelineOpening(text: string): RegExpExecArray | null {
  const match = DATELINE_OPENING.exec(text);
  if (!match || NOT_PLACES.test(match[1].trim())) return null;
  if (match[3] !== undefined || /[—–]/.test(match[0])) return match;
  return text.length > 80 ? match : null;
}

/** A standfirst: one line of prose under the headline. */
function standfirstCandidate(line: string, following: string | null): boolean {
  if (line.length > 1000 || startsBody(line)) return false;
  // Followed by more header (the agency line, a caption), it is the standfirst whatever it ends with;
  // otherwise only a line without a full stop (standfirsts rarely have one; first paragraphs do).
  return (following !== null && headerLine(following) !== null) || !/[.!?]["”’']?$/.test(line);
}

/** The index of the first non-empty line from `from` (the length when none is left). */
function nextLine(lines: string[], from: number): number {
  let at = from;
  while (at < lines.length && lines[at] === '') at++;
  return at;
}

/** Reads header lines from `at`; returns where the body starts. */
function readHeader(draft: ImportedDraft, lines: string[], start: number): number {
  for (let at = start; at < lines.length; at = nextLine(lines, at + 1)) {
    const line = lines[at];
    const found = headerLine(line);
    if (!found) {
      const following = nextLine(lines, at + 1);
      if (draft.standfirst || !standfirstCandidate(line, following < lines.length ? lines[following] : null)) return at;
      draft.standfirst = line;
      continue;
    }
    switch (found.kind) {
      case 'byline':
        addSource(draft, found.name);
        break;
      case 'source':
        addSource(draft, found.name);
        draft.sourceDate ??= found.date;
        break;
      case 'date':
        draft.sourceDate ??= found.date;
        break;
      case 'caption':
        if (draft.leadPhoto) draft.notes.push(`Another picture was named but not imported: “${found.caption}” (${found.credit}).`);
        else draft.leadPhoto = { caption: found.caption, credit: found.credit, alt: '' };
        break;
      case 'dateline':
        draft.dateline = found.place;
        return at + 1;
    }
  }
  return lines.length;
}

/** Takes "WASHINGTON (AP) — " off the first paragraph, as the dateline (and the agency, if no byline). */
function takeInlineDateline(draft: ImportedDraft, text: string): string {
  const match = datelineOpening(text);
  if (!match) return text;
  const [opening, place, rest, agency] = match;
  // The copy already had its dateline on a line of its own: "SHANGHAI: …" here is prose.
  if (draft.dateline && !agency && !/[—–]/.test(opening)) return text;
  if (!draft.dateline) draft.dateline = place.trim();
  if (agency && !draft.byline) addSource(draft, agency.trim());
  if (!draft.sourceDate && rest) {
    const date = new RegExp(`${DATE}`, 'i').exec(rest.replace(/^,\s*/, '').replace(/,\s*/g, ', '));
    if (date) draft.sourceDate = isoDate(date, 1);
  }
  return text.slice(opening.length);
}

// ---------------------------------------------------------------------------------------------
// The body.

function blocksOf(lines: string[]): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/** Nobody hard-wraps text wider than this: lines that long are paragraphs of their own. */
const WIDEST_WRAP = 120;
const ENDS_SENTENCE = /[.!?…]["”’')]?$/;

/**
 * The paragraphs (or lines to classify) of one block. Hard-wrapped copy is joined back into
 * paragraphs; in copy without blank lines between paragraphs, a line that ends a sentence ends one.
 */
function unitsOf(block: string[], blankLinesSeparate: boolean): string[] {
  const units: string[] = [];
  const width = Math.max(...block.map((line) => line.length));
  let wrapped: string[] = [];
  const flush = () => {
    if (wrapped.length > 0) units.push(wrapped.join(' '));
    wrapped = [];
  };
  for (const line of block) {
    if (readAlsoLine(line)) {
      flush();
      units.push(line);
      continue;
    }
    wrapped.push(line);
    // Copy that separates paragraphs with blank lines hard-wraps inside them; a short line ending a
    // sentence still ends one. Copy without blank lines has a paragraph a line.
    if (width > WIDEST_WRAP || (ENDS_SENTENCE.test(line) && (!blankLinesSeparate || line.length < width * 0.75))) flush();
  }
  flush();
  return units;
}

/**
 * A subheading: a short line on its own between paragraphs, not a sentence ("Call for
 * 'restraint' over Taiwan").
 */
function isSubheading(text: string, blockLines: number, before: JSONContent[], more: boolean): boolean {
  if (blockLines !== 1 || !more || before.length === 0) return false;
  if (text.length > 120 || text.split(/\s+/).length > 14) return false;
  if (!/^["“‘'\p{Lu}\p{N}]/u.test(text)) return false;
  if (/[.,;:!?…)\-–—]$/.test(text) || /[.,;:!?]["”’']$/.test(text)) return false;
  return before[before.length - 1].type === 'paragraph';
}
