import { z } from 'zod';
import { recordIdSchema } from '../../../src/domain/api/id-schema';
import { NOTE_MAX, transitionInputSchema } from '../../../src/domain/api/transitions';
import { currentUser } from '../../http/auth';
import { zodRoutes, type RouteContext } from '../../http/types';
import type { StoryStore } from '../../services/stories';
import { siteUrl } from '../../public-site/routes';
import { storyAsNinjs } from '../../services/ninjs';
import { pendingChanges } from '../../services/pending-changes';
import { publishUpdate, storyChecklist, storyEvents, transitionStory } from '../../services/workflow';
import { etagFor } from './save-headers';

const storyParams = z.object({ id: recordIdSchema });

/** The editorial workflow: moves, the publish checklist, corrections, and the story's log. */
export function workflowRoutes({ app, config, database }: RouteContext) {
  const routes = zodRoutes(app);
  const store: StoryStore = { db: database.db, dialect: database.dialect };

  routes.post(
    '/api/stories/:id/transitions',
    { schema: { tags: ['workflow'], summary: 'Move a story (submit, send back, approve, schedule, publish, …)', params: storyParams, body: transitionInputSchema } },
    async (request, reply) => {
      const story = await transitionStory(store, currentUser(request), request.params.id, request.body);
      return reply.header('etag', etagFor(story.revision)).send(story);
    },
  );

  routes.post(
    '/api/stories/:id/corrections',
    {
      schema: {
        tags: ['workflow'],
        summary: 'Publish the pending changes of a published story (a correction)',
        params: storyParams,
        body: z.object({ note: z.string({ error: 'note must be text' }).trim().max(NOTE_MAX) }).strict(),
      },
    },
    async (request, reply) => {
      const story = await publishUpdate(store, currentUser(request), request.params.id, request.body.note);
      return reply.header('etag', etagFor(story.revision)).send(story);
    },
  );

  routes.get(
    '/api/stories/:id/checklist',
    { schema: { tags: ['workflow'], summary: 'The publish checklist, item by item', params: storyParams } },
    async (request) => ({ items: await storyChecklist(store, currentUser(request), request.params.id) }),
  );

  routes.get(
    '/api/stories/:id/pending-changes',
    { schema: { tags: ['workflow'], summary: 'What publishing the update would change: a word diff of the live revision and the working copy', params: storyParams } },
    async (request) => pendingChanges(store, currentUser(request), request.params.id),
  );

  routes.get(
    '/api/stories/:id/ninjs',
    {
      schema: {
        tags: ['workflow'],
        summary: 'The story as IPTC ninjs: 2.x, or 3.x with ?version=3',
        params: storyParams,
        querystring: z.object({ version: z.enum(['2', '3'], { error: 'version must be 2 or 3' }).default('2') }).strict(),
      },
    },
    async (request, reply) => {
      const ninjs = await storyAsNinjs(store, currentUser(request), request.params.id, Number(request.query.version) as 2 | 3, siteUrl(request, config.publicUrl));
      return reply.type('application/json; charset=utf-8').send(ninjs);
    },
  );

  routes.get(
    '/api/stories/:id/events',
    { schema: { tags: ['workflow'], summary: 'The story’s log: transitions, publications, corrections', params: storyParams } },
    async (request) => ({ items: await storyEvents(store, currentUser(request), request.params.id) }),
  );
}
