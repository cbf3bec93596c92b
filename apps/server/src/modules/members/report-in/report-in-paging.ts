import { decodeCursor } from '../../../platform/pagination.ts';

/** Keyset cursors of this area: `{ k, id }`, the sort key of the last row served and its id as tie-breaker. */
export interface Keyset {
  k: string;
  id: string;
}

/** Undefined for the first page; a tampered cursor is a 400 (decodeCursor). */
export function decodeKeyset(cursor: string | undefined): Keyset | undefined {
  const keys = decodeCursor(cursor, ['k', 'id']);
  return keys ? { k: String(keys.k), id: String(keys.id) } : undefined;
}

export const keysetOf = (k: string, id: string): Keyset => ({ k, id });
