import type { CaseActionBody, CivicCaseAction, CivicCaseStatus } from '@linli/contracts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { assertUpdated } from '../../../platform/concurrency.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { attachPhotos } from '../../../platform/files/files.service.ts';
import { notifyUsers } from '../../../platform/notify/notify.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { caseRelations } from '../case-access.ts';
import { appendCaseEvent, type EventActor } from '../case-events.ts';
import { CIVIC_CASE_FILE_OWNER } from '../case-file-owners.ts';
import { addTallyCells, planTallyChange } from '../metrics/civic-tally.maintain.ts';
import { loadMetricSettings } from '../settings/metric-settings.repository.ts';
import type { ActionEffect, ActionHandler, ActionRun, CasePatch, CaseRow, StepChange } from './action-types.ts';
import { abilityInputOf, type Refusal, refusalOf } from './case-abilities.ts';
import { actingRole } from './case-people.ts';
import { keptDeadline } from './case-steps.ts';
import { transitionFor } from './civic-case-status.ts';
import { closingActions, reopenEffect } from './closing-actions.ts';
import { dispatchActions } from './dispatch-actions.ts';
import { handlingActions } from './handling-actions.ts';
import { intakeActions } from './intake-actions.ts';
import { noteActions } from './note-actions.ts';
import { requestActions } from './request-actions.ts';

const HANDLERS: Record<CivicCaseAction, ActionHandler> = {
  ...intakeActions,
  ...dispatchActions,
  ...handlingActions,
  ...requestActions,
  ...closingActions,
  ...noteActions,
};

const SYSTEM: EventActor = { userId: null, name: null, role: 'system' };

export interface CaseActionInput {
  caseId: string;
  action: CivicCaseAction;
  body: CaseActionBody;
  /** The version the client read (If-Match); null where the server acts on what it just read (bulk dispatch). */
  expectedVersion: number | null;
}

/** Texts to send after commit: the unit that must act on an emergency now. */
export interface PendingSms {
  userIds: string[];
  text: string;
}

const REFUSALS: Record<Refusal, (status: CivicCaseStatus, action: CivicCaseAction) => AppError> = {
  transition: (status, action) => new AppError('CIVIC_CASE_TRANSITION', { details: { status, action } }),
  forbidden: (_status, action) => new AppError('FORBIDDEN', { details: { action } }),
  reopen_window: () => new AppError('REOPEN_WINDOW_PASSED'),
};

/** The columns a step change sets: the new step, its start, its limit, and a fresh overdue flag. */
const stepColumns = (step: StepChange, at: string): CasePatch => ({
  step: step.step,
  step_started_at: step.step === null ? null : at,
  deadline_at: step.deadlineAt,
  due_soon_at: step.dueSoonAt,
  overdue: 0,
});

/** The ended step's limit and whether it was kept, for the event (only when the action ends a timed step). */
function endedStep(row: CaseRow, step: StepChange | undefined, at: string) {
  if (!step || step.endsStep === false || row.step === null || row.deadline_at === null) return {};
  return { deadline: row.deadline_at, onTime: keptDeadline(at, row.deadline_at) };
}

/** Reads the case and how the actor stands to it; 404 without it, 403 for a user who may not even read it. */
async function loadForAction(trx: Trx, actor: Actor, caseId: string) {
  const row = await trx.selectFrom('civic_case').selectAll().where('id', '=', caseId).executeTakeFirst();
  if (!row) throw notFound('civic_case');
  const assists = await trx
    .selectFrom('civic_case_assist')
    .select(['unit_kind', 'unit_path'])
    .where('case_id', '=', caseId)
    .execute();
  const facts = {
    path: row.path,
    unit_kind: row.unit_kind,
    unit_path: row.unit_path,
    reporter_user_id: row.reporter_user_id,
    assists,
  };
  const relations = caseRelations(actor, facts);
  if (!relations.has('reader')) throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.read' } });
  const staffReader = caseRelations(actor, { ...facts, reporter_user_id: null }).has('reader');
  return { row, relations, staffReader };
}

/**
 * One action on one case inside the caller's transaction: the rules (`refusalOf`, the same as the detail's
 * abilities) decide 409/403, the stage's handler says what changes, and this writes it — the case row under its
 * version (REL-7), the 民情 counters (`civic_case_tally`), the appended event with its files, a dissatisfied
 * rating's system reopen, the notices and one audit row. Returns the texts to send after commit.
 */
