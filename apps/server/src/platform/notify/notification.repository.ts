import type { Db } from '../../db/database.ts';
import { afterKeyset, type KeysetPosition } from '../pagination.ts';
import { toNumber } from '../sql-helpers.ts';
import type { Trx } from '../transaction.ts';

/** One user's notices, newest first in (created_at, id) order; `limit + 1` rows so the caller can see a next page. */
export function listNotificationRows(
  db: Db,
  userId: string,
  options: { unreadOnly: boolean; after: KeysetPosition | null; limit: number },
) {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('user_id', '=', userId)
    .$if(options.unreadOnly, (q) => q.where('read_at', 'is', null))
    .$if(options.after !== null, (q) =>
      q.where(afterKeyset('created_at', 'id', 'desc', options.after ?? { key: '', id: '' })),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return toNumber(row?.n);
}

/** Marks the user's unread notices read (all of them, or those of `ids`); others' ids match nothing. */
export async function markRead(trx: Trx, userId: string, ids: readonly string[] | 'all', at: string): Promise<number> {
  if (ids !== 'all' && ids.length === 0) return 0;
  const result = await trx
    .updateTable('notification')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .$if(ids !== 'all', (q) => q.where('id', 'in', ids === 'all' ? [] : [...ids]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
