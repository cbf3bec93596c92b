import type { MemberReportIn, SelfReportInBody } from '@linli/contracts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { transact } from '../../../platform/transaction.ts';
import { requireSelfMember } from '../member-access.ts';
import { listOwnReportInRows } from './member-report-in.repository.ts';
import { getMemberReportInRow, toMemberReportIn } from './member-report-in.view.ts';

/**
 * A member reports in (在职党员双报到) to the compound they live in. Only in-service members report in (a
 * retired member → 409 CONFLICT `not_in_service`); the compound defaults to the residence and may only be the
 * residence (another compound → 403); a member living outside the county's compounds → 409 `no_residence`.
 * A pending or confirmed report-in blocks a new one (409 `open_report_in`): the member row's
 * `report_in_status` is switched to `pending` with a conditional UPDATE in the same transaction, so two
 * submissions at once cannot both pass. The member's current work unit is recorded with the report-in.
 */
export async function submitSelfReportIn(ctx: Ctx, body: SelfReportInBody): Promise<MemberReportIn> {
  const self = await requireSelfMember(ctx);
  if (self.employment !== 'in_service') {
    throw new AppError('CONFLICT', { details: { reason: 'not_in_service' } });
  }
  if (!self.residenceCompoundId) throw new AppError('CONFLICT', { details: { reason: 'no_residence' } });
  if (body.compoundId !== undefined && body.compoundId !== self.residenceCompoundId) {
    throw new AppError('FORBIDDEN', { details: { reason: 'not_residence' } });
  }
  const compoundId = self.residenceCompoundId;
  const id = newId();
  await transact(ctx, async (trx) => {
    const compound = await trx
      .selectFrom('compound')
      .select('path')
      .where('id', '=', compoundId)
      .executeTakeFirstOrThrow();
    const now = isoNow(ctx.clock);
    const switched = await trx
      .updateTable('member')
      .set({ report_in_status: 'pending' })
      .where('id', '=', self.id)
      .where('report_in_status', 'not in', ['pending', 'confirmed'])
      .executeTakeFirst();
    if (Number(switched.numUpdatedRows) === 0) {
      throw new AppError('CONFLICT', { details: { reason: 'open_report_in' } });
    }
    await trx
      .insertInto('member_report_in')
      .values({
        id,
        member_id: self.id,
        compound_id: compoundId,
        path: compound.path,
        work_unit_id: self.workUnitId,
        status: 'pending',
        skills: body.skills || null,
        registered_at: now,
        decided_by: null,
        decided_at: null,
        reject_reason: null,
        receipt_no: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'member_report_in.submit',
      objectType: 'member_report_in',
      objectId: id,
      details: { memberId: self.id, compoundId, workUnitId: self.workUnitId },
    });
  });
  return toMemberReportIn(ctx.actor, await getMemberReportInRow(ctx.db, id));
}

/** The signed-in member's report-ins, newest first. */
export async function listSelfReportIns(ctx: Ctx): Promise<{ items: MemberReportIn[] }> {
  const self = await requireSelfMember(ctx);
  const rows = await listOwnReportInRows(ctx.db, self.id);
  return { items: rows.map((r) => toMemberReportIn(ctx.actor, r)) };
}
