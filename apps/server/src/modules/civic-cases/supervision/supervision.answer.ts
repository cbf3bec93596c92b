import type { AnswerSupervisionBodySchema, Role, Supervision } from '@linli/contracts';
import type { z } from 'zod';
import { assignmentsWith, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { notifyUsers } from '../../../platform/notify/notify.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { appendCaseEvent } from '../case-events.ts';
import { nearestHolders, UNIT_ROLES } from '../case-units.ts';
import { type SupervisionRow, selectSupervisions, toSupervision } from './supervision.repository.ts';
import { inIntake } from './supervision-people.ts';

export type AnswerSupervisionBody = z.infer<typeof AnswerSupervisionBodySchema>;

/**
 * The role in which the actor answers for the record's case now, or undefined when they may not: staff of the
 * case's lead unit (首接负责), or — while the case is in intake and has no unit — a dispatcher over its place.
 */
function answeringRole(actor: Actor, r: SupervisionRow): Role | undefined {
  const kind = r.case_unit_kind;
  const unitPath = r.case_unit_path;
  if (!inIntake(r.case_status) && kind && unitPath) {
    return assignmentsWith(actor, 'civic_case.handle').find(
      (a) => UNIT_ROLES[kind].includes(a.role) && unitPath.startsWith(a.scopePath),
    )?.role;
  }
  return assignmentsWith(actor, 'civic_case.dispatch').find((a) => r.case_path.startsWith(a.scopePath))?.role;
}

async function lockedSupervision(trx: Trx, ctx: Ctx, id: string): Promise<SupervisionRow> {
  await trx
    .selectFrom('civic_supervision')
    .select('id')
    .where('id', '=', id)
    .$if(ctx.dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  const row = await selectSupervisions(trx).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('civic_supervision');
  return row;
}

/**
 * `POST /civic-supervisions/:id/answer`: the lead unit answers an open 督办. The record closes, the case's
 * open-supervision count drops, the answer joins the timeline, the supervising level's admins are told, and it
 * is audited — one transaction. 403 for anyone but the answering staff; 409 when it was already answered.
 */
export async function answerSupervision(ctx: Ctx, id: string, body: AnswerSupervisionBody): Promise<Supervision> {
  const actor = requireActor(ctx);
  return transact(ctx, async (trx) => {
    const row = await lockedSupervision(trx, ctx, id);
    const role = answeringRole(actor, row);
    if (!role) throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.handle' } });
    if (row.status !== 'open') throw new AppError('CONFLICT', { details: { status: row.status } });
    const now = isoNow(ctx.clock);
    await trx
      .updateTable('civic_supervision')
      .set({ status: 'answered', answer: body.answer, answered_by: actor.userId, answered_at: now })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('civic_case')
      .set((eb) => ({ open_supervisions: eb('open_supervisions', '-', 1) }))
      .where('id', '=', row.case_id)
      .where('open_supervisions', '>', 0)
      .execute();
    await appendCaseEvent(trx, {
      caseId: row.case_id,
      type: 'answer_supervision',
      from: row.case_status,
      to: row.case_status,
      actor: { userId: actor.userId, name: actor.displayName, role },
      at: now,
      internalNote: `督办答复：${body.answer}`,
      data: { supervisionId: id },
    });
    await notifyUsers(
      trx,
      await nearestHolders(trx, 'civic_case.supervise', row.level_path),
      {
        kind: 'civic_case.supervision_answered',
        title: '督办已答复',
        body: `${row.case_number}「${row.case_title}」的督办已由${actor.displayName}答复。`,
        link: `/civic-cases/${row.case_id}`,
      },
      now,
    );
    await appendAudit(trx, ctx, {
      action: 'civic_supervision.answer',
      objectType: 'civic_supervision',
      objectId: id,
      details: { caseId: row.case_id, levelOrgId: row.level_org_id },
    });
    return toSupervision({ ...row, status: 'answered', answer: body.answer, answered_at: now });
  });
}
