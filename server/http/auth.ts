import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CSRF_HEADER } from '../../src/domain/api/headers';
import type { SessionUser } from '../../src/domain/api/users';
import type { AppConfig } from '../config';
import type { DatabaseHandle } from '../db/connection';
import { AppError, unauthenticated } from '../errors';
import { resolveSession, sameSecret, type ActiveSession } from '../services/sessions';

export const SESSION_COOKIE = 'newsdesk_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's session, or null for an anonymous request. */
    session: ActiveSession | null;
  }
  interface FastifyContextConfig {
    /** Anyone may call the route, logged in or not (default: login required). */
    public?: boolean;
    /** The route changes state but needs no CSRF token (only logging in, which has no session yet). */
    skipCsrf?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The caller's session; routes call this when they need one (the guard already refused anonymous calls). */
export function currentSession(request: FastifyRequest): ActiveSession {
  if (!request.session) throw unauthenticated();
  return request.session;
}

export function currentUser(request: FastifyRequest): SessionUser {
  return currentSession(request).user;
}

export function setSessionCookie(reply: FastifyReply, token: string, config: AppConfig) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: Math.floor(config.sessions.absoluteTimeoutMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' });
}

/** Is this request for an API route? Decided on the matched route, not the raw URL (which may be percent-encoded). */
function isApiRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith('/api/') ?? false;
}

/**
 * Every API request, before its body is even read: find the session behind the cookie, refuse
 * anonymous calls to routes that need a login (401), and refuse state changes without the
 * session's CSRF token (403).
 */
export const authentication = fp<{ config: AppConfig; database: DatabaseHandle }>(async (app: FastifyInstance, { config, database }) => {
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!isApiRoute(request)) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await resolveSession(database.db, config, token) : null;
    if (token && !request.session) clearSessionCookie(reply);

    const routeConfig = request.routeOptions.config;
    if (!routeConfig.public && !request.session) throw unauthenticated();
    if (request.session && UNSAFE_METHODS.has(request.method) && !routeConfig.skipCsrf) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameSecret(sent, request.session.csrfToken)) {
        throw new AppError(403, 'csrf_failed', 'The request lacks a valid X-CSRF-Token header; reload the page and try again');
      }
    }
  });
});
