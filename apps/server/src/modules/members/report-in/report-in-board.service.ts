import type {
  CompoundReportInRow,
  Page,
  UnreportedMember,
  UnreportedQuery,
  WorkUnitReportInRow,
} from '@linli/contracts';
import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { authorize } from '../../../platform/access/authorize.ts';
import type { Ctx } from '../../../platform/context.ts';
import { afterKeyset, toPage } from '../../../platform/pagination.ts';
import { toNumber } from '../../../platform/sql-helpers.ts';
import { memberInScope } from '../member-access.ts';
import { decodeKeyset, keysetOf } from './report-in-paging.ts';

/*
 * The boards count from `member.report_in_status`, which the report-in use cases keep in the same transaction
 * as the report-in itself: one GROUP BY over the member table (indexed by work unit and by path), no join to
 * the report-in history.
 */

const counts = (eb: ExpressionBuilder<DB, 'member'>) => [
  eb.fn.countAll<number>().as('in_service'),
  eb.fn.sum<number>(sql`CASE WHEN member.report_in_status = 'confirmed' THEN 1 ELSE 0 END`).as('confirmed'),
  eb.fn.sum<number>(sql`CASE WHEN member.report_in_status = 'pending' THEN 1 ELSE 0 END`).as('pending'),
];

const toCounts = (r: { in_service: number | string; confirmed: number | string; pending: number | string }) => {
  const inService = toNumber(r.in_service);
  const confirmed = toNumber(r.confirmed);
  const pending = toNumber(r.pending);
  return { inService, confirmed, pending, notReported: inService - confirmed - pending };
};

/** Per work unit: its in-service members in the caller's `member.read` scope and how many reported in. */
export async function workUnitBoard(ctx: Ctx): Promise<{ items: WorkUnitReportInRow[] }> {
  const actor = authorize(ctx, 'member.read');
  const rows = await ctx.db
    .selectFrom('member')
    .innerJoin('work_unit as w', 'w.id', 'member.work_unit_id')
    .where('member.employment', '=', 'in_service')
    .where(memberInScope(actor, 'member.read'))
    .groupBy(['w.id', 'w.name', 'w.party_org_name'])
    .select((eb) => ['w.id', 'w.name', 'w.party_org_name', ...counts(eb)])
    .orderBy('w.name')
    .execute();
  return {
    items: rows.map((r) => ({
      workUnitId: r.id,
      workUnitName: r.name,
      partyOrgName: r.party_org_name,
      ...toCounts(r),
    })),
  };
}

/** Per residence compound: its in-service members in the caller's scope and how many reported in. */
export async function compoundBoard(ctx: Ctx): Promise<{ items: CompoundReportInRow[] }> {
  const actor = authorize(ctx, 'member.read');
  const rows = await ctx.db
    .selectFrom('member')
    .innerJoin('compound as c', 'c.id', 'member.residence_compound_id')
    .where('member.employment', '=', 'in_service')
    .where(memberInScope(actor, 'member.read'))
    .groupBy(['c.id', 'c.name'])
    .select((eb) => ['c.id', 'c.name', ...counts(eb)])
    .orderBy('c.name')
    .execute();
  return { items: rows.map((r) => ({ compoundId: r.id, compoundName: r.name, ...toCounts(r) })) };
}

/**
 * In-service members of one work unit or one compound with neither a pending nor a confirmed report-in, in the
 * caller's scope, by pinyin. Only names: the list is for chasing people up, not for reading their records.
 */
export async function listUnreported(ctx: Ctx, query: UnreportedQuery): Promise<Page<UnreportedMember>> {
  const actor = authorize(ctx, 'member.read');
  const after = decodeKeyset(query.cursor);
  const rows = await ctx.db
    .selectFrom('member')
    .leftJoin('work_unit as w', 'w.id', 'member.work_unit_id')
    .leftJoin('compound as c', 'c.id', 'member.residence_compound_id')
    .select([
      'member.id',
      'member.name',
      'member.name_pinyin',
      'member.report_in_status',
      'member.work_unit_id',
      'w.name as work_unit_name',
      'member.residence_compound_id',
      'c.name as compound_name',
    ])
    .where('member.employment', '=', 'in_service')
    .where('member.report_in_status', 'in', ['none', 'rejected'])
    .where(memberInScope(actor, 'member.read'))
    .$if(query.workUnitId !== undefined, (q) => q.where('member.work_unit_id', '=', query.workUnitId ?? ''))
    .$if(query.compoundId !== undefined, (q) => q.where('member.residence_compound_id', '=', query.compoundId ?? ''))
    .$if(after !== undefined, (q) =>
      q.where(afterKeyset('member.name_pinyin', 'member.id', 'asc', after ?? { key: '', id: '' })),
    )
    .orderBy('member.name_pinyin')
    .orderBy('member.id')
    .limit(query.limit + 1)
    .execute();
  return toPage(
    rows,
    query.limit,
    (r) => ({
      memberId: r.id,
      name: r.name,
      workUnitId: r.work_unit_id,
      workUnitName: r.work_unit_name,
      compoundId: r.residence_compound_id,
      compoundName: r.compound_name,
      reportInStatus: r.report_in_status === 'rejected' ? 'rejected' : 'none',
    }),
    (r) => ({ ...keysetOf(r.name_pinyin, r.id) }),
  );
}
