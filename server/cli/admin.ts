import { parseArgs } from 'node:util';
import { ROLES } from '../../src/domain/auth/roles';
import { configFromEnv } from '../config';
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { listUsers } from '../db/repositories/users';
import { AppError } from '../errors';
import { createAccount } from '../services/accounts';
import { readPassword } from './read-password';

const USAGE = `Usage:
  npm run admin -- create-user --email EMAIL --name NAME --role ROLE
      The password comes from NEWSROOM_PASSWORD, or from standard input
      (piped, or typed at the prompt). Roles: ${ROLES.join(', ')}.
  npm run admin -- list-users

Uses the same database as the server: NEWSROOM_DATA_DIR (default ./data) or DATABASE_URL.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = configFromEnv();
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db, database.dialect);
    if (command === 'create-user') {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
        strict: true,
      });
      if (!values.email || !values.name || !values.role) {
        console.error(`create-user needs --email, --name and --role.\n\n${USAGE}`);
        return 2;
      }
      const password = process.env.NEWSROOM_PASSWORD ?? (await readPassword('Password: '));
      const account = await createAccount(database.db, null, {
        email: values.email,
        name: values.name,
        role: values.role as (typeof ROLES)[number],
        password,
      });
      console.log(`Created ${account.role} ${account.name} <${account.email}>.`);
      return 0;
    }
    if (command === 'list-users') {
      for (const user of await listUsers(database.db)) {
        console.log(`${user.role.padEnd(13)} ${user.email}  ${user.name}${user.disabled_at ? '  (disabled)' : ''}`);
      }
      return 0;
    }
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof AppError || error instanceof TypeError ? error.message : error);
    process.exit(1);
  },
);
