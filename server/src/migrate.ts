/** `npm run migrate`: applies pending migrations to the configured database and exits. */
import { loadConfig } from './platform/config/app-config';
import { databaseTarget, openDatabase } from './platform/database/database';

async function migrate(): Promise<void> {
  const config = loadConfig(process.env);
  const database = await openDatabase(databaseTarget(config));
  const applied = await database.dataSource.query(`SELECT name FROM migrations ORDER BY id`);
  console.log(`The database is up to date (${applied.length} migrations applied).`);
  await database.close();
}

migrate().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
