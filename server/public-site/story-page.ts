import { escapeHtml, renderDocumentHtml, renderLeadPhotoHtml, type LinkedStory } from '../../src/domain/document/render-html';
import { renditionUrl } from '../../src/domain/photos/renditions';
import type { DocumentJSON } from '../../src/domain/document/types';
import type { LiveSnapshot, PublicStory } from '../db/repositories/public-stories';
import { page, readableDate, SITE_NAME } from './page';

export interface StoryPageInput {
  story: PublicStory & { live: LiveSnapshot };
  /** The stories its body points to, as readers may see them. */
  linked: ReadonlyMap<string, LinkedStory>;
  corrections: Array<{ at: string; note: string | null }>;
  canonicalUrl: string;
  /** The lead photo's size in pixels, when the library knows it. */
  leadPhotoSize?: { width: number; height: number } | null;
}

/**
 * A published story as readers see it, laid out like a newspaper's page: headline, standfirst,
 * byline and date, dateline, body (subheadings, figures, "Read also" links), corrections.
 * Everything comes from the live revision; every value is escaped.
 */
export function renderStoryPage({ story, linked, corrections, canonicalUrl, leadPhotoSize = null }: StoryPageInput): string {
  const { live } = story;
  const title = live.seoTitle || live.headline;
  const description = live.seoDescription || live.standfirst;
  const published = story.publishedAt ?? story.liveSavedAt ?? new Date().toISOString();
  const body = renderDocumentHtml(live.body as DocumentJSON, { linkedStory: (id) => linked.get(id) });
  const meta = [
    ['og:type', 'article'],
    ['og:title', live.headline],
    ['og:description', description],
    ['og:url', canonicalUrl],
    ['og:site_name', SITE_NAME],
    ['article:published_time', published],
    ...(live.leadPhoto?.photoId ? [['og:image', new URL(renditionUrl(live.leadPhoto.photoId, 1024, 'jpg'), canonicalUrl).href]] : []),
    ...(story.liveSavedAt ? [['article:modified_time', story.liveSavedAt]] : []),
  ]
    .map(([property, content]) => `<meta property="${property}" content="${escapeHtml(content)}">`)
    .join('\n');

  const byline = [live.byline, `<time datetime="${escapeHtml(published)}">${readableDate(published)}</time>`].filter(Boolean);
  const main = `<article class="story">
<h1>${escapeHtml(live.headline)}</h1>
${live.standfirst ? `<p class="standfirst">${escapeHtml(live.standfirst)}</p>` : ''}
<p class="byline">${byline.map((part, index) => (index === 0 && live.byline ? `<span class="author">${escapeHtml(part)}</span>` : part)).join(' ')}</p>
${live.leadPhoto ? renderLeadPhotoHtml(live.leadPhoto, leadPhotoSize) : ''}
${live.dateline ? `<p class="dateline">${escapeHtml(live.dateline)}:</p>` : ''}
<div class="body">
${body}
</div>
${
  corrections.length > 0
    ? `<aside class="corrections"><h2>Corrections</h2><ul>${corrections
        .map((c) => `<li><time datetime="${escapeHtml(c.at)}">${readableDate(c.at)}</time>: ${escapeHtml(c.note ?? 'This story was corrected.')}</li>`)
        .join('')}</ul></aside>`
    : ''
}
</article>`;
  return page({ title: `${title} — ${SITE_NAME}`, description, canonicalUrl, head: meta, main });
}
