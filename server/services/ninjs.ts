import type { Story } from '../../src/domain/api/stories';
import type { SessionUser } from '../../src/domain/api/users';
import { renderDocumentHtml, type LinkedStory } from '../../src/domain/document/render-html';
import { storyReferences } from '../../src/domain/document/references';
import { countWords, documentText } from '../../src/domain/document/text';
import type { DocumentJSON } from '../../src/domain/document/types';
import type { JSONContent } from '@tiptap/core';
import { FIGURE } from '../../src/domain/document/figure';
import { RENDITION_CONTENT_TYPES, RENDITION_FORMATS, renditionUrl, usefulSlots } from '../../src/domain/photos/renditions';
import type { LeadPhoto } from '../../src/domain/story/fields';
import { findPublicStories, type LiveSnapshot } from '../db/repositories/public-stories';
import { revisionFields } from '../db/repositories/revision-fields';
import { storyPath } from '../public-site/paths';
import { visibleStory, type StoryStore } from './stories';

export type NinjsVersion = 2 | 3;

/** The ninjs versions this export writes, with the schema each names in `standard`. */
export const NINJS_STANDARDS: Record<NinjsVersion, { version: string; schema: string }> = {
  2: { version: '2.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#' },
  3: { version: '3.0', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json#' },
};

type Json = Record<string, unknown>;

/** ninjs 3 writes the same properties in camelCase. */
const CAMEL: Record<string, string> = {
  firstcreated: 'firstCreated',
  versioncreated: 'versionCreated',
  pubstatus: 'pubStatus',
  contenttype: 'contentType',
  wordcount: 'wordCount',
  charcount: 'charCount',
};

function inVersion(value: unknown, version: NinjsVersion): unknown {
  if (version === 2 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => inVersion(item, version));
  return Object.fromEntries(Object.entries(value as Json).map(([key, inner]) => [CAMEL[key] ?? key, inVersion(inner, version)]));
}

interface Picture {
  photoId: string;
  caption: string;
  credit: string;
  alt: string;
  width: number | null;
}

/** The story's pictures as ninjs associations: the lead photo, then each figure, with caption, credit and renditions. */
function associatedPictures(leadPhoto: LeadPhoto | null, body: DocumentJSON, baseUrl: string): Json[] {
  const pictures: Array<Picture & { name: string }> = [];
  if (leadPhoto?.photoId) pictures.push({ name: 'leadphoto', ...leadPhoto, photoId: leadPhoto.photoId, width: null });
  const stack: JSONContent[] = [body];
  let figures = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === FIGURE && node.attrs?.photoId) {
      pictures.push({
        name: `figure${++figures}`,
        photoId: String(node.attrs.photoId),
        caption: (node.content ?? []).map((child) => child.text ?? '').join(''),
        credit: String(node.attrs.credit ?? ''),
        alt: String(node.attrs.alt ?? ''),
        width: typeof node.attrs.width === 'number' ? node.attrs.width : null,
      });
    }
    const children = node.content ?? [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return pictures.map((picture) => ({
    name: picture.name,
    uri: `${baseUrl}/media/photos/${encodeURIComponent(picture.photoId)}`,
    type: 'picture',
    ...(picture.caption ? { descriptions: [{ role: 'caption', contenttype: 'text/plain', value: picture.caption }] } : {}),
    ...(picture.alt ? { headlines: [{ role: 'alt', value: picture.alt }] } : {}),
    ...(picture.credit ? { by: picture.credit } : {}),
    renditions: usefulSlots(picture.width).flatMap(({ slot, width }) =>
      RENDITION_FORMATS.map((format) => ({
        name: `${slot}-${format}`,
        href: `${baseUrl}${renditionUrl(picture.photoId, slot, format)}`,
        contenttype: RENDITION_CONTENT_TYPES[format],
        ...(picture.width ? { width } : {}),
      })),
    ),
  }));
}

/** ninjs pubstatus: usable once live, canceled once taken down, withheld before. */
function pubstatus(story: Story): 'usable' | 'withheld' | 'canceled' {
  if (story.status === 'published') return 'usable';
  if (story.status === 'unpublished' || (story.status === 'spiked' && story.liveRevision !== null)) return 'canceled';
  return 'withheld';
}

/**
 * A story as IPTC ninjs (News in JSON), 2.x by default or 3.x: the revision readers see when it
 * is published (the working copy otherwise), with headline, standfirst, HTML body, byline,
 * dateline (located), dates, status and tags.
 */
export async function storyAsNinjs(store: StoryStore, actor: SessionUser, id: string, version: NinjsVersion, baseUrl: string): Promise<Json> {
  const { story } = await visibleStory(store, actor, id);
  let content: Pick<LiveSnapshot, 'headline' | 'standfirst' | 'byline' | 'dateline' | 'tags' | 'body'> & { leadPhoto?: LeadPhoto | null } = story;
  let revision = story.revision;
  let versionCreated = story.updatedAt;
  if (story.status === 'published' && story.liveRevision !== null) {
    const live = await store.db
      .selectFrom('story_revisions')
      .select(['saved_at'])
      .where('story_id', '=', id)
      .where('revision', '=', story.liveRevision)
      .executeTakeFirstOrThrow();
    content = (await revisionFields(store.db, id, story.liveRevision)) as LiveSnapshot;
    revision = story.liveRevision;
    versionCreated = live.saved_at;
  }
  const body = content.body as DocumentJSON;
  const targets = await findPublicStories(store.db, storyReferences(body));
  const linked = new Map<string, LinkedStory>(
    targets.filter((t) => t.live).map((t) => [t.id, { headline: t.live!.headline, path: t.status === 'published' ? `${baseUrl}${storyPath(t.slug)}` : null }]),
  );
  const html = renderDocumentHtml(body, { linkedStory: (storyId) => linked.get(storyId) });
  const text = documentText(body);

  const ninjs: Json = {
    uri: `${baseUrl}${storyPath(story.slug)}`,
    standard: { name: 'ninjs', ...NINJS_STANDARDS[version] },
    type: 'text',
    representationtype: 'full',
    version: String(revision),
    firstcreated: story.createdAt,
    versioncreated: versionCreated,
    pubstatus: pubstatus(story),
    language: 'en',
    slugline: story.slug,
    headlines: [{ role: 'main', value: content.headline }],
    ...(content.standfirst ? { descriptions: [{ role: 'summary', contenttype: 'text/plain', value: content.standfirst }] } : {}),
    bodies: [{ role: 'main', contenttype: 'text/html', value: html, wordcount: countWords(text), charcount: text.length }],
    ...(content.byline ? { by: content.byline } : {}),
    ...(content.dateline ? { located: content.dateline } : {}),
    ...(content.tags.length > 0 ? { subjects: content.tags.map((tag) => ({ name: tag, literal: tag })) } : {}),
  };
  const pictures = associatedPictures(content.leadPhoto ?? null, body, baseUrl);
  if (pictures.length > 0) ninjs.associations = pictures;
  if (version === 3) {
    // "representationtype" became "representationType" in 3.0.
    const { representationtype, ...rest } = ninjs;
    return { ...(inVersion(rest, 3) as Json), representationType: representationtype };
  }
  return ninjs;
}
