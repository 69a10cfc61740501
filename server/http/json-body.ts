import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';

/**
 * The deepest JSON a request body may nest. A story body at the document's own depth limit
 * (24 blocks) nests about 52 levels deep in JSON; nothing the API takes needs more.
 */
export const MAX_JSON_DEPTH = 64;

/** How deep a JSON text nests, counted without parsing it (brackets inside strings do not count). */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c /* \ */) index++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b /* { */ || char === 0x5b /* [ */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAt) return deepest;
      }
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      depth--;
    }
  }
  return deepest;
}

/**
 * JSON bodies: Fastify's own parser (prototype-poisoning protection included), after a check of
 * the nesting depth, so a body of a million brackets is a clear 400 before any parser or
 * validator walks it.
 */
export function registerJsonParser(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonDepth(body as string, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(new AppError(400, 'bad_request', `The request body nests deeper than ${MAX_JSON_DEPTH} levels of JSON`), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
}
