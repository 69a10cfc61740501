import { z } from 'zod';
import { IMPORT_FORMATS, IMPORT_LIMITS } from '../../../src/domain/api/imports';
import { currentUser } from '../../http/auth';
import { zodRoutes, type RouteContext } from '../../http/types';
import { importStory } from '../../services/import/import-story';
import { tooLarge } from '../../services/import/input';
import type { StoryStore } from '../../services/stories';

const importRequestSchema = z
  .object({
    format: z.enum(IMPORT_FORMATS, { error: `format must be one of: ${IMPORT_FORMATS.join(', ')}` }),
    content: z.string({ error: 'content must be the copy, as text' }),
  })
  .strict();

/** JSON escapes newlines and quotes: room for the largest copy, escaped. */
const BODY_LIMIT = IMPORT_LIMITS.maxBytes * 3 + 64 * 1024;

export function importRoutes({ app, database }: RouteContext) {
  const routes = zodRoutes(app);
  const store: StoryStore = { db: database.db, dialect: database.dialect };

  routes.post(
    '/api/import',
    {
      bodyLimit: BODY_LIMIT,
      // A request that says it is too large is refused before a byte of it is read, in words.
      onRequest: async (request) => {
        const length = Number(request.headers['content-length']);
        if (Number.isFinite(length) && length > BODY_LIMIT) throw tooLarge(length);
      },
      schema: {
        tags: ['stories'],
        summary: 'Import wire copy (plain text, IPTC ninjs or NewsML-G2) as a new draft; 201 with the story and what the importer found',
        body: importRequestSchema,
      },
    },
    async (request, reply) => {
      const { story, report } = await importStory(store, currentUser(request), request.body);
      return reply.status(201).header('location', `/api/stories/${story.id}`).send({ story, report });
    },
  );
}
