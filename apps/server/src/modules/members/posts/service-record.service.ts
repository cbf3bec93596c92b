import type { MyListQuery, Page, ServiceRecord, ServiceRecordListQuery } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { authorize, can, inScope, requireActor } from '../../../platform/access/authorize.ts';
import type { Ctx } from '../../../platform/context.ts';
import { decodeKeyset, keysetCursor } from '../../../platform/keyset-paging.ts';
import { toBatchedPage } from '../../../platform/pagination.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { requireSelfMember } from '../member-access.ts';
import { notFoundObject } from './posts-shared.ts';
import {
  findServiceRecordRow,
  listServiceRecordRows,
  SERVICE_SORT,
  type ServiceRecordRow,
  toServiceRecords,
} from './service-record.repository.ts';

export async function getServiceRecordRow(db: Db | Trx, id: string): Promise<ServiceRecordRow> {
  const row = await findServiceRecordRow(db, id);
  if (!row) throw notFoundObject('service_record');
  return row;
}

/** One record as its DTO (with photos); no access check — callers have made theirs. */
export async function getServiceRecord(db: Db | Trx, id: string): Promise<ServiceRecord> {
  const [record] = await toServiceRecords(db, [await getServiceRecordRow(db, id)]);
  if (!record) throw notFoundObject('service_record');
  return record;
}

/** SQL: the record's household is one the user is a linked resident of. */
const linkedResident = (userId: string, householdColumn: string): Expression<SqlBool> =>
  sql<SqlBool>`${sql.ref(householdColumn)} IN (SELECT household_id FROM resident WHERE user_id = ${userId})`;

/** True when the user is a resident (with a linked account) of the household. */
export async function isLinkedResident(db: Db | Trx, userId: string, householdId: string | null): Promise<boolean> {
  if (!householdId) return false;
  const row = await db
    .selectFrom('resident')
    .select('id')
    .where('user_id', '=', userId)
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  return row !== undefined;
}

async function pageOfRecords(
  ctx: Ctx,
  visible: Expression<SqlBool>,
  query: Omit<ServiceRecordListQuery, 'cursor'> & { cursor?: string | undefined },
): Promise<Page<ServiceRecord>> {
  const after = decodeKeyset(query.cursor, SERVICE_SORT);
  const rows = await listServiceRecordRows(ctx.db, visible, query, after);
  return toBatchedPage(
    rows,
    query.limit,
    (page) => toServiceRecords(ctx.db, page),
    (r) => keysetCursor(SERVICE_SORT, r.served_on, r.id),
  );
}

/** Service records over the compounds the caller manages, newest service first. */
export async function listServiceRecords(ctx: Ctx, query: ServiceRecordListQuery): Promise<Page<ServiceRecord>> {
  const actor = authorize(ctx, 'post.manage');
  return pageOfRecords(ctx, inScope(actor, 'post.manage', 'sr.path'), query);
}

/** The signed-in member's own services. */
export async function listMyServiceRecords(ctx: Ctx, query: MyListQuery): Promise<Page<ServiceRecord>> {
  const self = await requireSelfMember(ctx);
  return pageOfRecords(ctx, sql<SqlBool>`sr.member_id = ${self.id}`, query);
}

/**
 * Services done for the households the signed-in resident is linked to that nobody has rated yet (群众评单).
 * Any signed-in account may ask; without a linked household the page is empty.
 */
export async function listServicesToRate(ctx: Ctx, query: MyListQuery): Promise<Page<ServiceRecord>> {
  const actor = requireActor(ctx);
  const visible = sql<SqlBool>`(${linkedResident(actor.userId, 'sr.household_id')} AND sr.rating IS NULL)`;
  return pageOfRecords(ctx, visible, query);
}

/**
 * The read policy for photos attached to a service record: the branch over its compound, the member who served,
 * and the residents of the served household.
 */
export async function canReadServiceRecord(ctx: Ctx, id: string): Promise<boolean> {
  const actor = requireActor(ctx);
  const row = await findServiceRecordRow(ctx.db, id);
  if (!row) return false;
  if (can(actor, 'post.manage', row) || row.member_user_id === actor.userId) return true;
  return isLinkedResident(ctx.db, actor.userId, row.household_id);
}
