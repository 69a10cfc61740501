import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../server/app';
import { defaultSessionTimeouts, defaultUploadLimits } from '../../server/config';
import { openDatabase } from '../../server/db/connection';
import { migrateToLatest } from '../../server/db/migrate';
import { createAccount } from '../../server/services/accounts';
import { TEST_ACCOUNTS } from './accounts';
import type { Role } from '../../src/domain/auth/roles';

/**
 * The server the browser tests talk to: the real app on a fresh SQLite database in a temporary
 * directory, serving the built SPA, with one known account per role.
 */
async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsdesk-e2e-'));
  const database = openDatabase({ dataDir });
  await migrateToLatest(database.db, database.dialect);
  for (const [role, account] of Object.entries(TEST_ACCOUNTS)) {
    await createAccount(database.db, null, { ...account, role: role as Role });
  }
  const app = await buildApp({
    config: {
      port: Number(process.env.E2E_PORT ?? 3100),
      host: '127.0.0.1',
      dataDir,
      databaseUrl: null,
      seed: 'none',
      staticDir: path.resolve('dist'),
      sessions: defaultSessionTimeouts(),
      logger: false,
      trustProxy: false,
      uploads: defaultUploadLimits(),
      publicUrl: null,
    },
    database,
  });
  const stop = async () => {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  await app.listen({ port: Number(process.env.E2E_PORT ?? 3100), host: '127.0.0.1' });
  console.log(`e2e server ready on ${process.env.E2E_PORT ?? 3100}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
