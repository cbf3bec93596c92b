import { CompiledQuery, type Insertable } from 'kysely';
import type { Db, Dialect } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import type { Trx } from '../../platform/transaction.ts';

/** Bound parameters one statement may carry: SQLite's compiled limit, PostgreSQL's protocol limit. */
const MAX_PARAMETERS: Record<Dialect, number> = { sqlite: 32_766, postgres: 65_535 };
/**
 * Rows per statement: a full batch, then smaller ones for what is left. A few fixed sizes keep the number of
 * distinct statements — each prepared once and kept, each holding memory in proportion to its parameters —
 * small; PostgreSQL (a round trip per statement) gets bigger batches.
 */
const BATCH_SIZES: Record<Dialect, readonly number[]> = { sqlite: [200, 20, 1], postgres: [1000, 100, 10, 1] };

export type TableName = keyof DB & string;
export type Row<T extends TableName> = Insertable<DB[T]>;

const statementCache = new Map<string, string>();

/** `INSERT INTO t (a, b) VALUES (?, ?), (?, ?)` (or `$1 …` on PostgreSQL), built once per shape. */
function insertText(dialect: Dialect, table: string, columns: readonly string[], rows: number): string {
  const key = `${dialect}|${table}|${columns.join(',')}|${rows}`;
  const cached = statementCache.get(key);
  if (cached) return cached;
  const tuples: string[] = [];
  let n = 0;
  for (let r = 0; r < rows; r += 1) {
    const marks = columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?'));
    tuples.push(`(${marks.join(', ')})`);
  }
  const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`;
  statementCache.set(key, text);
  return text;
}

/** One multi-row INSERT ready to run: its text and its parameters in order. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * The multi-row INSERTs for `count` rows of `table`, in batches of the dialect's fixed sizes (largest first, as
 * many rows per statement as the parameter limit allows). `push` appends row `i`'s values in column order.
 */
export function insertStatements(
  dialect: Dialect,
  table: string,
  columns: readonly string[],
  count: number,
  push: (params: unknown[], i: number) => void,
): Statement[] {
  const fits = Math.floor(MAX_PARAMETERS[dialect] / columns.length);
  const statements: Statement[] = [];
  let start = 0;
  for (const size of BATCH_SIZES[dialect].map((n) => Math.min(n, fits))) {
    while (count - start >= size) {
      const params: unknown[] = [];
      for (let i = start; i < start + size; i += 1) push(params, i);
      statements.push({ sql: insertText(dialect, table, columns, size), params });
      start += size;
    }
  }
  return statements;
}

/** Pushes each column's value of a row in the order of `columns` (a missing value is NULL). */
export const pushColumns =
  <R>(rows: readonly R[], columns: readonly string[]) =>
  (params: unknown[], i: number): void => {
    const row = rows[i] as Record<string, unknown>;
    for (const column of columns) params.push(row[column] ?? null);
  };

/**
 * Inserts rows with multi-row INSERTs in the caller's transaction. Every row names the same columns — the first
 * row's — and states each of them, defaults included, as the typed rows here do.
 */
export async function insertRows<T extends TableName>(
  db: Db | Trx,
  dialect: Dialect,
  table: T,
  rows: readonly Row<T>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  for (const statement of insertStatements(dialect, table, columns, rows.length, pushColumns(rows, columns))) {
    await db.executeQuery(CompiledQuery.raw(statement.sql, statement.params));
  }
}

/**
 * Rows waiting for their transaction, per table. Tables are written parents first: those named in `order` in that
 * order, the rest in the order their first row was added.
 */
export class RowBuffer {
  private readonly tables = new Map<TableName, unknown[]>();
  private pending = 0;

  constructor(order: readonly TableName[] = []) {
    for (const table of order) this.tables.set(table, []);
  }

  add<T extends TableName>(table: T, row: Row<T>): void {
    const list = this.tables.get(table);
    if (list) list.push(row);
    else this.tables.set(table, [row]);
    this.pending += 1;
  }

  get size(): number {
    return this.pending;
  }

  /** Writes every buffered row and empties the buffer (keeping the table order). */
  async flush(db: Db | Trx, dialect: Dialect): Promise<Map<TableName, number>> {
    const written = new Map<TableName, number>();
    for (const [table, rows] of this.tables) {
      await insertRows(db, dialect, table, rows as Row<typeof table>[]);
      written.set(table, rows.length);
      rows.length = 0;
    }
    this.pending = 0;
    return written;
  }
}
