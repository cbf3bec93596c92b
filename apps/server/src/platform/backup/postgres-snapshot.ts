import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { findPgTool, runPgTool, toolConnection } from './postgres-tools.ts';
import { quoteIdentifier, type TableCounts } from './table-counts.ts';

type Queryable = Pick<pg.Client, 'query'>;

/** Rows per table of the current schema, in the client's transaction. */
export async function countPostgresTables(client: Queryable): Promise<TableCounts> {
  const names = await client.query<{ name: string }>(
    'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename',
  );
  const tables: TableCounts = {};
  for (const { name } of names.rows) {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdentifier(name)}`);
    tables[name] = Number(result.rows[0]?.n ?? 0);
  }
  return tables;
}

/** Kysely's record of applied migrations, in order; none when the table does not exist. */
export async function listPostgresMigrations(client: Queryable): Promise<string[]> {
  const exists = await client.query<{ found: string | null }>("SELECT to_regclass('kysely_migration') AS found");
  if (!exists.rows[0]?.found) return [];
  const result = await client.query<{ name: string }>('SELECT name FROM kysely_migration ORDER BY name');
  return result.rows.map((row) => row.name);
}

export interface PostgresDumpFacts {
  tables: TableCounts;
  migrations: string[];
  source: string;
}

/**
 * `pg_dump -Fc` of the database at `url` into `dumpFile` (mode 600), with the row counts and migrations of exactly
 * the data dumped: this connection opens a repeatable-read transaction and exports its snapshot, counts in it,
 * and pg_dump reads the same snapshot (`--snapshot`) — so a live writer changes neither, and a restore can demand
 * equal counts.
 */
export async function dumpPostgresSnapshot(url: string, dumpFile: string): Promise<PostgresDumpFacts> {
  const pgDump = findPgTool('pg_dump');
  writeFileSync(dumpFile, '', { mode: 0o600, flag: 'wx' });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    const tables = await countPostgresTables(client);
    const migrations = await listPostgresMigrations(client);
    const server = await client.query<{ server_version: string }>('SHOW server_version');
    const { dbname, env } = toolConnection(url);
    await runPgTool(
      pgDump,
      ['--format=custom', `--snapshot=${snapshot.rows[0]?.id}`, `--file=${dumpFile}`, `--dbname=${dbname}`],
      env,
    );
    const version = await runPgTool(pgDump, ['--version'], env);
    await client.query('COMMIT');
    return { tables, migrations, source: `${version}; server ${server.rows[0]?.server_version}` };
  } finally {
    await client.end();
  }
}
