import type { SlaBasis, SlaStep } from '@linli/contracts';
import { loadWorkCalendar } from '../../../platform/calendar/work-calendar.ts';
import { workingMinutesBetween } from '../../../platform/calendar/working-time.ts';
import { DAY_MS, shanghaiDate } from '../../../platform/clock.ts';
import { deadlineFrom, slaLimit, stepDeadline } from '../settings/sla-deadline.ts';
import type { ActionRun, StepChange } from './action-types.ts';

/** The case enters `step` at `from` (now by default): its limit from the SLA table for its category and urgency. */
export async function enterStep(run: ActionRun, step: SlaStep, from: Date = run.now): Promise<StepChange> {
  const { deadlineAt, dueSoonAt } = await stepDeadline(run.trx, {
    categoryId: run.row.category_id,
    urgency: run.row.urgency,
    step,
    from,
    dueSoonShare: run.settings.dueSoonShare,
  });
  return { step, deadlineAt, dueSoonAt };
}

/** The case leaves timing (verified, closed, voided). */
export const leaveTiming = (): StepChange => ({ step: null, deadlineAt: null, dueSoonAt: null });

/** The basis (calendar or working days) the case's handling limit is counted on. */
export async function handleBasis(run: ActionRun): Promise<SlaBasis> {
  const limit = await slaLimit(run.trx, { categoryId: run.row.category_id, urgency: run.row.urgency, step: 'handle' });
  return limit.basis;
}

/** `at` moved later by `minutes` counted on `basis` (an extension granted on top of a deadline). */
export async function shiftBy(run: ActionRun, at: string, minutes: number, basis: SlaBasis): Promise<string> {
  const moved = await deadlineFrom(run.trx, { minutes, basis }, new Date(at), run.settings.dueSoonShare);
  return moved.deadlineAt;
}

/** Minutes of the limit left between now and `deadline` on `basis`; 0 once it has passed (挂账 stops the clock). */
export async function minutesLeft(run: ActionRun, deadline: string, basis: SlaBasis): Promise<number> {
  const end = new Date(deadline);
  if (end.getTime() <= run.now.getTime()) return 0;
  const calendar = await loadWorkCalendar(
    run.trx,
    shanghaiDate(run.now),
    shanghaiDate(new Date(end.getTime() + DAY_MS)),
  );
  return workingMinutesBetween(run.now, end, basis, calendar);
}

/** A limit of `minutes` on `basis` that starts now (what is left of a parked case's time when it resumes). */
export async function limitFromNow(
  run: ActionRun,
  minutes: number,
  basis: SlaBasis,
): Promise<{ deadlineAt: string; dueSoonAt: string }> {
  return deadlineFrom(run.trx, { minutes, basis }, run.now, run.settings.dueSoonShare);
}

/** True when `at` is no later than `deadline` (no deadline: nothing to miss). */
export const keptDeadline = (at: string, deadline: string | null): boolean =>
  deadline === null || new Date(at).getTime() <= new Date(deadline).getTime();
