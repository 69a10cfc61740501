import { z } from 'zod';
import { recordIdSchema } from '../../../src/domain/api/id-schema';
import { createAccountInputSchema, updateAccountInputSchema } from '../../../src/domain/api/users';
import { currentUser } from '../../http/auth';
import { zodRoutes, type RouteContext } from '../../http/types';
import { createAccount, listAccounts, updateAccount } from '../../services/accounts';

const accountParams = z.object({ id: recordIdSchema });

/** Account management: administrators only (the service checks the role). */
export function userRoutes({ app, database }: RouteContext) {
  const routes = zodRoutes(app);

  routes.get('/api/users', { schema: { tags: ['users'], summary: 'List accounts' } }, async (request) => {
    return { items: await listAccounts(database.db, currentUser(request)) };
  });

  routes.post(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Create an account', body: createAccountInputSchema } },
    async (request, reply) => {
      const account = await createAccount(database.db, currentUser(request), request.body);
      return reply.status(201).send(account);
    },
  );

  routes.patch(
    '/api/users/:id',
    { schema: { tags: ['users'], summary: 'Rename, change role, disable or enable an account', params: accountParams, body: updateAccountInputSchema } },
    async (request) => updateAccount(database.db, currentUser(request), request.params.id, request.body),
  );
}
