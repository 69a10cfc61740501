import { z } from 'zod';
import { recordIdSchema } from '../../../src/domain/api/id-schema';
import { currentUser } from '../../http/auth';
import { zodRoutes, type RouteContext } from '../../http/types';
import { compareRevisions, getRevision, listHistory, restoreRevision } from '../../services/history';
import { heartbeat, leave } from '../../services/presence';
import type { StoryStore } from '../../services/stories';
import { etagFor } from './save-headers';

const revisionNumber = (name: string) =>
  z.coerce.number({ error: `${name} must be a revision number` }).int({ error: `${name} must be a whole number` }).min(1, { error: `${name} must be 1 or more` }).max(1e9);
const storyParams = z.object({ id: recordIdSchema });
const revisionParams = z.object({ id: recordIdSchema, revision: revisionNumber('revision') });
const presenceParams = z.object({ id: recordIdSchema, editorId: recordIdSchema });

/** A story's history (revisions, diffs between them, restore) and who has it open. */
export function historyRoutes({ app, database }: RouteContext) {
  const routes = zodRoutes(app);
  const store: StoryStore = { db: database.db, dialect: database.dialect };

  routes.get(
    '/api/stories/:id/revisions',
    { schema: { tags: ['history'], summary: 'The story’s history, newest first (saves by one person within minutes are one entry)', params: storyParams } },
    async (request) => listHistory(store, currentUser(request), request.params.id),
  );

  routes.get(
    '/api/stories/:id/revisions/compare',
    {
      schema: {
        tags: ['history'],
        summary: 'Word-level differences between two revisions, field by field',
        params: storyParams,
        querystring: z.object({ from: revisionNumber('from'), to: revisionNumber('to') }).strict(),
      },
    },
    async (request) => compareRevisions(store, currentUser(request), request.params.id, request.query.from, request.query.to),
  );

  routes.get(
    '/api/stories/:id/revisions/:revision',
    { schema: { tags: ['history'], summary: 'One revision’s fields', params: revisionParams } },
    async (request) => getRevision(store, currentUser(request), request.params.id, request.params.revision),
  );

  routes.post(
    '/api/stories/:id/restore',
    {
      schema: {
        tags: ['history'],
        summary: 'Put an earlier revision back, as a new revision',
        params: storyParams,
        body: z.object({ revision: revisionNumber('revision') }).strict(),
      },
    },
    async (request, reply) => {
      const story = await restoreRevision(store, currentUser(request), request.params.id, request.body.revision);
      return reply.header('etag', etagFor(story.revision)).send(story);
    },
  );

  routes.put(
    '/api/stories/:id/presence/:editorId',
    { schema: { tags: ['presence'], summary: 'An open editor’s heartbeat: answers who else has the story open and its revision', params: presenceParams } },
    async (request) => heartbeat(store, currentUser(request), request.params.id, request.params.editorId),
  );

  routes.delete(
    '/api/stories/:id/presence/:editorId',
    { schema: { tags: ['presence'], summary: 'The editor closed the story', params: presenceParams } },
    async (request, reply) => {
      await leave(store, currentUser(request), request.params.id, request.params.editorId);
      return reply.status(204).send();
    },
  );
}
