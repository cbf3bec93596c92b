import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

/** Which database this run tests: `LINLI_TEST_DB=postgres` with `LINLI_TEST_PG_URL`, else in-memory SQLite. */
export const testDialect = (): 'sqlite' | 'postgres' =>
  process.env.LINLI_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

function pgBaseUrl(): string {
  const url = process.env.LINLI_TEST_PG_URL;
  if (!url)
    throw new Error('LINLI_TEST_DB=postgres needs LINLI_TEST_PG_URL (a server URL whose user may CREATE DATABASE)');
  return url;
}

/** A fresh, empty database per test file: a new in-memory SQLite, or a new PostgreSQL database dropped after. */
export async function openFreshDatabase(options: { migrate?: boolean } = {}): Promise<Database> {
  let database: Database;
  if (testDialect() === 'sqlite') {
    database = await openDatabase({ dialect: 'sqlite', path: ':memory:' });
  } else {
    const base = pgBaseUrl();
    const name = `linli_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const opened = await openDatabase({ dialect: 'postgres', url: url.toString() });
    database = {
      ...opened,
      close: async () => {
        await opened.close();
        const dropper = new pg.Client({ connectionString: base });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  if (options.migrate !== false) await migrateToLatest(database);
  return database;
}
