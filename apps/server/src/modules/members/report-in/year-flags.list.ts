import type { MemberYearFlag, MemberYearFlagListQuery, Page } from '@linli/contracts';
import { authorize } from '../../../platform/access/authorize.ts';
import type { Ctx } from '../../../platform/context.ts';
import { afterKeyset, toPage } from '../../../platform/pagination.ts';
import { toBool } from '../../../platform/sql-helpers.ts';
import { memberInScope } from '../member-access.ts';
import { decodeKeyset, keysetOf } from './report-in-paging.ts';

/**
 * The year's flagged members in the caller's `member.read` scope, by pinyin: those with the given flag, or with
 * either flag when none is given. Filters by residence compound and by home branch.
 */
export async function listYearFlags(ctx: Ctx, query: MemberYearFlagListQuery): Promise<Page<MemberYearFlag>> {
  const actor = authorize(ctx, 'member.read');
  const after = decodeKeyset(query.cursor);
  const rows = await ctx.db
    .selectFrom('member_year_flag as f')
    .innerJoin('member', 'member.id', 'f.member_id')
    .leftJoin('compound as c', 'c.id', 'member.residence_compound_id')
    .leftJoin('work_unit as w', 'w.id', 'member.work_unit_id')
    .select([
      'f.member_id',
      'f.year',
      'f.no_report_in',
      'f.no_service',
      'f.service_count',
      'f.service_minutes',
      'f.computed_at',
      'member.name',
      'member.name_pinyin',
      'member.residence_compound_id',
      'c.name as compound_name',
      'w.name as work_unit_name',
    ])
    .where('f.year', '=', query.year)
    .where(memberInScope(actor, 'member.read'))
    .where((eb) =>
      query.flag === 'no_report_in'
        ? eb('f.no_report_in', '=', 1)
        : query.flag === 'no_service'
          ? eb('f.no_service', '=', 1)
          : eb.or([eb('f.no_report_in', '=', 1), eb('f.no_service', '=', 1)]),
    )
    .$if(query.compoundId !== undefined, (q) => q.where('member.residence_compound_id', '=', query.compoundId ?? ''))
    .$if(query.branchId !== undefined, (q) => q.where('member.branch_org_id', '=', query.branchId ?? ''))
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
      memberId: r.member_id,
      memberName: r.name,
      year: r.year,
      compoundId: r.residence_compound_id,
      compoundName: r.compound_name,
      workUnitName: r.work_unit_name,
      noReportIn: toBool(r.no_report_in),
      noService: toBool(r.no_service),
      serviceCount: r.service_count,
      serviceHours: Math.round((r.service_minutes / 60) * 100) / 100,
      computedAt: r.computed_at,
    }),
    (r) => ({ ...keysetOf(r.name_pinyin, r.member_id) }),
  );
}
