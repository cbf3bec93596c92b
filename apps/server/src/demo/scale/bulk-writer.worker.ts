import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { assertSqlitePragmas } from '../../db/database.ts';
import type { Statement } from './bulk-insert.ts';

/** What the generator hands this thread: one transaction's statements, or the end. */
export type WriterRequest = { id: number; statements: Statement[] } | { id: number; close: true };
export type WriterReply = { id: number; error: string | null };

/**
 * The generator's second thread (file-based SQLite only): runs each chunk's INSERTs in one transaction on its own
 * connection while the main thread draws the next chunk. The connection has the settings REL-1 requires —
 * WAL, synchronous FULL, foreign keys — checked as every connection's are; only its page cache is larger.
 */
const { path, cacheKib } = workerData as { path: string; cacheKib: number };
const db = new SQLite(path);
db.pragma('journal_mode = wal');
db.pragma('synchronous = 2');
db.pragma('foreign_keys = 1');
db.pragma('busy_timeout = 5000');
db.pragma('secure_delete = 1');
assertSqlitePragmas(db);
db.pragma(`cache_size = -${cacheKib}`);

/** The statements of the few batch shapes per table; a bound, so an unexpected shape never grows it for long. */
const PREPARED_KEPT = 32;
const prepared = new Map<string, SQLite.Statement>();
const statementFor = (text: string): SQLite.Statement => {
  const known = prepared.get(text);
  if (known) return known;
  const statement = db.prepare(text);
  prepared.set(text, statement);
  if (prepared.size > PREPARED_KEPT) {
    const oldest = prepared.keys().next().value;
    if (oldest !== undefined) prepared.delete(oldest);
  }
  return statement;
};
const run = db.transaction((statements: Statement[]) => {
  for (const statement of statements) statementFor(statement.sql).run(statement.params);
});

parentPort?.on('message', (request: WriterRequest) => {
  if ('close' in request) {
    db.close();
    parentPort?.postMessage({ id: request.id, error: null } satisfies WriterReply);
    parentPort?.close();
    return;
  }
  try {
    run(request.statements);
    parentPort?.postMessage({ id: request.id, error: null } satisfies WriterReply);
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: String(error) } satisfies WriterReply);
  }
});
