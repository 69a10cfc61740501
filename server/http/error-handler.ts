import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiErrorBody, ErrorCode } from '../../src/domain/api/errors';
import { isUnstorableText } from '../db/errors';
import { AppError } from '../errors';

interface Problem {
  field: string;
  message: string;
}

function send(reply: Parameters<Parameters<FastifyInstance['setErrorHandler']>[0]>[2], status: number, body: ApiErrorBody) {
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Fastify's own 4xx errors (parsing, limits, content types) in words a client developer can act on. */
function describeFastifyError(error: FastifyError): { code: ErrorCode; message: string } {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'bad_request', message: 'The request body is not valid JSON' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'payload_too_large', message: `The request body is too large: ${error.message}` };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'unsupported_media_type', message: 'Send the request body as application/json' };
    default:
      if (error.statusCode === 413) return { code: 'payload_too_large', message: 'The request body is too large' };
      if (error.statusCode === 415) return { code: 'unsupported_media_type', message: error.message };
      return { code: 'bad_request', message: error.message };
  }
}

/** Every error leaves the API in one shape: `{ "error": { "code", "message", "details"? } }`. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return send(reply, error.statusCode, {
        error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'request';
      const problems: Problem[] = error.validation.map((issue) => ({
        field: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || context,
        message: issue.message ?? 'is invalid',
      }));
      return send(reply, 400, {
        error: {
          code: 'validation_failed',
          message: problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
          details: { in: context, problems },
        },
      });
    }
    if (isUnstorableText(error)) {
      return send(reply, 400, { error: { code: 'bad_request', message: 'The request contains characters that cannot be stored' } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return send(reply, status, { error: describeFastifyError(error) });
    }
    request.log.error({ err: error }, 'request failed');
    return send(reply, 500, { error: { code: 'internal', message: 'Something went wrong on the server' } });
  });
}
