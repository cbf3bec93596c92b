import type { CivicCaseEndType, CivicCaseStatus } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { END_TYPE_LABEL, STATUS_LABEL, VOID_REASON_LABEL } from '../cases/case-labels.ts';
import { type DocObject, list } from './open311-document.ts';
import { notFound311 } from './open311-errors.ts';
import { w3cShanghai } from './open311-format.ts';
import type { RequestFilters } from './open311-requests.query.ts';

/** The public status note says only 未解决: the ledger's 未解决结案 would repeat the 已结案 before it. */
const END_LABEL: Record<CivicCaseEndType, string> = { ...END_TYPE_LABEL, unresolved: '未解决' };

const FINISHED: readonly CivicCaseStatus[] = ['closed', 'voided'];

/**
 * The public columns of a case, and only those: no reporter, household, room, tracking code or internal note can
 * reach an Open311 answer because they are never selected.
 */
const requestRows = (db: Db) =>
  db
    .selectFrom('civic_case')
    .innerJoin('civic_category', 'civic_category.id', 'civic_case.category_id')
    .innerJoin('compound', 'compound.id', 'civic_case.compound_id')
    .select([
      'civic_case.number',
      'civic_case.status',
      'civic_case.end_type',
      'civic_case.void_reason',
      'civic_case.description',
      'civic_case.unit_name',
      'civic_case.created_at',
      'civic_case.updated_at',
      'civic_case.closed_at',
      'civic_case.handle_deadline_at',
      'civic_case.building',
      'civic_case.compound_id',
      'civic_case.lat',
      'civic_case.lng',
      'civic_category.code as service_code',
      'civic_category.name as service_name',
      'compound.name as compound_name',
    ])
    // Staff-only categories are the office's own business and never public.
    .where('civic_category.staff_only', '=', 0);

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestRows>['execute']>>[number];

/** Our detailed status in words: 处理中, 已结案（已解决）, 已作废：重复. */
export function statusNotes(row: Pick<RequestRow, 'status' | 'end_type' | 'void_reason'>): string {
  if (row.status === 'voided') {
    return row.void_reason ? `${STATUS_LABEL.voided}：${VOID_REASON_LABEL[row.void_reason]}` : STATUS_LABEL.voided;
  }
  if (row.status === 'closed' && row.end_type) return `${STATUS_LABEL.closed}（${END_LABEL[row.end_type]}）`;
  return STATUS_LABEL[row.status];
}

const addressOf = (row: RequestRow): string => {
  if (!row.building) return row.compound_name;
  return /^\d+$/.test(row.building) ? `${row.compound_name}${row.building}栋` : `${row.compound_name}${row.building}`;
};

/**
 * One request as GeoReport v2 shows it. Every state maps onto `open`/`closed` (closed and voided are closed,
 * FixMyStreet's way) with the detail in `status_notes`. `lat`/`long` only when the case has a point (anonymous
 * cases never do); no `media_url`, since our photos need a session to read.
 */
function toRequest(row: RequestRow): DocObject {
  const finished = FINISHED.includes(row.status);
  return {
    service_request_id: row.number,
    status: finished ? 'closed' : 'open',
    status_notes: statusNotes(row),
    service_name: row.service_name,
    service_code: row.service_code,
    description: row.description,
    agency_responsible: row.unit_name ?? '',
    service_notice: '',
    requested_datetime: w3cShanghai(row.created_at),
    updated_datetime: w3cShanghai(finished ? (row.closed_at ?? row.updated_at) : row.updated_at),
    expected_datetime: row.handle_deadline_at ? w3cShanghai(row.handle_deadline_at) : undefined,
    address: addressOf(row),
    address_id: row.compound_id,
    zipcode: '',
    lat: row.lat ?? undefined,
    long: row.lng ?? undefined,
  };
}

/**
 * GET requests: by case numbers (which override every other filter), or by service codes, status and a window
 * of `requested_datetime`; newest first, a page of at most 1,000.
 */
export async function findRequests(db: Db, filters: RequestFilters) {
  let query = requestRows(db);
  if (filters.kind === 'ids') {
    query = query.where('civic_case.number', 'in', filters.numbers);
  } else {
    query = query.where('civic_case.created_at', '>=', filters.from).where('civic_case.created_at', '<=', filters.to);
    if (filters.serviceCodes) query = query.where('civic_category.code', 'in', filters.serviceCodes);
    const only = filters.statuses?.length === 1 ? filters.statuses[0] : undefined;
    if (only === 'closed') query = query.where('civic_case.status', 'in', FINISHED);
    if (only === 'open') query = query.where('civic_case.status', 'not in', FINISHED);
  }
  const rows = await query
    .orderBy('civic_case.created_at', 'desc')
    .orderBy('civic_case.id', 'desc')
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .execute();
  return list('request', rows.map(toRequest));
}

/** GET requests/{id}: the case with this number, in a list of one; 404 when there is none to show. */
export async function findRequest(db: Db, number: string) {
  const row = await requestRows(db).where('civic_case.number', '=', number).executeTakeFirst();
  if (!row) throw notFound311(`service_request_id ${number} not found.`);
  return list('request', [toRequest(row)]);
}

/** GET tokens/{token}: an anonymous case's tracking code to its number; 404 for any other code. */
export async function findToken(db: Db, token: string) {
  const row = await db
    .selectFrom('civic_case')
    .innerJoin('civic_category', 'civic_category.id', 'civic_case.category_id')
    .select('civic_case.number')
    .where('civic_case.tracking_code', '=', token)
    .where('civic_case.anonymous', '=', 1)
    .where('civic_category.staff_only', '=', 0)
    .executeTakeFirst();
  if (!row) throw notFound311('token not found.');
  return list('request', [{ service_request_id: row.number, token }]);
}
