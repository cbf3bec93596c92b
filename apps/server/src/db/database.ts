import { chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { groupCommitSqliteDialect, type SqliteHandle } from './sqlite-group-commit.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  dialect: Dialect;
  close: () => Promise<void>;
}

export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string };

/** The SQLite settings REL-1 requires; checked after opening, and start-up fails on any mismatch. */
const SQLITE_PRAGMAS: ReadonlyArray<[string, string | number]> = [
  ['journal_mode', 'wal'],
  ['synchronous', 2], // FULL: a commit waits for fsync — never weakened for speed
  ['foreign_keys', 1],
  ['busy_timeout', 5000],
  ['secure_delete', 1],
];

/** PostgreSQL durability settings REL-5 requires. */
const POSTGRES_SETTINGS: ReadonlyArray<[string, string]> = [
  ['fsync', 'on'],
  ['full_page_writes', 'on'],
  ['synchronous_commit', 'on'],
];

export class DurabilityError extends Error {}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.dialect === 'sqlite' ? openSqlite(target.path) : openPostgres(target.url);
}

/** Distinct SQL texts kept compiled; an application has a few hundred, a burst of ad-hoc ones only evicts. */
const STATEMENT_CACHE_SIZE = 2000;

/**
 * Kysely asks for a new prepared statement on every query, and better-sqlite3 compiles each one from scratch —
 * a fifth of the time of a short transaction. Statements are reusable (SQLite recompiles them itself after a
 * schema change), and each statement runs to completion synchronously (nothing here iterates one lazily), so a
 * statement is never reused while busy. One cache per connection; least recently used texts are dropped first.
 */
function statementCache(sqlite: SQLite.Database): (text: string) => SQLite.Statement {
  const cache = new Map<string, SQLite.Statement>();
  return (text: string) => {
    const cached = cache.get(text);
    if (cached) {
      cache.delete(text);
      cache.set(text, cached);
      return cached;
    }
    const statement = sqlite.prepare(text);
    cache.set(text, statement);
    if (cache.size > STATEMENT_CACHE_SIZE) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return statement;
  };
}

function openSqlite(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const sqlite = new SQLite(path);
  // The database holds personal data: readable by the service account only (the -wal and -shm files follow).
  if (path !== ':memory:') chmodSync(path, 0o600);
  const isMemory = path === ':memory:';
  for (const [name, value] of SQLITE_PRAGMAS) {
    if (isMemory && name === 'journal_mode') continue;
    sqlite.pragma(`${name} = ${value}`);
  }
  assertSqlitePragmas(sqlite, isMemory);
  const writer = { sqlite, prepare: statementCache(sqlite) };
  const db = new Kysely<DB>({
    dialect: groupCommitSqliteDialect({ writer, reader: isMemory ? null : openReader(path) }),
  });
  return {
    db,
    dialect: 'sqlite',
    close: async () => {
      await db.destroy();
    },
  };
}

/**
 * The second connection reads outside transactions; `query_only` makes sure it never writes. It carries the same
 * settings as the writer, so a PRAGMA read through the application (which lands here) reports the truth.
 */
function openReader(path: string): SqliteHandle {
  const sqlite = new SQLite(path, { fileMustExist: true });
  for (const [name, value] of SQLITE_PRAGMAS) sqlite.pragma(`${name} = ${value}`);
  assertSqlitePragmas(sqlite);
  sqlite.pragma('query_only = 1');
  return { sqlite, prepare: statementCache(sqlite) };
}

/** Reads each PRAGMA back: a build or file system that silently ignores one must not run (REL-1). */
export function assertSqlitePragmas(sqlite: SQLite.Database, isMemory = false): void {
  for (const [name, expected] of SQLITE_PRAGMAS) {
    if (isMemory && name === 'journal_mode') continue;
    const actual = sqlite.pragma(name, { simple: true });
    const matches = name === 'busy_timeout' ? Number(actual) >= Number(expected) : String(actual) === String(expected);
    if (!matches) throw new DurabilityError(`SQLite PRAGMA ${name} is ${String(actual)}, expected ${expected}`);
  }
}

async function openPostgres(url: string): Promise<Database> {
  // Bigint counts come back as strings from pg; numeric parsing stays explicit in repositories via Number().
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await assertPostgresDurability(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    dialect: 'postgres',
    close: async () => {
      await db.destroy();
    },
  };
}

export async function assertPostgresDurability(db: Db): Promise<void> {
  for (const [name, expected] of POSTGRES_SETTINGS) {
    const result = await sql<Record<string, string>>`SHOW ${sql.raw(name)}`.execute(db);
    const actual = result.rows[0]?.[name];
    if (actual !== expected) {
      throw new DurabilityError(`PostgreSQL setting ${name} is ${String(actual)}, expected ${expected}`);
    }
  }
}
