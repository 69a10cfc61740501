import { z } from 'zod';
import { recordIdSchema } from '../../../src/domain/api/id-schema';
import { storyListQuerySchema, storyRefsQuerySchema } from '../../../src/domain/api/story-queries';
import { DOCUMENT_LIMITS } from '../../../src/domain/document/limits';
import { createStoryInputSchema, updateStoryInputSchema } from '../../../src/domain/story/fields';
import { currentUser } from '../../http/auth';
import { zodRoutes, type RouteContext } from '../../http/types';
import { createStory, getStory, listStories, saveStory, type StoryStore } from '../../services/stories';
import { backlinks, storyRefs } from '../../services/story-links';
import { EDITOR_ID_HEADER } from '../../../src/domain/api/headers';
import { editorIdFrom, etagFor, prefersMinimal, revisionFromIfMatch } from './save-headers';

const storyParams = z.object({ id: recordIdSchema });

export function storyRoutes({ app, database }: RouteContext) {
  const routes = zodRoutes(app);
  const store: StoryStore = { db: database.db, dialect: database.dialect };

  routes.get(
    '/api/stories',
    { schema: { tags: ['stories'], summary: 'List and search stories (keyset pagination)', querystring: storyListQuerySchema } },
    async (request) => listStories(store, currentUser(request), request.query),
  );

  routes.get(
    '/api/stories/refs',
    { schema: { tags: ['stories'], summary: 'Headline, status and address of several stories (for "Read also" and links)', querystring: storyRefsQuerySchema } },
    async (request) => ({ items: await storyRefs(database.db, currentUser(request), request.query.ids) }),
  );

  routes.get(
    '/api/stories/:id/backlinks',
    { schema: { tags: ['stories'], summary: 'Stories whose body links to this one', params: storyParams } },
    async (request) => {
      const user = currentUser(request);
      await getStory(store, user, request.params.id); // 404 unless the viewer may see it
      return { items: await backlinks(database.db, user, request.params.id) };
    },
  );

  routes.post(
    '/api/stories',
    {
      bodyLimit: DOCUMENT_LIMITS.maxRequestBytes,
      schema: { tags: ['stories'], summary: 'Create a story (a draft at revision 1)', body: createStoryInputSchema },
    },
    async (request, reply) => {
      const story = await createStory(store, currentUser(request), request.body);
      return reply.status(201).header('etag', etagFor(story.revision)).header('location', `/api/stories/${story.id}`).send(story);
    },
  );

  routes.get(
    '/api/stories/:id',
    { schema: { tags: ['stories'], summary: 'One story, with its revision as ETag', params: storyParams } },
    async (request, reply) => {
      const story = await getStory(store, currentUser(request), request.params.id);
      return reply.header('etag', etagFor(story.revision)).header('cache-control', 'no-store').send(story);
    },
  );

  routes.patch(
    '/api/stories/:id',
    {
      bodyLimit: DOCUMENT_LIMITS.maxRequestBytes,
      schema: {
        tags: ['stories'],
        summary: 'Save changed fields; If-Match must name the revision they were made on',
        params: storyParams,
        body: updateStoryInputSchema,
      },
    },
    async (request, reply) => {
      const { bodyPatch, ...changes } = request.body;
      const story = await saveStory(store, currentUser(request), request.params.id, {
        baseRevision: revisionFromIfMatch(request.headers['if-match']),
        editorId: editorIdFrom(request.headers[EDITOR_ID_HEADER]),
        changes,
        bodyPatch,
      });
      reply.header('etag', etagFor(story.revision));
      // `Prefer: return=minimal` (RFC 7240): the editor already has the body it sent, so the answer
      // leaves it out, unless the save was merged with others' and the body is news to the editor.
      if (prefersMinimal(request.headers.prefer) && !story.merged) {
        const { body: _sent, ...withoutBody } = story;
        return reply.header('preference-applied', 'return=minimal').send(withoutBody);
      }
      return reply.send(story);
    },
  );
}
