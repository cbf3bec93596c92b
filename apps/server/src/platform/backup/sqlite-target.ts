import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { BackupError } from './backup-error.ts';
import { publishFile } from './durable-files.ts';
import { countSqliteTables } from './sqlite-snapshot.ts';
import type { TableCounts } from './table-counts.ts';

const inUse = (path: string) =>
  new BackupError(`${path} is in use (a server or another linli command has it open): stop it first, then restore`);

const isBusy = (error: unknown): boolean =>
  error instanceof SQLite.SqliteError && (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED');

/**
 * Row counts of the database a restore would replace, read under an exclusive lock taken without waiting: any
 * other connection — a running server, in this process or another — makes it fail, and the restore refuses.
 * Closing the last connection checkpoints the -wal into the file and deletes it, so no old -wal is left to be
 * replayed into the restored file. Null when there is no database file yet.
 */
export function inspectSqliteTarget(path: string): TableCounts | null {
  if (!existsSync(path)) return null;
  const db = new SQLite(path, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.exec('BEGIN EXCLUSIVE');
    } catch (error) {
      throw isBusy(error) ? inUse(path) : error;
    }
    const tables = countSqliteTables(db);
    db.exec('ROLLBACK');
    return tables;
  } finally {
    db.close();
  }
}

/**
 * Moves the checked staging file over the target in one rename. A -wal next to the target at this point belongs
 * to a connection opened since the check: its pages would be replayed into the restored file, so the restore
 * refuses instead.
 */
export async function replaceSqliteFile(staging: string, target: string): Promise<void> {
  if (existsSync(`${target}-wal`)) throw inUse(target);
  await publishFile(staging, target);
}
