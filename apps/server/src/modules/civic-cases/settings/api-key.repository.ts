import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { CivicApiKeyTable } from '../../../db/schema-civic.ts';
import { type Clock, isoNow, systemClock } from '../../../platform/clock.ts';
import type { Trx } from '../../../platform/transaction.ts';

export type ApiKeyRow = Selectable<CivicApiKeyTable>;

/** Keys are stored only as their SHA-256 (hex): a copy of the database does not hand out working keys. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * The active (not revoked) key row for a presented Open311 `api_key`, or null; stamps `last_used_at` so the
 * console shows which keys are still in use. The lookup is by hash, so timing says nothing about the key.
 */
export async function findApiKeyByKey(
  db: Db | Trx,
  key: string,
  clock: Clock = systemClock,
): Promise<ApiKeyRow | null> {
  if (key.length === 0 || key.length > 200) return null;
  const row = await db
    .selectFrom('civic_api_key')
    .selectAll()
    .where('key_hash', '=', hashApiKey(key))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  const usedAt = isoNow(clock);
  await db.updateTable('civic_api_key').set({ last_used_at: usedAt }).where('id', '=', row.id).execute();
  return { ...row, last_used_at: usedAt };
}

export const listApiKeyRows = (db: Db) =>
  db.selectFrom('civic_api_key').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
