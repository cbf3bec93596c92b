import type {
  MemberReportIn,
  MemberReportInListQuery,
  Page,
  ReportInDecisionBody,
  ReportInReceipt,
} from '@linli/contracts';
import { sql } from 'kysely';
import { authorize, can, inScope, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { toPage } from '../../../platform/pagination.ts';
import { transact } from '../../../platform/transaction.ts';
import {
  findCompoundBranchName,
  listMemberReportInRows,
  type MemberReportInRow,
} from './member-report-in.repository.ts';
import { getMemberReportInRow, toMemberReportIn } from './member-report-in.view.ts';
import { nextReceiptNo } from './receipt-number.ts';
import { decodeKeyset, keysetOf } from './report-in-paging.ts';

/** Report-ins to the compounds the caller manages (`report_in.manage` over the compound path), newest first. */
export async function listMemberReportIns(ctx: Ctx, query: MemberReportInListQuery): Promise<Page<MemberReportIn>> {
  const actor = authorize(ctx, 'report_in.manage');
  const rows = await listMemberReportInRows(
    ctx.db,
    inScope(actor, 'report_in.manage', 'r.path'),
    query,
    decodeKeyset(query.cursor),
  );
  return toPage(
    rows,
    query.limit,
    (r) => toMemberReportIn(actor, r),
    (r) => ({ ...keysetOf(r.registered_at, r.id) }),
  );
}

/**
 * The branch decides on a pending report-in (`report_in.manage` over the compound). Confirming issues the
 * receipt number that goes to the work unit's Party organisation and sets the member's `report_in_status` to
 * `confirmed`; rejecting needs a reason (400 without, by the body schema) and sets it to `rejected` so the member
 * may report in again. A report-in no longer pending → 409 CONFLICT (checked in the UPDATE itself).
 */
export async function decideMemberReportIn(ctx: Ctx, id: string, body: ReportInDecisionBody): Promise<MemberReportIn> {
  const actor = requireActor(ctx);
  const row = await getMemberReportInRow(ctx.db, id);
  authorize(ctx, 'report_in.manage', row);
  await transact(ctx, async (trx) => {
    const confirmed = body.decision === 'confirmed';
    const receiptNo = confirmed ? await nextReceiptNo(trx, ctx) : null;
    const now = isoNow(ctx.clock);
    const result = await trx
      .updateTable('member_report_in')
      .set({
        status: body.decision,
        decided_by: actor.userId,
        decided_at: now,
        receipt_no: receiptNo,
        reject_reason: confirmed ? null : (body.reason ?? null),
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError('CONFLICT', { details: { reason: 'not_pending', status: row.status } });
    }
    await trx.updateTable('member').set({ report_in_status: body.decision }).where('id', '=', row.member_id).execute();
    await appendAudit(trx, ctx, {
      action: confirmed ? 'member_report_in.confirm' : 'member_report_in.reject',
      objectType: 'member_report_in',
      objectId: id,
      details: confirmed ? { memberId: row.member_id, receiptNo } : { memberId: row.member_id, reason: body.reason },
    });
  });
  return toMemberReportIn(actor, await getMemberReportInRow(ctx.db, id));
}

/** The printable receipt of a confirmed report-in, as the work unit's Party organisation receives it. */
export async function toReceipt(ctx: Ctx, row: MemberReportInRow): Promise<ReportInReceipt | null> {
  if (row.status !== 'confirmed' || !row.receipt_no || !row.decided_at) return null;
  return {
    reportInId: row.id,
    receiptNo: row.receipt_no,
    memberName: row.member_name,
    workUnitName: row.work_unit_name,
    workUnitPartyOrgName: row.work_unit_party_org_name,
    compoundName: row.compound_name,
    branchName: await findCompoundBranchName(ctx.db, row.compound_id),
    registeredAt: row.registered_at,
    confirmedAt: row.decided_at,
  };
}

/**
 * The receipt (回执) of a confirmed report-in: for the compound's managers (`report_in.manage`) and for the
 * member themself. Not confirmed (yet) → 409 CONFLICT `not_confirmed`.
 */
export async function getReportInReceipt(ctx: Ctx, id: string): Promise<ReportInReceipt> {
  const actor = requireActor(ctx);
  const row = await getMemberReportInRow(ctx.db, id);
  const own = row.member_user_id !== null && row.member_user_id === actor.userId && can(actor, 'member.self');
  if (!own) authorize(ctx, 'report_in.manage', row);
  const receipt = await toReceipt(ctx, row);
  if (!receipt) throw new AppError('CONFLICT', { details: { reason: 'not_confirmed', status: row.status } });
  return receipt;
}
