import type { CreateOrgReportInBody, OrgReportIn, OrgReportInListQuery, Page } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { authorize, can, inScope, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { maskPhone } from '../../../platform/crypto/mask.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { toPage } from '../../../platform/pagination.ts';
import { transact } from '../../../platform/transaction.ts';
import { findOrgReportInRow, listOrgReportInRows, type OrgReportInRow } from './org-report-in.repository.ts';
import { nextReceiptNo } from './receipt-number.ts';
import { decodeKeyset, keysetOf } from './report-in-paging.ts';

function toOrgReportIn(ctx: Ctx, row: OrgReportInRow): OrgReportIn {
  return {
    id: row.id,
    reportingOrgId: row.reporting_org_id,
    reportingOrgName: row.reporting_org_name,
    targetKind: row.target_kind,
    targetId: row.target_id,
    targetName: row.target_name,
    contactName: row.contact_name,
    contactPhoneMasked: maskPhone(ctx.cipher.decrypt(row.contact_phone_cipher)),
    resources: row.resources,
    reportedOn: row.reported_on,
    status: row.status,
    receiptNo: row.receipt_no,
    receivedAt: row.received_at,
    createdAt: row.created_at,
    abilities: { receive: row.status === 'submitted' && can(ctx.actor, 'report_in.manage', { path: row.path }) },
    version: Number(row.version),
  };
}

/** Who sees a 报到单: the target's managers and the reporting organisation's own submitters. */
const visibleTo = (actor: Actor, row: { path: string; reporting_path: string }): boolean =>
  can(actor, 'report_in.manage', { path: row.path }) ||
  can(actor, 'org_report_in.submit', { path: row.reporting_path });

const visibleSql = (actor: Actor): Expression<SqlBool> =>
  sql<SqlBool>`(${inScope(actor, 'report_in.manage', 'r.path')} OR ${inScope(actor, 'org_report_in.submit', 'r.reporting_path')})`;

/** The target's path: a compound's own, or a community Party organisation's (never an organ's). */
async function targetPath(ctx: Ctx, body: CreateOrgReportInBody): Promise<string> {
  if (body.targetKind === 'compound') {
    const compound = await ctx.db
      .selectFrom('compound')
      .select('path')
      .where('id', '=', body.targetId)
      .executeTakeFirst();
    if (!compound) throw notFound('compound');
    return compound.path;
  }
  const org = await ctx.db
    .selectFrom('org_unit')
    .select(['path', 'sector'])
    .where('id', '=', body.targetId)
    .executeTakeFirst();
  if (!org) throw notFound('org_unit');
  if (org.sector === 'organ') {
    throw new AppError('VALIDATION_FAILED', {
      details: { issues: [{ path: 'body.targetId', message: 'organ_target' }] },
    });
  }
  return org.path;
}

/**
 * Files an organ Party organisation's 报到单 (组织双报到) with a compound or a community. The caller needs
 * `org_report_in.submit` over the reporting organisation, which must be an organ (`sector = organ`, else 400).
 * The row takes the target's path, so the target's secretary sees and receives it. A second 报到单 to the same
 * target while one is still waiting for receipt → 409 CONFLICT. The contact phone is stored encrypted.
 */
export async function createOrgReportIn(ctx: Ctx, body: CreateOrgReportInBody): Promise<OrgReportIn> {
  requireActor(ctx);
  const org = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'path', 'sector'])
    .where('id', '=', body.reportingOrgId)
    .executeTakeFirst();
  if (!org) throw notFound('org_unit');
  authorize(ctx, 'org_report_in.submit', org);
  if (org.sector !== 'organ') {
    throw new AppError('VALIDATION_FAILED', {
      details: { issues: [{ path: 'body.reportingOrgId', message: 'not_organ' }] },
    });
  }
  const path = await targetPath(ctx, body);
  const id = newId();
  await transact(ctx, async (trx) => {
    const open = await trx
      .selectFrom('org_report_in')
      .select('id')
      .where('reporting_org_id', '=', org.id)
      .where('target_id', '=', body.targetId)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (open) throw new AppError('CONFLICT', { details: { reason: 'open_report_in', id: open.id } });
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('org_report_in')
      .values({
        id,
        reporting_org_id: org.id,
        reporting_path: org.path,
        target_kind: body.targetKind,
        target_id: body.targetId,
        path,
        contact_name: body.contactName,
        contact_phone_cipher: ctx.cipher.encrypt(body.contactPhone),
        resources: body.resources,
        reported_on: body.reportedOn,
        status: 'submitted',
        receipt_no: null,
        received_by: null,
        received_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'org_report_in.submit',
      objectType: 'org_report_in',
      objectId: id,
      details: { reportingOrgId: org.id, targetKind: body.targetKind, targetId: body.targetId },
    });
  });
  return getOrgReportIn(ctx, id);
}

/** The 报到单 the caller may see (target or reporting side), newest first. */
export async function listOrgReportIns(ctx: Ctx, query: OrgReportInListQuery): Promise<Page<OrgReportIn>> {
  const actor = requireActor(ctx);
  if (!can(actor, 'report_in.manage') && !can(actor, 'org_report_in.submit')) {
    throw new AppError('FORBIDDEN', { details: { permission: 'report_in.manage' } });
  }
  const after = decodeKeyset(query.cursor);
  const rows = await listOrgReportInRows(ctx.db, visibleSql(actor), query, after);
  return toPage(
    rows,
    query.limit,
    (r) => toOrgReportIn(ctx, r),
    (r) => ({ ...keysetOf(r.created_at, r.id) }),
  );
}

/** One 报到单 under the list's visibility rule: 404 unknown, 403 outside both sides' scope. */
export async function getOrgReportIn(ctx: Ctx, id: string): Promise<OrgReportIn> {
  const actor = requireActor(ctx);
  const row = await findOrgReportInRow(ctx.db, id);
  if (!row) throw notFound('org_report_in');
  if (!visibleTo(actor, row)) throw new AppError('FORBIDDEN', { details: { permission: 'report_in.manage' } });
  return toOrgReportIn(ctx, row);
}

/**
 * The target signs for the 报到单 and issues the receipt (回执) number: `report_in.manage` over the target.
 * Only a submitted 报到单 can be received; a second receipt → 409 CONFLICT (checked in the UPDATE itself, so two
 * clicks at once cannot issue two numbers).
 */
export async function receiveOrgReportIn(ctx: Ctx, id: string): Promise<OrgReportIn> {
  const actor = requireActor(ctx);
  const row = await findOrgReportInRow(ctx.db, id);
  if (!row) throw notFound('org_report_in');
  authorize(ctx, 'report_in.manage', row);
  await transact(ctx, async (trx) => {
    const receiptNo = await nextReceiptNo(trx, ctx);
    const now = isoNow(ctx.clock);
    const result = await trx
      .updateTable('org_report_in')
      .set({
        status: 'received',
        receipt_no: receiptNo,
        received_by: actor.userId,
        received_at: now,
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError('CONFLICT', { details: { reason: 'not_submitted', status: row.status } });
    }
    await appendAudit(trx, ctx, {
      action: 'org_report_in.receive',
      objectType: 'org_report_in',
      objectId: id,
      details: { receiptNo },
    });
  });
  return getOrgReportIn(ctx, id);
}
