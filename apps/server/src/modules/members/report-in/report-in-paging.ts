import { decodeCursor, type KeysetPosition } from '../../../platform/pagination.ts';

/**
 * Keyset cursors of this area carry `{ k, id }`: the sort key of the last row served and its id as tie-breaker;
 * decoded, they are the position `afterKeyset` continues from.
 */
export interface Keyset extends KeysetPosition {
  key: string;
}

/** Undefined for the first page; a tampered cursor is a 400 (decodeCursor). */
export function decodeKeyset(cursor: string | undefined): Keyset | undefined {
  const keys = decodeCursor(cursor, ['k', 'id']);
  return keys ? { key: String(keys.k), id: String(keys.id) } : undefined;
}

/** The cursor of the page after the row with sort key `k` and id `id`. */
export const keysetOf = (k: string, id: string): Record<string, string> => ({ k, id });
