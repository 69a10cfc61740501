import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { LinkedStory } from '../../src/domain/document/render-html';
import { storyReferences } from '../../src/domain/document/references';
import { documentText } from '../../src/domain/document/text';
import type { DocumentJSON } from '../../src/domain/document/types';
import { findCorrections, findPublicStories, findPublicStoryBySlug, latestPublished, type PublicStory } from '../db/repositories/public-stories';
import { findPhotoRow } from '../db/repositories/photos';
import type { Db } from '../db/transaction';
import { zodRoutes, type RouteContext } from '../http/types';
import { messagePage, PUBLIC_SITE_CSP, SITE_NAME } from './page';
import { rss2 } from './rss';
import { storyPath } from './paths';
import { SITE_CSS } from './site-css';
import { renderStoryPage } from './story-page';

export const FEED_SIZE = 50;

/** Where readers reach the site: the configured public address, else the address the request came to. */
export function siteUrl(request: FastifyRequest, configured: string | null): string {
  if (configured) return configured;
  // Only a plain host name or address (and port) from the request: never markup or a path.
  const host = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(request.host) ? request.host : 'localhost';
  return `${request.protocol === 'https' ? 'https' : 'http'}://${host}`;
}


/** The stories a public page points to: linked while published, plain text once taken down, absent if never live. */
async function linkedStories(db: Db, body: DocumentJSON): Promise<Map<string, LinkedStory>> {
  const targets = await findPublicStories(db, storyReferences(body));
  const linked = new Map<string, LinkedStory>();
  for (const target of targets) {
    if (!target.live) continue;
    linked.set(target.id, { headline: target.live.headline, path: target.status === 'published' ? storyPath(target.slug) : null });
  }
  return linked;
}

async function photoSize(db: Db, photoId: string): Promise<{ width: number; height: number } | null> {
  const photo = await findPhotoRow(db, photoId);
  return photo ? { width: photo.width, height: photo.height } : null;
}

function html(reply: FastifyReply, status: number, body: string, cache: string) {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', cache).header('content-security-policy', PUBLIC_SITE_CSP).send(body);
}

/** The public site, served without client JavaScript: story pages and the RSS feed. */
export function publicSiteRoutes({ app, config, database }: RouteContext) {
  const routes = zodRoutes(app);
  const db = database.db;

  routes.get('/news/site.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(SITE_CSS),
  );

  routes.get(
    '/news/:slug',
    { schema: { hide: true, params: z.object({ slug: z.string().max(200) }) } },
    async (request, reply) => {
      const story = await findPublicStoryBySlug(db, request.params.slug);
      if (story?.status === 'unpublished' || (story?.status === 'spiked' && story.live)) {
        return html(reply, 410, messagePage('This story has been taken down', 'It is no longer published.'), 'public, max-age=60');
      }
      if (!story || story.status !== 'published' || !story.live) {
        return html(reply, 404, messagePage('Story not found', 'There is no published story at this address.'), 'public, max-age=60');
      }
      const live = story as PublicStory & { live: NonNullable<PublicStory['live']> };
      const body = renderStoryPage({
        story: live,
        linked: await linkedStories(db, live.live.body as DocumentJSON),
        corrections: await findCorrections(db, story.id),
        canonicalUrl: `${siteUrl(request, config.publicUrl)}${storyPath(story.slug)}`,
        leadPhotoSize: live.live.leadPhoto?.photoId ? await photoSize(db, live.live.leadPhoto.photoId) : null,
      });
      return html(reply, 200, body, 'public, max-age=60');
    },
  );

  routes.get('/feed.xml', { schema: { hide: true } }, async (request, reply) => {
    const base = siteUrl(request, config.publicUrl);
    const stories = await latestPublished(db, FEED_SIZE);
    const xml = rss2({
      title: SITE_NAME,
      link: `${base}/`,
      description: 'The latest published stories',
      selfLink: `${base}/feed.xml`,
      items: stories.map((story) => {
        const live = story.live!;
        return {
          title: live.headline,
          link: `${base}${storyPath(story.slug)}`,
          description: live.standfirst || documentText(live.body as DocumentJSON).slice(0, 300),
          published: story.publishedAt!,
          author: live.byline || undefined,
          category: live.section ?? undefined,
        };
      }),
    });
    return reply
      .type('application/rss+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .header('content-security-policy', PUBLIC_SITE_CSP)
      .send(xml);
  });
}
