import { shanghaiDate } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import type { ActionEffect, ActionHandler, ActionRun } from './action-types.ts';
import { caseNotice, invalidField, required } from './action-types.ts';
import { dispatchersOf, unitUsersOf } from './case-people.ts';
import { handleBasis, minutesLeft, shiftBy } from './case-steps.ts';

/**
 * A pending request that the case has outrun (the unit answered anyway, or the case went to another unit) is
 * closed as refused with the reason, so no request stays pending on a case that cannot decide it any more.
 */
export async function withdrawPending(run: ActionRun, note: string): Promise<void> {
  await run.trx
    .updateTable('civic_case_request')
    .set({ status: 'refused', decided_by: run.actor.userId, decided_at: run.at, decision_note: note })
    .where('case_id', '=', run.row.id)
    .where('status', '=', 'pending')
    .execute();
}

/** The unit's request is recorded and the dispatchers are asked to decide it; the case itself runs on. */
async function fileRequest(
  run: ActionRun,
  kind: 'extension' | 'deferral',
  details: { extraMinutes: number | null; deferUntil: string | null },
): Promise<ActionEffect> {
  const reason = required(run.body.reason, 'reason');
  const id = newId();
  await run.trx
    .insertInto('civic_case_request')
    .values({
      id,
      case_id: run.row.id,
      kind,
      status: 'pending',
      reason,
      extra_minutes: details.extraMinutes,
      defer_until: details.deferUntil,
      requested_by: run.actor.userId,
      requested_at: run.at,
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })
    .execute();
  const title = kind === 'extension' ? '责任单位申请延期，请审批' : '责任单位申请挂账，请审批';
  return {
    patch: { pending_request: kind },
    data: { requestId: id, reason, ...details },
    notify: [{ userIds: await dispatchersOf(run.trx, run.row), notice: caseNotice(run.row, 'request', title, reason) }],
  };
}

/** 延期申请: more handling time, in minutes counted on the handling limit's basis. */
const requestExtension: ActionHandler = async (run) => {
  const extraMinutes = required(run.body.extraMinutes, 'extraMinutes');
  return fileRequest(run, 'extension', { extraMinutes, deferUntil: null });
};

/** 挂账申请: park the case until a later date (conditions not yet there: funds, season, another authority). */
const requestDeferral: ActionHandler = async (run) => {
  const deferUntil = required(run.body.deferUntil, 'deferUntil');
  if (deferUntil <= shanghaiDate(run.now)) throw invalidField('deferUntil', 'not_after_today');
  return fileRequest(run, 'deferral', { extraMinutes: null, deferUntil });
};

/**
 * 审批: grant or refuse the pending request. A granted extension moves the handling deadline by the extra time
 * on the limit's basis (and lifts the overdue flag if that puts it back in the future); a granted deferral parks
 * the case with its clock stopped, keeping the working minutes it had left for when it resumes. A refusal
 * changes nothing but the request.
 */
const decideRequest: ActionHandler = async (run) => {
  const grant = required(run.body.grant, 'grant');
  const request = await run.trx
    .selectFrom('civic_case_request')
    .selectAll()
    .where('case_id', '=', run.row.id)
    .where('status', '=', 'pending')
    .orderBy('requested_at', 'desc')
    .executeTakeFirst();
  if (!request) throw new AppError('CIVIC_CASE_TRANSITION', { details: { reason: 'no_pending_request' } });
  await run.trx
    .updateTable('civic_case_request')
    .set({
      status: grant ? 'granted' : 'refused',
      decided_by: run.actor.userId,
      decided_at: run.at,
      decision_note: run.body.reason ?? run.body.publicNote ?? run.body.internalNote ?? null,
    })
    .where('id', '=', request.id)
    .execute();
  const staff = await unitUsersOf(run.trx, run.row);
  const what = request.kind === 'extension' ? '延期' : '挂账';
  const base: ActionEffect = {
    patch: { pending_request: null },
    data: { requestId: request.id, kind: request.kind, grant },
    notify: [
      {
        userIds: staff,
        notice: caseNotice(run.row, 'decided', `${what}申请${grant ? '已批准' : '未批准'}`, run.body.reason),
      },
    ],
    smsUserIds: staff,
  };
  if (!grant) return base;
  return request.kind === 'extension'
    ? grantExtension(run, base, request.extra_minutes ?? 0)
    : grantDeferral(run, base, request.defer_until);
};

async function grantExtension(run: ActionRun, base: ActionEffect, extraMinutes: number): Promise<ActionEffect> {
  const { row } = run;
  const basis = await handleBasis(run);
  const current = row.handle_deadline_at ?? row.deadline_at ?? run.at;
  const deadlineAt = await shiftBy(run, current, extraMinutes, basis);
  const dueSoonAt = row.due_soon_at ? await shiftBy(run, row.due_soon_at, extraMinutes, basis) : null;
  const overdue = row.overdue === 1 && new Date(deadlineAt).getTime() <= run.now.getTime();
  return {
    ...base,
    patch: {
      ...base.patch,
      handle_deadline_at: deadlineAt,
      deadline_at: deadlineAt,
      due_soon_at: dueSoonAt,
      overdue: overdue ? 1 : 0,
      extension_count: row.extension_count + 1,
    },
    data: { ...base.data, extraMinutes, handleDeadlineAt: deadlineAt },
  };
}

async function grantDeferral(run: ActionRun, base: ActionEffect, deferUntil: string | null): Promise<ActionEffect> {
  const { row } = run;
  const deadline = row.handle_deadline_at ?? row.deadline_at;
  const remaining = deadline ? await minutesLeft(run, deadline, await handleBasis(run)) : 0;
  return {
    ...base,
    patch: {
      ...base.patch,
      deferred_until: deferUntil,
      deferred_remaining_minutes: remaining,
      deferral_count: row.deferral_count + 1,
    },
    step: { step: null, deadlineAt: null, dueSoonAt: null, endsStep: false },
    data: { ...base.data, deferUntil, remainingMinutes: remaining },
  };
}

export const requestActions = {
  request_extension: requestExtension,
  request_deferral: requestDeferral,
  decide_request: decideRequest,
} as const;