export async function applyCaseAction(
  ctx: Ctx,
  trx: Trx,
  actor: Actor,
  input: CaseActionInput,
): Promise<PendingSms | null> {
  const { row, relations, staffReader } = await loadForAction(trx, actor, input.caseId);
  if (input.expectedVersion !== null && row.version !== input.expectedVersion) throw new AppError('VERSION_STALE');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const { settings } = await loadMetricSettings(trx);
  const refusal = refusalOf(abilityInputOf(row, relations, now, settings.reopenWindowDays), input.action);
  if (refusal) throw REFUSALS[refusal](row.status, input.action);
  const variant =
    input.action === 'decide_request' && input.body.grant === true && row.pending_request === 'deferral'
      ? ('grant_deferral' as const)
      : undefined;
  const edge = transitionFor(row.status, input.action, variant);
  if (!edge) throw REFUSALS.transition(row.status, input.action);
  const relation = edge.by.find((r) => relations.has(r)) ?? 'reader';
  const eventActor: EventActor = {
    userId: actor.userId,
    name: actor.displayName,
    role: actingRole(actor, relation, row),
  };
  const run: ActionRun = {
    ctx,
    trx,
    actor,
    eventActor,
    relations,
    staffReader,
    row,
    body: input.body,
    now,
    at,
    settings,
  };

  const effect = await HANDLERS[input.action](run);
  const fileIds = input.body.fileIds ?? [];
  await attachPhotos(trx, ctx, fileIds, {
    ownerType: CIVIC_CASE_FILE_OWNER,
    ownerId: row.id,
    path: row.path,
    field: 'fileIds',
  });
  const follow = effect.followUp === 'reopen' ? await reopenEffect({ ...run, eventActor: SYSTEM }, null) : null;
  const finalStatus: CivicCaseStatus = follow ? 'rework' : edge.next;
  const finalStep = follow?.step ?? effect.step;
  const set = {
    ...effect.patch,
    ...follow?.patch,
    ...(finalStep ? stepColumns(finalStep, at) : {}),
    status: finalStatus,
    version: row.version + 1,
    updated_at: at,
  };
  const updated = await trx
    .updateTable('civic_case')
    .set(set)
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  assertUpdated(updated.numUpdatedRows);
  // Planned before the events are appended (a moved case's earlier events are read from the log as it was).
  const tally = await planTallyChange(trx, {
    before: row,
    after: { ...row, ...set },
    appended: [
      { type: input.action, to: edge.next, at, data: effect.data ?? {} },
      ...(follow ? [{ type: 'reopen', to: finalStatus, at, data: {} }] : []),
    ],
  });

  const eventId = await appendCaseEvent(trx, {
    caseId: row.id,
    type: input.action,
    from: row.status,
    to: edge.next,
    actor: eventActor,
    at,
    ...endedStep(row, effect.step, at),
    publicNote: input.body.publicNote ?? null,
    internalNote: input.body.internalNote ?? null,
    data: effect.data ?? {},
    files: { ids: [...new Set(fileIds)], kind: effect.fileKind ?? 'other' },
  });
  await effect.afterUpdate?.(eventId);
  if (follow) {
    await appendCaseEvent(trx, {
      caseId: row.id,
      type: 'reopen',
      from: edge.next,
      to: finalStatus,
      actor: SYSTEM,
      at,
      data: { ...follow.data, cause: 'dissatisfied_rating' },
    });
  }
  const notices = [...(effect.notify ?? []), ...(follow?.notify ?? [])];
  for (const n of notices) {
    await notifyUsers(
      trx,
      n.userIds.filter((u) => u !== actor.userId),
      n.notice,
      at,
    );
  }
  // The counters after every case row this transaction locks (a merge's survivor too): see `planTallyChange`.
  await addTallyCells(trx, tally);
  await appendAudit(trx, ctx, {
    action: `civic_case.${input.action}`,
    objectType: 'civic_case',
    objectId: row.id,
    details: { number: row.number, from: row.status, to: finalStatus, ...effect.data },
  });
  return emergencySms(row, effect, follow, actor.userId);
}

function emergencySms(
  row: CaseRow,
  effect: ActionEffect,
  follow: ActionEffect | null,
  actorId: string,
): PendingSms | null {
  const urgency = effect.patch?.urgency ?? row.urgency;
  const userIds = [...(effect.smsUserIds ?? []), ...(follow?.smsUserIds ?? [])].filter((u) => u !== actorId);
  if (urgency !== 'emergency' || userIds.length === 0) return null;
  const title = (follow?.notify ?? effect.notify)?.[0]?.notice.title ?? '紧急事项';
  return { userIds: [...new Set(userIds)], text: `【邻里】紧急：${title}。${row.number} ${row.title}` };
}
