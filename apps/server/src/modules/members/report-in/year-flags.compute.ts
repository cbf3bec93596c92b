import type { ComputeYearFlagsResult, ReportInRule } from '@linli/contracts';
import type { Expression, SqlBool } from 'kysely';
import { authorize } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { toNumber } from '../../../platform/sql-helpers.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { memberInScope } from '../member-access.ts';
import { yearPeriod } from './report-in-dates.ts';
import { loadReportInRule } from './report-in-rule.ts';

const BATCH = 500;

/** Each in-service member in `scope` with the year's confirmed report-ins and services, in one query. */
function yearFacts(trx: Trx, year: number, scope: Expression<SqlBool> | null) {
  const p = yearPeriod(year);
  return trx
    .selectFrom('member')
    .where('member.employment', '=', 'in_service')
    .$if(scope !== null, (q) => q.where(scope as Expression<SqlBool>))
    .select((eb) => [
      'member.id',
      'member.residence_path',
      eb
        .selectFrom('member_report_in as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.member_id', '=', 'member.id')
        .where('r.status', '=', 'confirmed')
        .where('r.decided_at', '<', p.toInstant)
        .as('reported'),
      eb
        .selectFrom('service_record as s')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('s.member_id', '=', 'member.id')
        .where('s.served_on', '>=', p.fromDate)
        .where('s.served_on', '<=', p.toDate)
        .as('service_count'),
      eb
        .selectFrom('service_record as s')
        .select((sub) => sub.fn.coalesce(sub.fn.sum<number>('s.minutes'), sub.val(0)).as('m'))
        .whereRef('s.member_id', '=', 'member.id')
        .where('s.served_on', '>=', p.fromDate)
        .where('s.served_on', '<=', p.toDate)
        .as('service_minutes'),
    ])
    .execute();
}

/**
 * Applies the year-end rule to every in-service member in `scope` (null: the whole county) and upserts their
 * `member_year_flag` row: `no_report_in` without a report-in confirmed before the year ended (Asia/Shanghai),
 * `no_service` with fewer services or hours in the year than the rule asks. Flags left for members in scope who
 * are no longer in service are removed. Safe to repeat: the same facts give the same rows.
 */
export async function applyYearEndRule(
  trx: Trx,
  ctx: Ctx,
  year: number,
  rule: ReportInRule,
  scope: Expression<SqlBool> | null,
): Promise<Omit<ComputeYearFlagsResult, 'year'>> {
  const facts = await yearFacts(trx, year, scope);
  const now = isoNow(ctx.clock);
  const rows = facts.map((f) => {
    const count = toNumber(f.service_count);
    const minutes = toNumber(f.service_minutes);
    return {
      member_id: f.id,
      year,
      path: f.residence_path,
      no_report_in: toNumber(f.reported) > 0 ? 0 : 1,
      no_service: count < rule.minServices || minutes < rule.minServiceHours * 60 ? 1 : 0,
      service_count: count,
      service_minutes: minutes,
      computed_at: now,
    };
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto('member_year_flag')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) =>
        oc.columns(['member_id', 'year']).doUpdateSet((eb) => ({
          path: eb.ref('excluded.path'),
          no_report_in: eb.ref('excluded.no_report_in'),
          no_service: eb.ref('excluded.no_service'),
          service_count: eb.ref('excluded.service_count'),
          service_minutes: eb.ref('excluded.service_minutes'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
  await trx
    .deleteFrom('member_year_flag')
    .where('year', '=', year)
    .where('member_id', 'in', (eb) =>
      eb
        .selectFrom('member')
        .select('member.id')
        .where('member.employment', '!=', 'in_service')
        .$if(scope !== null, (q) => q.where(scope as Expression<SqlBool>)),
    )
    .execute();
  return {
    members: rows.length,
    noReportIn: rows.filter((r) => r.no_report_in === 1).length,
    noService: rows.filter((r) => r.no_service === 1).length,
  };
}

/**
 * `POST /member-year-flags/compute`: the year-end rule now, for the members in the caller's `member.write`
 * scope (a branch recomputes its own members; the county all). Audited with the counts.
 */
export async function computeYearFlags(ctx: Ctx, year: number): Promise<ComputeYearFlagsResult> {
  const actor = authorize(ctx, 'member.write');
  return transact(ctx, async (trx) => {
    const { rule } = await loadReportInRule(trx);
    const result = await applyYearEndRule(trx, ctx, year, rule, memberInScope(actor, 'member.write'));
    await appendAudit(trx, ctx, {
      action: 'member_year_flag.compute',
      objectType: 'member_year_flag',
      objectId: String(year),
      details: { year, rule, ...result },
    });
    return { year, ...result };
  });
}
