import type { Selectable } from 'kysely';
import type { Account, SessionUser } from '../../../src/domain/api/users';
import type { Role } from '../../../src/domain/auth/roles';
import type { UsersTable } from '../schema';
import type { Db } from '../transaction';

export type UserRow = Selectable<UsersTable>;

export function toSessionUser(row: UserRow): SessionUser {
  return { id: row.id, email: row.email, name: row.name, role: row.role as Role };
}

export function toAccount(row: UserRow): Account {
  return { ...toSessionUser(row), disabled: row.disabled_at !== null, createdAt: row.created_at, lastLoginAt: row.last_login_at };
}

export function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Db) {
  return db.selectFrom('users').selectAll().orderBy('name').orderBy('email').execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string | number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function updateUser(db: Db, id: string, changes: Partial<Omit<UserRow, 'id'>>): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}
