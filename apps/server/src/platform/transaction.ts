import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Ctx } from './context.ts';

export type Trx = Transaction<DB>;

/**
 * One business operation, one transaction (REL-2). Use cases call this once, write their rows and their audit
 * entry through `trx`, and return the DTO. When the request carries an Idempotency-Key the stored response is
 * written in the same transaction (REL-6), so a retry after a lost response replays instead of duplicating.
 */
export async function transact<T>(ctx: Ctx, work: (trx: Trx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const result = await work(trx);
    if (ctx.idempotency) await ctx.idempotency.store(trx, result);
    return result;
  });
}
