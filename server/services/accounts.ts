import { randomUUID } from 'node:crypto';
import {
  createAccountInputSchema,
  type Account,
  type CreateAccountInput,
  type UpdateAccountInput,
} from '../../src/domain/api/users';
import { can, type Actor } from '../../src/domain/auth/permissions';
import { conflict, forbidden, notFound, validationFailed } from '../errors';
import { deleteSessionsOfUser } from '../db/repositories/sessions';
import { findUserByEmail, findUserById, insertUser, listUsers, toAccount, updateUser } from '../db/repositories/users';
import { isUniqueViolation } from '../db/errors';
import { inTransaction, type Db } from '../db/transaction';
import { hashPassword } from './passwords';

function ensureAdmin(actor: Actor) {
  if (!can(actor, 'users:manage')) throw forbidden('Only an administrator can manage accounts');
}

export async function listAccounts(db: Db, actor: Actor): Promise<Account[]> {
  ensureAdmin(actor);
  return (await listUsers(db)).map(toAccount);
}

/**
 * Creates an account. Used by the admin screen (with an actor), and by the command line and the
 * demo seed (without one: whoever runs them on the server already holds the keys).
 */
export async function createAccount(db: Db, actor: Actor | null, input: CreateAccountInput): Promise<Account> {
  if (actor) ensureAdmin(actor);
  const parsed = createAccountInputSchema.safeParse(input);
  if (!parsed.success) {
    throw validationFailed(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'account'}: ${issue.message}`).join('; '));
  }
  const { email, name, role, password } = parsed.data;
  if (await findUserByEmail(db, email)) throw conflict(`An account with the email ${email} already exists`);
  const now = new Date().toISOString();
  const row = {
    id: randomUUID(),
    email,
    name,
    role,
    password_hash: await hashPassword(password),
    disabled_at: null,
    created_at: now,
    updated_at: now,
    last_login_at: null,
  };
  try {
    await insertUser(db, row);
  } catch (error) {
    // Two admins creating the same address at once: the unique index decides.
    if (isUniqueViolation(error)) throw conflict(`An account with the email ${email} already exists`);
    throw error;
  }
  return toAccount(row);
}

/** Renames, changes the role of, disables or re-enables an account. Disabling ends its sessions at once. */
export async function updateAccount(db: Db, actor: Actor, id: string, input: UpdateAccountInput): Promise<Account> {
  ensureAdmin(actor);
  const user = await findUserById(db, id);
  if (!user) throw notFound('No such account');
  if (id === actor.id && (input.disabled === true || (input.role !== undefined && input.role !== user.role))) {
    throw forbidden('You cannot disable your own account or change your own role; ask another administrator');
  }
  const now = new Date().toISOString();
  const changes: Parameters<typeof updateUser>[2] = { updated_at: now };
  if (input.name !== undefined) changes.name = input.name;
  if (input.role !== undefined) changes.role = input.role;
  if (input.disabled !== undefined) changes.disabled_at = input.disabled ? (user.disabled_at ?? now) : null;
  await inTransaction(db, async (trx) => {
    await updateUser(trx, id, changes);
    // A disabled account must not keep working through an open session. (A new role takes
    // effect on the next request anyway: sessions read the account on every request.)
    if (input.disabled === true) await deleteSessionsOfUser(trx, id);
  });
  return toAccount({ ...user, ...changes });
}
