import { shanghaiDate } from '../../../platform/clock.ts';
import { fromBool } from '../../../platform/sql-helpers.ts';
import type { ActionEffect, ActionHandler, ActionRun } from './action-types.ts';
import { caseNotice, required } from './action-types.ts';
import { dispatchersOf, reporterOf, unitUsersOf } from './case-people.ts';
import { enterStep, leaveTiming } from './case-steps.ts';

/** 核查通过: the verifier saw it fixed on site; the dispatchers close it. */
const verify: ActionHandler = async (run) => ({
  patch: { verified_at: run.at },
  step: leaveTiming(),
  notify: [
    { userIds: await dispatchersOf(run.trx, run.row), notice: caseNotice(run.row, 'verified', '事项已核查，请结案') },
  ],
});

/** Back to the lead unit with a fresh handling limit from now: 返工 after a failed check, or a reopen. */
async function backToUnit(run: ActionRun, kind: string, title: string, note: string | null | undefined) {
  const step = await enterStep(run, 'handle');
  const staff = await unitUsersOf(run.trx, run.row);
  return {
    step,
    handleDeadlineAt: step.deadlineAt,
    notify: [{ userIds: staff, notice: caseNotice(run.row, kind, title, note) }],
    smsUserIds: staff,
  };
}

/** 核查不通过 → 返工. */
const reject: ActionHandler = async (run) => {
  const back = await backToUnit(run, 'rework', '事项核查未通过，请返工', run.body.reason ?? run.body.publicNote);
  return {
    patch: { rework_count: run.row.rework_count + 1, handle_deadline_at: back.handleDeadlineAt },
    step: back.step,
    data: { reason: run.body.reason ?? null, handleDeadlineAt: back.handleDeadlineAt },
    notify: back.notify,
    smsUserIds: back.smsUserIds,
  };
};

/** 结案 with how it ended: `unresolved` (closed but not fixed) is never counted as solved. */
const close: ActionHandler = async (run) => {
  const endType = required(run.body.endType, 'endType');
  return {
    patch: { end_type: endType, closed_at: run.at, closed_on: shanghaiDate(run.now) },
    data: { endType },
    notify: [
      {
        userIds: reporterOf(run.row),
        notice: caseNotice(run.row, 'closed', '您反映的事项已办结，请评价', run.body.publicNote),
      },
    ],
  };
};

/**
 * 回访评价: resolved or not, and satisfied / basically satisfied / dissatisfied, by the reporter or by staff on a
 * return visit. A dissatisfied rating reopens the case at once (a system event in the same transaction).
 */
const rate: ActionHandler = async (run) => {
  const resolved = required(run.body.resolved, 'resolved');
  const rating = required(run.body.rating, 'rating');
  const byReporter = run.relations.has('reporter');
  return {
    patch: {
      rating_resolved: fromBool(resolved),
      rating,
      rating_comment: run.body.publicNote ?? null,
      rated_at: run.at,
      rated_on: shanghaiDate(run.now),
      rated_by_reporter: fromBool(byReporter),
    },
    data: { resolved, rating, byReporter },
    ...(rating === 'dissatisfied' ? { followUp: 'reopen' as const } : {}),
  };
};

/**
 * 重新提起: the case leaves `closed` for rework with a fresh handling limit; it is no longer closed (its end type
 * and closing date go), and the reopen is counted. The rating stays until the next return visit replaces it.
 */
export async function reopenEffect(run: ActionRun, reason: string | null): Promise<ActionEffect> {
  const back = await backToUnit(run, 'reopened', '事项被重新提起，请重新办理', reason);
  return {
    patch: {
      reopen_count: run.row.reopen_count + 1,
      end_type: null,
      closed_at: null,
      closed_on: null,
      handle_deadline_at: back.handleDeadlineAt,
    },
    step: back.step,
    data: { reason, handleDeadlineAt: back.handleDeadlineAt },
    notify: back.notify,
    smsUserIds: back.smsUserIds,
  };
}

const reopen: ActionHandler = async (run) => reopenEffect(run, required(run.body.reason, 'reason'));

export const closingActions = { verify, reject, close, rate, reopen } as const;
