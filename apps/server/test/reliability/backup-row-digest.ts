import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Db, Dialect } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';

/**
 * Every row of every table as (primary key → hash of the whole row), read in one snapshot: what "the rows present
 * at this moment, with this content" means in the backup test.
 */
export type RowDigest = Map<string, Map<string, string>>;

type Reader = Transaction<DB>;

async function listTables(trx: Reader, dialect: Dialect): Promise<string[]> {
  const query =
    dialect === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
      : sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`;
  return (await query.execute(trx)).rows.map((r) => r.name).sort();
}

async function primaryKey(trx: Reader, dialect: Dialect, table: string): Promise<string[]> {
  const query =
    dialect === 'sqlite'
      ? sql<{ name: string }>`SELECT name FROM pragma_table_info(${table}) WHERE pk > 0 ORDER BY pk`
      : sql<{ name: string }>`SELECT a.attname AS name FROM pg_index i
          JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
          WHERE i.indrelid = ${table}::regclass AND i.indisprimary
          ORDER BY array_position(i.indkey::int2[], a.attnum)`;
  return (await query.execute(trx)).rows.map((r) => r.name);
}

/** Row values as the driver returns them, made comparable: bytes as hex, dates as ISO text, keys in order. */
function canonical(row: Record<string, unknown>): string {
  const sorted = Object.keys(row)
    .sort()
    .map((key) => {
      const value = row[key];
      if (value instanceof Uint8Array) return [key, Buffer.from(value).toString('hex')];
      if (value instanceof Date) return [key, value.toISOString()];
      return [key, value];
    });
  return JSON.stringify(sorted);
}

async function digestTable(trx: Reader, dialect: Dialect, table: string): Promise<Map<string, string>> {
  const key = await primaryKey(trx, dialect, table);
  const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(trx)).rows;
  const digest = new Map<string, string>();
  for (const row of rows) {
    const content = canonical(row);
    // A table without a primary key is keyed by its whole row: a changed row then shows as a lost one.
    const id = key.length > 0 ? JSON.stringify(key.map((column) => row[column])) : content;
    digest.set(id, createHash('sha256').update(content).digest('hex'));
  }
  return digest;
}

/** Reads the digest in one transaction (repeatable read on PostgreSQL, so every table is the same instant). */
export async function readRowDigest(db: Db, dialect: Dialect): Promise<RowDigest> {
  const read = async (trx: Reader) => {
    const digest: RowDigest = new Map();
    for (const table of await listTables(trx, dialect)) digest.set(table, await digestTable(trx, dialect, table));
    return digest;
  };
  const transaction = db.transaction();
  return dialect === 'postgres'
    ? transaction.setIsolationLevel('repeatable read').execute(read)
    : transaction.execute(read);
}

/**
 * Rows of `before` that `after` lost, or holds with other content. Rows of the tables in `updatedInPlace` only
 * have to be there: the live writer changes them after the mark (their values are checked by invariants instead).
 */
export function lostOrChangedRows(before: RowDigest, after: RowDigest, updatedInPlace: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const [table, rows] of before) {
    const restored = after.get(table);
    if (!restored) {
      problems.push(`table ${table} is missing`);
      continue;
    }
    for (const [id, hash] of rows) {
      const found = restored.get(id);
      if (found === undefined) problems.push(`${table} ${id} is missing`);
      else if (found !== hash && !updatedInPlace.has(table)) problems.push(`${table} ${id} has other content`);
    }
  }
  return problems;
}

export const rowCount = (digest: RowDigest): number => [...digest.values()].reduce((sum, rows) => sum + rows.size, 0);
