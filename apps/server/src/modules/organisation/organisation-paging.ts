import { AppError } from '../../platform/errors/app-error.ts';
import { decodeCursor, type KeysetPosition } from '../../platform/pagination.ts';

export type SortOrder = 'asc' | 'desc';

/** The last row served, in keyset terms: its sort key and its id (the tie-breaker). */
export type Keyset = KeysetPosition;

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
