import { fromBool } from '../../../platform/sql-helpers.ts';
import type { ActionHandler } from './action-types.ts';
import { caseNotice, required } from './action-types.ts';
import { dispatchersOf, reporterOf, unitUsersOf, verifiersOf } from './case-people.ts';
import { enterStep, handleBasis, keptDeadline, limitFromNow } from './case-steps.ts';
import { withdrawPending } from './request-actions.ts';

/**
 * 签收: the lead unit takes the case on. The sign-for step ends (on time or not) and handling runs to the
 * deadline set at dispatch. An anonymous reporter cannot be called back, so for them signing on time is the
 * whole of the response; otherwise the response also needs the contact (below).
 */
const sign: ActionHandler = async (run) => {
  const { row } = run;
  const onTime = keptDeadline(run.at, row.deadline_at);
  const handle = await enterStep(run, 'handle', new Date(row.step_started_at ?? run.at));
  const anonymous = row.anonymous === 1;
  return {
    patch: {
      signed_at: run.at,
      sign_on_time: fromBool(onTime),
      responded: anonymous ? fromBool(onTime) : null,
    },
    step: { step: 'handle', deadlineAt: row.handle_deadline_at ?? handle.deadlineAt, dueSoonAt: handle.dueSoonAt },
    data: { signOnTime: onTime },
    notify: [
      { userIds: reporterOf(row), notice: caseNotice(row, 'signed', '您反映的事项已签收', run.body.publicNote) },
    ],
  };
};

/**
 * 联系反映人: the first call back. The case counts as responded to (响应率) when it was signed for on time and
 * the reporter was contacted within the sign-for step's limit, the one recorded on the sign event.
 */
const contact: ActionHandler = async (run) => {
  const signEvent = await run.trx
    .selectFrom('civic_case_event')
    .select('deadline')
    .where('case_id', '=', run.row.id)
    .where('type', '=', 'sign')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const signDeadline = signEvent?.deadline ?? null;
  const responded = run.row.sign_on_time === 1 && keptDeadline(run.at, signDeadline);
  return {
    patch: { contacted_at: run.at, responded: fromBool(responded) },
    data: { responded },
  };
};

/** 开始处理 (also after 返工): nothing but the status changes. */
const start: ActionHandler = async () => ({});

/**
 * 处理反馈: the result for the reporter (`publicNote`, required) and photos of it. Handling ends on time or not
 * against the (possibly extended) handling deadline, and verification's limit starts.
 */
const handle: ActionHandler = async (run) => {
  const { row } = run;
  const result = required(run.body.publicNote, 'publicNote');
  const onTime = keptDeadline(run.at, row.handle_deadline_at);
  const [dispatchers, verifiers] = [await dispatchersOf(run.trx, row), await verifiersOf(run.trx, row)];
  return {
    // A request still pending is moot once the result is in (only a working case can decide one).
    patch: { handled_at: run.at, handle_on_time: fromBool(onTime), pending_request: null },
    ...(row.pending_request ? { afterUpdate: () => withdrawPending(run, '已反馈办理结果') } : {}),
    step: await enterStep(run, 'verify'),
    fileKind: 'result',
    data: { handleOnTime: onTime },
    notify: [
      { userIds: verifiers, notice: caseNotice(row, 'handled', '事项已办理，请核查', result) },
      { userIds: dispatchers, notice: caseNotice(row, 'handled', '事项已反馈办理结果', result) },
      { userIds: reporterOf(row), notice: caseNotice(row, 'handled', '您反映的事项已办理', result) },
    ],
  };
};

/** 恢复: a parked case runs again with the handling time it had left when it was parked. */
const resume: ActionHandler = async (run) => {
  const remaining = run.row.deferred_remaining_minutes ?? 0;
  const limit = await limitFromNow(run, remaining, await handleBasis(run));
  const staff = await unitUsersOf(run.trx, run.row);
  return {
    patch: { handle_deadline_at: limit.deadlineAt, deferred_until: null, deferred_remaining_minutes: null },
    step: { step: 'handle', deadlineAt: limit.deadlineAt, dueSoonAt: limit.dueSoonAt },
    data: { remainingMinutes: remaining, handleDeadlineAt: limit.deadlineAt },
    notify: [{ userIds: staff, notice: caseNotice(run.row, 'resumed', '挂账事项已恢复办理') }],
  };
};

export const handlingActions = { sign, contact, start, handle, resume } as const;
