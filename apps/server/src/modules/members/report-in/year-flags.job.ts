import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { DAY_MS, isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { JobHandler } from '../../../platform/jobs/index.ts';
import { transact } from '../../../platform/transaction.ts';
import { shanghaiToday } from './report-in-dates.ts';
import { loadReportInRule } from './report-in-rule.ts';
import { applyYearEndRule } from './year-flags.compute.ts';

/** Marks a year the job has evaluated for the whole county, so later daily runs leave it alone. */
const doneKey = (year: number) => `members.year_flags_done:${year}`;

/**
 * The latest year whose evaluation day (`evaluateOn`, Asia/Shanghai) has come: this year from that day on,
 * else last year — so a server that was down on the day catches up on the next run.
 */
export function yearDue(today: string, evaluateOn: string): number {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= evaluateOn ? year : year - 1;
}

/**
 * Evaluates the year-end rule for the whole county once per year: when the due year has not been done yet,
 * computes every in-service member's flags and records the year as done in the same transaction. Returns the
 * year computed, or null when there was nothing to do.
 */
export async function runYearEndFlags(ctx: Ctx): Promise<number | null> {
  const { rule } = await loadReportInRule(ctx.db);
  const year = yearDue(shanghaiToday(ctx.clock), rule.evaluateOn);
  return transact(ctx, async (trx) => {
    const now = isoNow(ctx.clock);
    const claimed = await trx
      .insertInto('setting')
      .values({ key: doneKey(year), value: now, updated_at: now, updated_by: null, version: 1 })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return null;
    const result = await applyYearEndRule(trx, ctx, year, rule, null);
    await appendAudit(trx, ctx, {
      action: 'member_year_flag.compute',
      objectType: 'member_year_flag',
      objectId: String(year),
      details: { year, rule, scope: 'county', ...result },
    });
    return year;
  });
}

export const yearEndFlagsJob: JobHandler = {
  everyMs: DAY_MS,
  async run(ctx) {
    await runYearEndFlags(ctx);
  },
};
