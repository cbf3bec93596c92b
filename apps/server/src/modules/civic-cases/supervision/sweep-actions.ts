import { appendAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { notifyUsers } from '../../../platform/notify/notify.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { appendCaseEvent } from '../case-events.ts';
import { nearestHolders } from '../case-units.ts';
import { deadlineFrom } from '../settings/sla-deadline.ts';
import { supervisionLevel } from './supervision-level.ts';
import { inIntake, responsibleUsers } from './supervision-people.ts';
import {
  dueSoonNotice,
  escalationReason,
  overdueNotice,
  SYSTEM_ACTOR,
  supervisionToLevelNotice,
  supervisionToUnitNotice,
} from './sweep-notices.ts';
import {
  escalationKey,
  needsDueSoonWarning,
  needsEscalation,
  needsOverdueFlag,
  SUPERVISION_ANSWER_LIMIT,
  type SweepCase,
} from './sweep-rules.ts';

/** One sweep step on one locked case; true when it changed something. */
export type SweepAction = (trx: Trx, ctx: Ctx, c: SweepCase, now: string) => Promise<boolean>;

/** The audit row of a deadline the sweep acted on: which step, and which deadline. */
const auditDeadline = (trx: Trx, ctx: Ctx, c: SweepCase, action: string): Promise<void> =>
  appendAudit(trx, ctx, {
    action,
    objectType: 'civic_case',
    objectId: c.id,
    details: { step: c.step, deadline: c.deadline_at },
  });

/**
 * (a) Warns whoever answers for the case that its step is nearly due, once per step: the marker records when,
 * and a new step (a later `step_started_at`) makes the case eligible again.
 */
export const warnDueSoon: SweepAction = async (trx, ctx, c, now) => {
  if (!needsDueSoonWarning(c, now) || c.deadline_at === null) return false;
  await trx.updateTable('civic_case').set({ due_soon_warned_at: now }).where('id', '=', c.id).execute();
  await notifyUsers(trx, await responsibleUsers(trx, c), dueSoonNotice(c, c.deadline_at), now);
  await auditDeadline(trx, ctx, c, 'civic_case.due_soon_warn');
  return true;
};

/** (b) Flags a case past its deadline, with an `overdue` event on its timeline, and tells whoever answers for it. */
export const flagOverdue: SweepAction = async (trx, ctx, c, now) => {
  if (!needsOverdueFlag(c, now) || c.deadline_at === null) return false;
  await trx.updateTable('civic_case').set({ overdue: 1 }).where('id', '=', c.id).execute();
  await appendCaseEvent(trx, {
    caseId: c.id,
    type: 'overdue',
    from: c.status,
    to: c.status,
    actor: SYSTEM_ACTOR,
    at: now,
    deadline: c.deadline_at,
    onTime: false,
    data: { step: c.step },
  });
  await notifyUsers(trx, await responsibleUsers(trx, c), overdueNotice(c, c.deadline_at), now);
  await auditDeadline(trx, ctx, c, 'civic_case.overdue');
  return true;
};

/**
 * (c) Escalates an overdue case to the next organisation up as an automatic 督办 due in one working day. The
 * record's unique `dedupe_key` (case, step, deadline) makes a rerun — or a second process — add nothing; a new
 * deadline (an extension, the next step) is a new escalation.
 */
export const escalateOverdue: SweepAction = async (trx, ctx, c, now) => {
  if (!needsEscalation(c, now) || c.deadline_at === null) return false;
  const level = await supervisionLevel(trx, c);
  if (!level) return false;
  const { deadlineAt: dueAt } = await deadlineFrom(trx, SUPERVISION_ANSWER_LIMIT, new Date(now), 1);
  const unit = inIntake(c.status) ? null : c;
  const reason = escalationReason(c, c.deadline_at);
  const id = newId();
  const inserted = await trx
    .insertInto('civic_supervision')
    .values({
      id,
      case_id: c.id,
      kind: 'auto',
      level_org_id: level.id,
      level_path: level.path,
      unit_kind: unit?.unit_kind ?? null,
      unit_id: unit?.unit_id ?? null,
      unit_name: unit?.unit_name ?? null,
      reason,
      status: 'open',
      due_at: dueAt,
      answer: null,
      answered_by: null,
      answered_at: null,
      dedupe_key: escalationKey(c),
      created_by: null,
      created_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await trx
    .updateTable('civic_case')
    .set((eb) => ({ open_supervisions: eb('open_supervisions', '+', 1) }))
    .where('id', '=', c.id)
    .execute();
  await appendCaseEvent(trx, {
    caseId: c.id,
    type: 'supervise',
    from: c.status,
    to: c.status,
    actor: SYSTEM_ACTOR,
    at: now,
    deadline: c.deadline_at,
    onTime: false,
    internalNote: `${level.name}自动督办：${reason}`,
    data: { supervisionId: id, kind: 'auto', level: { id: level.id, name: level.name }, dueAt },
  });
  await notifyUsers(
    trx,
    await nearestHolders(trx, 'civic_case.supervise', level.path),
    supervisionToLevelNotice(c, reason, dueAt),
    now,
  );
  await notifyUsers(trx, await responsibleUsers(trx, c), supervisionToUnitNotice(c, level, reason, dueAt), now);
  await appendAudit(trx, ctx, {
    action: 'civic_supervision.create',
    objectType: 'civic_supervision',
    objectId: id,
    details: { caseId: c.id, kind: 'auto', levelOrgId: level.id, step: c.step, deadline: c.deadline_at, dueAt },
  });
  return true;
};
