import path from 'node:path';
import { buildApp } from './app';
import { configFromEnv } from './config';
import { openDatabase } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { DEMO_LOGINS_FILE, formatDemoLogins, seedDemoNewsroom } from './seed/demo-newsroom';
import { startHousekeeping } from './services/housekeeping';
import { PhotoStorage } from './services/photo-storage';
import { startScheduler } from './services/scheduler';

/** Entry point: reads the environment, migrates, seeds an empty database, serves. */
async function main() {
  const config = configFromEnv();
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db, database.dialect);
  new PhotoStorage(config.dataDir).sweepIncoming();

  if (config.seed === 'demo') {
    const logins = await seedDemoNewsroom(database, config.dataDir);
    if (logins) {
      console.log(`\nSeeded a demo newsroom. Log in with one of these accounts (also in ${path.join(config.dataDir, DEMO_LOGINS_FILE)}):\n`);
      console.log(formatDemoLogins(logins));
      console.log('');
    }
  }

  const app = await buildApp({ config, database });
  const stopHousekeeping = startHousekeeping(database.db, config, (error) => app.log.error({ err: error }, 'housekeeping failed'));
  const stopScheduler = startScheduler({ db: database.db, dialect: database.dialect }, (error) => app.log.error({ err: error }, 'scheduled publishing failed'));
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    stopHousekeeping();
    stopScheduler();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Newsdesk is running at http://localhost:${port} (database: ${database.describe})`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
