import type { ErrorCode } from '../src/domain/api/errors';

/**
 * An error the API answers with on purpose. The error handler turns it into
 * `{ "error": { "code", "message", "details"? } }` with its HTTP status.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError(400, 'bad_request', message, details);
export const validationFailed = (message: string, details?: unknown) => new AppError(400, 'validation_failed', message, details);
export const unauthenticated = (message = 'Log in to continue') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'You are not allowed to do that') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found') => new AppError(404, 'not_found', message);
export const conflict = (message: string, details?: unknown) => new AppError(409, 'conflict', message, details);
export const payloadTooLarge = (message: string, details?: unknown) => new AppError(413, 'payload_too_large', message, details);
export const unsupportedMediaType = (message: string) => new AppError(415, 'unsupported_media_type', message);
export const invalidImage = (message: string) => new AppError(422, 'invalid_image', message);
export const preconditionFailed = (message: string, details?: unknown) => new AppError(412, 'precondition_failed', message, details);
export const preconditionRequired = (message: string) => new AppError(428, 'precondition_required', message);
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError(429, 'too_many_requests', message, { retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) });
