import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../../src/app.ts';
import { type DatabaseTarget, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Platform } from '../../src/platform/context.ts';
import { assignRole, buildCounty, createUser, TEST_PASSWORD } from '../factories.ts';
import { TEST_MASTER_KEY, testConfig } from '../harness.ts';

/**
 * Databases for the tests that run Linli in child processes (a crash writer, `linli serve`): a real SQLite file or
 * a real PostgreSQL database, which the parent fills through the test factories before any child opens it.
 */

/** The environment that points a child at the database, with the key the parent used to encrypt its fields. */
export function childDatabaseEnv(target: DatabaseTarget, dataDir: string): Record<string, string> {
  return {
    LINLI_DATA_DIR: dataDir,
    LINLI_MASTER_KEY: TEST_MASTER_KEY,
    ...(target.dialect === 'postgres' ? { DATABASE_URL: target.url } : {}),
  };
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface PostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new empty database on the server at `serverUrl` (as test/test-database.ts makes them), dropped by `drop()`. */
export async function createPostgresDatabase(serverUrl: string, prefix = 'linli_rel'): Promise<PostgresDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Opens the target as the server does (REL-1/REL-5 checks included), migrates it, and hands `work` the platform a
 * server on it would have — same master key, so what the factories encrypt a child can read. Closes it after.
 */
export async function withPlatform<T>(target: DatabaseTarget, work: (platform: Platform) => Promise<T>): Promise<T> {
  const database = await openDatabase(target);
  try {
    await migrateToLatest(database);
    const app = await buildApp({ config: testConfig(), database, logger: false });
    try {
      return await work(app.platform);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

export interface SeededResident {
  userId: string;
  username: string;
  password: string;
  compoundId: string;
}

/** The small test county with one resident of 金碧花园 who signs in with a password (no TOTP step for residents). */
export async function seedResident(platform: Platform): Promise<SeededResident> {
  const county = await buildCounty(platform);
  const user = await createUser(platform, { displayName: '可靠性测试居民' });
  await assignRole(platform, user.id, 'resident', county.compoundA);
  return { userId: user.id, username: user.username, password: TEST_PASSWORD, compoundId: county.compoundA.id };
}
