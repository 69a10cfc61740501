import { BLOCK_ID_ATTRIBUTE, HEADING_LEVELS } from './extensions';
import { DOCUMENT_LIMITS } from './limits';
import { ID_PATTERN } from '../api/ids';
import { CONTROL_CHARACTERS } from '../api/one-line';
import { isAllowedHref } from './link-policy';
import { PHOTO_ID_PATTERN } from '../photos/ids';
import { PHOTO_TEXT_LIMITS } from '../photos/limits';
import { READ_ALSO_LABELS } from './read-also';
import { STORY_LIMITS } from '../story/limits';

/** Checks one attribute value; returns what is wrong with it, or null. */
type AttributeRule = (value: unknown) => string | null;

interface AttributeSpec {
  rule: AttributeRule;
  /** When set, the attribute must be present and not null; this says so. */
  required?: string;
  /** Null is refused (ProseMirror keeps an explicit null rather than the default). */
  notNull?: boolean;
}

const BLOCK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const blockId: AttributeSpec = {
  rule: (value) => (typeof value === 'string' && BLOCK_ID_PATTERN.test(value) ? null : 'block id must be 1–64 letters, digits, "-" or "_"'),
};

const headingLevel: AttributeSpec = {
  required: `a heading needs a level (${HEADING_LEVELS.join(' or ')})`,
  rule: (value) => ((HEADING_LEVELS as readonly unknown[]).includes(value) ? null : `heading level must be ${HEADING_LEVELS.join(' or ')}, not ${describe(value)}`),
};

const listStart: AttributeSpec = {
  notNull: true,
  rule: (value) => (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1_000_000 ? null : 'a numbered list starts at a whole number from 0 to 1,000,000'),
};

const LIST_TYPES = ['1', 'a', 'A', 'i', 'I'];
const listType: AttributeSpec = {
  rule: (value) => (LIST_TYPES.includes(value as string) ? null : `list numbering must be one of ${LIST_TYPES.join(', ')}`),
};

const linkHref: AttributeSpec = {
  rule: (value) => (isAllowedHref(value) ? null : `link ${describe(value)} is not allowed: links must be http, https or mailto addresses`),
};

const storyId: AttributeSpec = {
  rule: (value) => (typeof value === 'string' && ID_PATTERN.test(value) ? null : `${describe(value)} is not a story id`),
};

const readAlsoLabel: AttributeSpec = {
  notNull: true,
  rule: (value) => ((READ_ALSO_LABELS as readonly unknown[]).includes(value) ? null : `the label must be ${READ_ALSO_LABELS.map((l) => `"${l}"`).join(' or ')}`),
};

/** A placeholder's headline: one line, as long as a headline may be. */
const readAlsoTitle: AttributeSpec = {
  rule: (value) => {
    if (typeof value !== 'string' || !value.trim()) return 'a "Read also" placeholder title must be text';
    if (value.length > STORY_LIMITS.headline) return `a "Read also" placeholder title can be at most ${STORY_LIMITS.headline} characters`;
    return CONTROL_CHARACTERS.test(value) ? 'a "Read also" placeholder title cannot contain line breaks or control characters' : null;
  },
};

const linkTitle: AttributeSpec = {
  rule: (value) =>
    typeof value === 'string' && value.length <= DOCUMENT_LIMITS.maxTitleChars
      ? null
      : `link title must be text of at most ${DOCUMENT_LIMITS.maxTitleChars} characters`,
};


function lineOfText(label: string, max: number): AttributeSpec {
  return {
    rule: (value) => {
      if (typeof value !== 'string') return `${label} must be text`;
      if (value.length > max) return `${label} can be at most ${max} characters`;
      return CONTROL_CHARACTERS.test(value) ? `${label} cannot contain line breaks or control characters` : null;
    },
  };
}

const photoId: AttributeSpec = {
  required: 'a figure needs the id of a library photo (photoId)',
  rule: (value) => (typeof value === 'string' && PHOTO_ID_PATTERN.test(value) ? null : `photoId must be a photo id (64 hex digits), not ${describe(value)}`),
};

const MAX_PIXELS_PER_SIDE = 100_000;
function pixels(label: string): AttributeSpec {
  return {
    rule: (value) =>
      Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_PIXELS_PER_SIDE
        ? null
        : `figure ${label} must be a whole number of pixels from 1 to ${MAX_PIXELS_PER_SIDE}`,
  };
}

/**
 * Every attribute a node or mark may carry, and what its value may be. An attribute the schema
 * declares must have a rule here (a test checks), so a new extension cannot bring in an
 * unchecked attribute. Null always means "the default".
 */
export const ATTRIBUTE_RULES: Record<string, Record<string, AttributeSpec>> = {
  paragraph: { [BLOCK_ID_ATTRIBUTE]: blockId },
  heading: { [BLOCK_ID_ATTRIBUTE]: blockId, level: headingLevel },
  blockquote: { [BLOCK_ID_ATTRIBUTE]: blockId },
  bulletList: { [BLOCK_ID_ATTRIBUTE]: blockId },
  orderedList: { [BLOCK_ID_ATTRIBUTE]: blockId, start: listStart, type: listType },
  horizontalRule: { [BLOCK_ID_ATTRIBUTE]: blockId },
  readAlso: { [BLOCK_ID_ATTRIBUTE]: blockId, storyId, label: readAlsoLabel, title: readAlsoTitle },
  link: { href: linkHref, storyId, title: linkTitle },
  figure: {
    [BLOCK_ID_ATTRIBUTE]: blockId,
    photoId,
    credit: lineOfText('figure credit', PHOTO_TEXT_LIMITS.credit),
    alt: lineOfText('figure alt text', PHOTO_TEXT_LIMITS.alt),
    width: pixels('width'),
    height: pixels('height'),
  },
};

/** Rules about a node's or mark's attributes together. */
export const COMBINED_RULES: Record<string, (attrs: Record<string, unknown>) => { attr: string; message: string } | null> = {
  readAlso: (attrs) => {
    const hasStory = attrs.storyId !== undefined && attrs.storyId !== null;
    const hasTitle = attrs.title !== undefined && attrs.title !== null;
    if (!hasStory && !hasTitle) return { attr: 'storyId', message: 'a "Read also" block needs the story it points to' };
    if (hasStory && hasTitle) return { attr: 'title', message: 'a "Read also" block points to a story or is a placeholder with a title, not both' };
    return null;
  },
  link: (attrs) => {
    const hasHref = attrs.href !== undefined && attrs.href !== null && attrs.href !== '';
    const hasStory = attrs.storyId !== undefined && attrs.storyId !== null;
    if (!hasHref && !hasStory) return { attr: 'href', message: 'a link needs an href or a story to point to' };
    if (hasHref && hasStory) return { attr: 'storyId', message: 'a link points to a web address or to a story, not both' };
    return null;
  },
};
