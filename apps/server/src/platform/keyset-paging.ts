import { AppError } from './errors/app-error.ts';
import { decodeCursor, type KeysetPosition } from './pagination.ts';

/** The last row served, in keyset terms: its sort key (always text) and its id (the tie-breaker). */
export interface Keyset extends KeysetPosition {
  key: string;
}

/**
 * A cursor only continues the listing it came from: `sort` names it (`createdAt:desc`, `name:asc`), so a cursor
 * taken under another sort, or a tampered one, is a 400 rather than a silently wrong page.
 */
export function decodeKeyset(cursor: string | undefined, sort: string): Keyset | undefined {
  const raw = decodeCursor(cursor, ['s', 'k', 'id']);
  if (!raw) return undefined;
  if (raw.s !== sort || typeof raw.k !== 'string' || typeof raw.id !== 'string') {
    throw new AppError('VALIDATION_FAILED', {
      details: { issues: [{ path: 'querystring.cursor', message: 'cursor' }] },
    });
  }
  return { key: raw.k, id: raw.id };
}

export const keysetCursor = (sort: string, key: string, id: string): Record<string, string> => ({
  s: sort,
  k: key,
  id,
});
