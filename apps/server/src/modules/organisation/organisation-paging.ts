import { type Expression, type SqlBool, sql } from 'kysely';
import { AppError } from '../../platform/errors/app-error.ts';
import { decodeCursor } from '../../platform/pagination.ts';

export type SortOrder = 'asc' | 'desc';

/** The last row served, in keyset terms: its sort key and its id (the tie-breaker). */
export interface Keyset {
  key: string | number;
  id: string;
}

const badCursor = (): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'querystring.cursor', message: 'cursor' }] } });

/**
 * A cursor only continues the listing it came from: `sort` names that listing (e.g. `name:asc`), so a cursor
 * taken under another sort, or a tampered one, is a 400 rather than a silently wrong page.
 */
export function decodeKeyset(
  cursor: string | undefined,
  sort: string,
  keyType: 'string' | 'number',
): Keyset | undefined {
  const raw = decodeCursor(cursor, ['s', 'k', 'id']);
  if (!raw) return undefined;
  const { s, k, id } = raw;
  if (s !== sort || k === undefined || typeof k !== keyType || typeof id !== 'string') throw badCursor();
  return { key: k, id };
}

export const keysetCursor = (sort: string, key: string | number, id: string): Record<string, string | number> => ({
  s: sort,
  k: key,
  id,
});

/** Rows strictly after `at` in (key, id) order: the keyset condition, served by a (key, id) index. */
export function afterKeyset(keyColumn: string, idColumn: string, order: SortOrder, at: Keyset): Expression<SqlBool> {
  const op = sql.raw(order === 'asc' ? '>' : '<');
  const key = sql.ref(keyColumn);
  const id = sql.ref(idColumn);
  return sql<SqlBool>`(${key} ${op} ${at.key} OR (${key} = ${at.key} AND ${id} ${op} ${at.id}))`;
}
