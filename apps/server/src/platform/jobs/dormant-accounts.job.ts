import { STAFF_ROLES } from '@linli/contracts';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { disableAccount } from '../access/index.ts';
import { DAY_MS, isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import type { Trx } from '../transaction.ts';
import type { JobHandler } from './job-types.ts';

/** SEC-8: an account unused this long is disabled. */
export const DORMANT_AFTER_DAYS = 90;
const BATCH = 200;

/**
 * Which accounts go dormant: active; older than the limit; not signed in within it (or never); not touched by an
 * administrator within it either (an account re-enabled last week starts a fresh 90 days); and a staff account
 * or one with no role yet. Residents and members sign in with SMS codes a few times a year and are not cut off
 * for it; SEC-8 is about the accounts that carry administrative power.
 */
function dormant(cutoff: string) {
  return (eb: ExpressionBuilder<DB, 'app_user'>) =>
    eb.and([
      eb('app_user.status', '=', 'active'),
      eb('app_user.created_at', '<', cutoff),
      eb('app_user.updated_at', '<', cutoff),
      eb.or([eb('app_user.last_login_at', 'is', null), eb('app_user.last_login_at', '<', cutoff)]),
      eb.or([
        eb.exists(
          eb
            .selectFrom('role_assignment as staff')
            .select('staff.id')
            .whereRef('staff.user_id', '=', 'app_user.id')
            .where('staff.role', 'in', STAFF_ROLES),
        ),
        eb.not(
          eb.exists(
            eb.selectFrom('role_assignment as any').select('any.id').whereRef('any.user_id', '=', 'app_user.id'),
          ),
        ),
      ]),
    ]);
}

/** Re-reads the account under a row lock, so a login that lands meanwhile keeps it active. */
async function stillDormant(ctx: Ctx, trx: Trx, id: string, cutoff: string) {
  return trx
    .selectFrom('app_user')
    .select(['app_user.id', 'app_user.last_login_at'])
    .where('app_user.id', '=', id)
    .where(dormant(cutoff))
    .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
}

/**
 * Disables every dormant account (SEC-8), each in its own transaction with its sessions revoked and one
 * `account.disable` audit entry (reason `dormant`), so one bad row does not undo the rest. Returns how many.
 */
export async function disableDormantAccounts(ctx: Ctx): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - DORMANT_AFTER_DAYS * DAY_MS).toISOString();
  let disabled = 0;
  const seen = new Set<string>();
  for (;;) {
    const batch = await ctx.db
      .selectFrom('app_user')
      .select('app_user.id')
      .where(dormant(cutoff))
      .orderBy('app_user.id')
      .limit(BATCH)
      .execute();
    const fresh = batch.filter((row) => !seen.has(row.id));
    if (fresh.length === 0) break;
    for (const { id } of fresh) {
      seen.add(id);
      const done = await ctx.db.transaction().execute(async (trx) => {
        const row = await stillDormant(ctx, trx, id, cutoff);
        if (!row) return false;
        await disableAccount(trx, ctx, id, {
          reason: 'dormant',
          dormantDays: DORMANT_AFTER_DAYS,
          lastLoginAt: row.last_login_at,
        });
        return true;
      });
      if (done) disabled += 1;
    }
  }
  if (disabled > 0) ctx.log.info({ disabled, at: isoNow(ctx.clock) }, 'dormant accounts disabled');
  return disabled;
}

export const disableDormantAccountsJob: JobHandler = {
  everyMs: DAY_MS,
  async run(ctx) {
    await disableDormantAccounts(ctx);
  },
};
