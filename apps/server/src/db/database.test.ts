import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openFreshDatabase, testDialect } from '../../test/test-database.ts';
import { assertSqlitePragmas, DurabilityError, openDatabase } from './database.ts';

describe('database durability settings', () => {
  // Each database gets the checks that apply to it; the suite runs once per database.
  const onSqlite = testDialect() === 'sqlite';
  const onPostgres = !onSqlite;

  if (onSqlite)
    it('opens SQLite files with WAL, synchronous=FULL, foreign keys, busy timeout and secure_delete (REL-1)', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'linli-db-'));
      try {
        const database = await openDatabase({ dialect: 'sqlite', path: join(dir, 'linli.db') });
        const pragma = async (name: string) =>
          Object.values(
            (await sql.raw<Record<string, unknown>>(`PRAGMA ${name}`).execute(database.db)).rows[0] ?? {},
          )[0];
        expect(await pragma('journal_mode')).toBe('wal');
        expect(await pragma('synchronous')).toBe(2);
        expect(await pragma('foreign_keys')).toBe(1);
        expect(Number(await pragma('busy_timeout'))).toBeGreaterThanOrEqual(5000);
        expect(await pragma('secure_delete')).toBe(1);
        await database.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

  if (onSqlite)
    it('refuses to run on a connection whose settings were weakened', () => {
      const weak = new SQLite(':memory:');
      weak.pragma('synchronous = NORMAL');
      expect(() => assertSqlitePragmas(weak, true)).toThrow(DurabilityError);
      weak.close();
    });

  if (onPostgres)
    it('checks that PostgreSQL runs with fsync, full_page_writes and synchronous_commit on (REL-5)', async () => {
      const database = await openFreshDatabase({ migrate: false });
      try {
        const fsync = await sql<{ fsync: string }>`SHOW fsync`.execute(database.db);
        expect(fsync.rows[0]?.fsync).toBe('on');
      } finally {
        await database.close();
      }
    });
});
