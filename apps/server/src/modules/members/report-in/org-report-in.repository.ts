import type { OrgReportInListQuery } from '@linli/contracts';
import type { Expression, SqlBool } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { afterKeyset } from '../../../platform/pagination.ts';
import type { Trx } from '../../../platform/transaction.ts';
import type { Keyset } from './report-in-paging.ts';

/** One 报到单 with the names of both organisations, as the API shows it. */
export function selectOrgReportIns(db: Db | Trx) {
  return db
    .selectFrom('org_report_in as r')
    .innerJoin('org_unit as rep', 'rep.id', 'r.reporting_org_id')
    .leftJoin('compound as tc', (join) => join.onRef('tc.id', '=', 'r.target_id').on('r.target_kind', '=', 'compound'))
    .leftJoin('org_unit as tu', (join) => join.onRef('tu.id', '=', 'r.target_id').on('r.target_kind', '=', 'community'))
    .select((eb) => [
      'r.id',
      'r.reporting_org_id',
      'r.reporting_path',
      'r.target_kind',
      'r.target_id',
      'r.path',
      'r.contact_name',
      'r.contact_phone_cipher',
      'r.resources',
      'r.reported_on',
      'r.status',
      'r.receipt_no',
      'r.received_at',
      'r.created_at',
      'r.version',
      'rep.name as reporting_org_name',
      eb.fn.coalesce('tc.name', 'tu.name', eb.val('')).as('target_name'),
    ]);
}

export type OrgReportInRow = Awaited<ReturnType<ReturnType<typeof selectOrgReportIns>['executeTakeFirstOrThrow']>>;

export const findOrgReportInRow = (db: Db | Trx, id: string) =>
  selectOrgReportIns(db).where('r.id', '=', id).executeTakeFirst();

/** Newest first; `visible` is the caller's scope over the target or the reporting organisation. */
export function listOrgReportInRows(
  db: Db,
  visible: Expression<SqlBool>,
  query: OrgReportInListQuery,
  after: Keyset | undefined,
) {
  return selectOrgReportIns(db)
    .where(visible)
    .$if(query.status !== undefined, (q) => q.where('r.status', '=', query.status ?? 'submitted'))
    .$if(query.targetKind !== undefined, (q) => q.where('r.target_kind', '=', query.targetKind ?? 'compound'))
    .$if(query.targetId !== undefined, (q) => q.where('r.target_id', '=', query.targetId ?? ''))
    .$if(query.reportingOrgId !== undefined, (q) => q.where('r.reporting_org_id', '=', query.reportingOrgId ?? ''))
    .$if(after !== undefined, (q) => q.where(afterKeyset('r.created_at', 'r.id', 'desc', after ?? { key: '', id: '' })))
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.limit + 1)
    .execute();
}
