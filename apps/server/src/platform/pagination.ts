import { type Expression, type SqlBool, sql } from 'kysely';
import { AppError } from './errors/app-error.ts';

/** Cursors are opaque base64url JSON of the sort keys of the last row served. */
export const encodeCursor = (keys: Record<string, string | number>): string =>
  Buffer.from(JSON.stringify(keys)).toString('base64url');

/** Undefined for the first page; a tampered or foreign cursor is a 400, not a 500. */
export function decodeCursor(
  cursor: string | undefined,
  expected: string[],
): Record<string, string | number> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && expected.every((k) => k in parsed)) {
      return parsed as Record<string, string | number>;
    }
  } catch {
    // fall through to the validation error
  }
  throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'querystring.cursor', message: 'cursor' }] } });
}

/** Takes `limit + 1` rows: the extra one tells whether there is a next page without a count query. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (row: Row) => Record<string, string | number>,
): { items: Item[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toItem), nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}

/**
 * `toPage` for items built a whole page at a time (e.g. one query for every row's children), so a page costs
 * the same few queries whatever its size.
 */
export async function toBatchedPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItems: (rows: Row[]) => Promise<Item[]>,
  cursorOf: (row: Row) => Record<string, string | number>,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const page = toPage(rows, limit, (row) => row, cursorOf);
  return { items: await toItems(page.items), nextCursor: page.nextCursor };
}

/** The last row served, in keyset terms: its sort key and its id (the tie-breaker). */
export interface KeysetPosition {
  key: string | number;
  id: string;
}

/**
 * Rows strictly after `at` in (key, id) order — `key > k OR (key = k AND id > id)`, `<` when descending — the
 * keyset condition every paged listing uses, served by a (key, id) index. The leading `key >= k` says the same
 * once more in a form the planners use as the start of the index range: without it, SQLite walked the index from
 * the start of the period to the page on every page (a county's 民情 ledger: 124 ms a page, growing to 250 ms).
 */
export function afterKeyset(
  keyColumn: string,
  idColumn: string,
  order: 'asc' | 'desc',
  at: KeysetPosition,
): Expression<SqlBool> {
  const op = sql.raw(order === 'asc' ? '>' : '<');
  const key = sql.ref(keyColumn);
  const id = sql.ref(idColumn);
  const bound = sql.raw(order === 'asc' ? '>=' : '<=');
  return sql<SqlBool>`(${key} ${bound} ${at.key} AND (${key} ${op} ${at.key} OR (${key} = ${at.key} AND ${id} ${op} ${at.id})))`;
}
