import type { ApiErrorBody, ErrorCode } from '../domain/api/errors';
import { CSRF_HEADER } from '../domain/api/headers';

/** A failed API call: the server's error code and message, or `network` when no answer came. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth trying again later: no answer, a server fault, or a rate limit. */
  get isTransient(): boolean {
    return this.code === 'network' || this.status >= 500 || this.status === 429;
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent on every state-changing request. Set at login and on session load. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The CSRF token to send with a state-changing request made outside `apiRequest` (an upload). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'Cannot reach the server');
  }
}

/** The error an answer carries, from its status and its body text (the one error shape, if it is there). */
export function errorFromBody(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as ApiErrorBody;
    return new ApiError(status, body.error.code, body.error.message, body.error.details);
  } catch {
    return new ApiError(status, status >= 500 ? 'internal' : 'bad_request', `The server answered ${status}`);
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  return errorFromBody(response.status, await response.text().catch(() => ''));
}

/** Fetches the session again for a fresh CSRF token (after logging in from another tab). */
export async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('/api/session', {});
  if (!response.ok) return false;
  const session = (await response.json()) as { csrfToken: string };
  setCsrfToken(session.csrfToken);
  return true;
}

/** Calls the API. Resolves with the parsed body; rejects with an ApiError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  let response = await send(path, options);
  if (response.status === 403 && options.method && options.method !== 'GET') {
    const error = await errorFrom(response.clone());
    if (error.code === 'csrf_failed' && (await refreshCsrfToken())) response = await send(path, options);
  }
  if (!response.ok) throw await errorFrom(response);
  const data = (response.status === 204 ? undefined : await response.json()) as T;
  return { data, headers: response.headers };
}
