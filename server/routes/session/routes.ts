import { loginInputSchema, type SessionResponse } from '../../../src/domain/api/session';
import { clearSessionCookie, currentSession, setSessionCookie } from '../../http/auth';
import { zodRoutes, type RouteContext } from '../../http/types';
import { logIn, logOut } from '../../services/sessions';

export function sessionRoutes({ app, config, database }: RouteContext) {
  const routes = zodRoutes(app);

  routes.post(
    '/api/session',
    {
      config: { public: true, skipCsrf: true },
      schema: { tags: ['session'], summary: 'Log in (sets the session cookie; returns the user and CSRF token)', body: loginInputSchema },
    },
    async (request, reply): Promise<SessionResponse> => {
      const session = await logIn(database.db, database.dialect, config, {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      // Logging in over an open session ends the old one.
      if (request.session) await logOut(database.db, request.session.id);
      setSessionCookie(reply, session.token, config);
      return { user: session.user, csrfToken: session.csrfToken };
    },
  );

  routes.get('/api/session', { schema: { tags: ['session'], summary: 'Who am I' } }, async (request): Promise<SessionResponse> => {
    const { user, csrfToken } = currentSession(request);
    return { user, csrfToken };
  });

  routes.delete('/api/session', { schema: { tags: ['session'], summary: 'Log out (ends the session on the server)' } }, async (request, reply) => {
    await logOut(database.db, currentSession(request).id);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });
}
