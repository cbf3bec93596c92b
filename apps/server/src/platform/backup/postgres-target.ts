import pg from 'pg';
import { countPostgresTables, listPostgresMigrations } from './postgres-snapshot.ts';
import { findPgTool, runPgTool, toolConnection } from './postgres-tools.ts';
import type { TableCounts } from './table-counts.ts';

/** Runs `work` on a client of its own, closed after. */
export async function withPostgresClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const inspectPostgresTarget = (url: string): Promise<TableCounts> =>
  withPostgresClient(url, countPostgresTables);

/**
 * Drops every table and function of the current schema (an extension's functions stay with their extension), in
 * one transaction, so the dump restores into a clean schema: `pg_restore --clean` would only drop what the dump
 * holds, and a table added by a later migration would stay behind, with the migration record restored to before
 * it. Only run on a target the restore may replace.
 */
export async function clearPostgresSchema(url: string): Promise<void> {
  await withPostgresClient(url, async (client) => {
    await client.query('BEGIN');
    const tables = await client.query<{ name: string }>(
      "SELECT format('%I', tablename) AS name FROM pg_tables WHERE schemaname = current_schema()",
    );
    if (tables.rows.length > 0) {
      await client.query(`DROP TABLE ${tables.rows.map((t) => t.name).join(', ')} CASCADE`);
    }
    const functions = await client.query<{ signature: string }>(
      `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
       WHERE p.pronamespace = current_schema()::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
    );
    for (const { signature } of functions.rows) await client.query(`DROP FUNCTION ${signature} CASCADE`);
    await client.query('COMMIT');
  });
}

/**
 * `pg_restore` of the dump into the (cleared) database at `url`, all or nothing: `--single-transaction` stops at
 * the first error and rolls everything back. Objects are owned by the restoring role (`--no-owner`): the backup
 * may come from an installation whose roles are named differently.
 */
export async function restorePostgresDump(url: string, dumpFile: string): Promise<void> {
  const { dbname, env } = toolConnection(url);
  await runPgTool(
    findPgTool('pg_restore'),
    ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, dumpFile],
    env,
  );
}

/** Row counts and migrations of the restored database. */
export const describePostgresTarget = (url: string): Promise<{ tables: TableCounts; migrations: string[] }> =>
  withPostgresClient(url, async (client) => ({
    tables: await countPostgresTables(client),
    migrations: await listPostgresMigrations(client),
  }));
