import type { MemberReportInListQuery } from '@linli/contracts';
import type { Expression, SqlBool } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { afterKeyset } from '../../../platform/pagination.ts';
import type { Trx } from '../../../platform/transaction.ts';
import type { Keyset } from './report-in-paging.ts';

/** A member's report-in with the member's, compound's and work unit's names. */
export function selectMemberReportIns(db: Db | Trx) {
  return db
    .selectFrom('member_report_in as r')
    .innerJoin('member as m', 'm.id', 'r.member_id')
    .innerJoin('compound as c', 'c.id', 'r.compound_id')
    .leftJoin('work_unit as w', 'w.id', 'r.work_unit_id')
    .select([
      'r.id',
      'r.member_id',
      'r.compound_id',
      'r.path',
      'r.work_unit_id',
      'r.status',
      'r.skills',
      'r.registered_at',
      'r.decided_at',
      'r.receipt_no',
      'r.reject_reason',
      'm.name as member_name',
      'm.user_id as member_user_id',
      'c.name as compound_name',
      'w.name as work_unit_name',
      'w.party_org_name as work_unit_party_org_name',
    ]);
}

export type MemberReportInRow = Awaited<
  ReturnType<ReturnType<typeof selectMemberReportIns>['executeTakeFirstOrThrow']>
>;

export const findMemberReportInRow = (db: Db | Trx, id: string) =>
  selectMemberReportIns(db).where('r.id', '=', id).executeTakeFirst();

/** A member's own report-ins, newest first (a handful per member). */
export const listOwnReportInRows = (db: Db, memberId: string) =>
  selectMemberReportIns(db)
    .where('r.member_id', '=', memberId)
    .orderBy('r.registered_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();

/** Newest first within `visible` (the caller's `report_in.manage` scope over the compound path). */
export function listMemberReportInRows(
  db: Db,
  visible: Expression<SqlBool>,
  query: MemberReportInListQuery,
  after: Keyset | undefined,
) {
  return selectMemberReportIns(db)
    .where(visible)
    .$if(query.compoundId !== undefined, (q) => q.where('r.compound_id', '=', query.compoundId ?? ''))
    .$if(query.workUnitId !== undefined, (q) => q.where('r.work_unit_id', '=', query.workUnitId ?? ''))
    .$if(query.memberId !== undefined, (q) => q.where('r.member_id', '=', query.memberId ?? ''))
    .$if(query.status !== undefined, (q) => q.where('r.status', '=', query.status ?? 'pending'))
    .$if(after !== undefined, (q) =>
      q.where(afterKeyset('r.registered_at', 'r.id', 'desc', after ?? { key: '', id: '' })),
    )
    .orderBy('r.registered_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.limit + 1)
    .execute();
}

/** The compound's Party branch as the receipt names it: the org node's name when linked, else the party's. */
export async function findCompoundBranchName(db: Db | Trx, compoundId: string): Promise<string | null> {
  const row = await db
    .selectFrom('compound_party as p')
    .leftJoin('org_unit as o', 'o.id', 'p.org_id')
    .select(['p.name', 'o.name as org_name'])
    .where('p.compound_id', '=', compoundId)
    .where('p.kind', '=', 'branch')
    .executeTakeFirst();
  return row ? (row.org_name ?? row.name) : null;
}
