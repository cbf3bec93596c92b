import { sql } from 'kysely';
import { openDatabase } from '../../db/database.ts';
import type { Platform } from '../context.ts';

/**
 * A second platform on the same database through its own connection pool — on PostgreSQL, what another
 * server process would be. SQLite has one writer in one process, so there it is the same platform.
 */
export async function secondProcess(platform: Platform): Promise<{ platform: Platform; close(): Promise<void> }> {
  if (platform.dialect !== 'postgres') return { platform, close: async () => {} };
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(platform.db);
  const url = new URL(process.env.LINLI_TEST_PG_URL ?? '');
  url.pathname = `/${rows[0]?.name ?? ''}`;
  const database = await openDatabase({ dialect: 'postgres', url: url.toString() });
  return { platform: { ...platform, database, db: database.db }, close: () => database.close() };
}

export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
