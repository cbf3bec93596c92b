import type {
  CaseCounts,
  CivicCaseEventType,
  CivicCaseStatus,
  MetricSettings,
  UnitKind,
  VoidReason,
} from '@linli/contracts';
import { isOpenStatus, stepOf } from '../workflow/civic-case-status.ts';
import { periodBounds } from './metrics-period.ts';

/**
 * The county's counting rules for 民情, as pure functions over the event log (`civic_case_event`). The SQL twin in
 * `metrics.repository.ts` answers the same counts from the case rows' fact columns; the test suite runs both on
 * one story and expects equal answers.
 *
 * A period is a pair of Asia/Shanghai calendar days, both included. An event "is in the period" when its instant
 * falls on one of those days. A case is counted in a family when the event that defines the family is in the
 * period; what the case is counted as (on time, responded, resolved, its rating) is judged on its whole log, as
 * the case row holds it now.
 *
 * - received: the case's `submit` is in the period.
 * - accepted: `accept` events in the period (a case is accepted at most once: `accept` runs from intake only).
 * - voided: cases voided (`void`, or `merge` into another case) in the period; excluded: those whose reason is one of
 *   `settings.excludedVoidReasons` (a merge is a duplicate). They are never dispatched, so they stay out of every
 *   rate's denominator by construction.
 * - dispatched: cases whose first `dispatch` is in the period (a re-dispatch after 退回 or 改派 is not a new case).
 * - responded: of those, the latest `sign` (改派 starts sign-for afresh) was on time and the reporter was contacted
 *   by that sign's deadline (a `contact` after it, at or before its deadline); an anonymous case has nobody to
 *   contact and needs only the on-time sign.
 * - closed: cases that are closed now and whose latest `close` is in the period. A reopened case is not closed; it
 *   counts again, once, when it closes again — so closing twice never counts twice. closedResolved: of those, the
 *   latest close's `endType` is `resolved` ("closed but not fixed" is never solved); closedOnTime: the last
 *   `handle` before that close was on time.
 * - rework: `reject` (核查不通过) and `reopen` events in the period.
 * - extensions / deferrals: requests granted in the period (`decide_request` with `data.grant` and `data.kind`).
 * - rated: cases whose latest `rate` is in the period, judged by that rating (`data.resolved`, `data.rating`).
 * - overdueOpen: cases open at the end of the period that got an `overdue` event with no step change after it (a
 *   new status in another timed step, 改派, or an extension granted into the future all set a new limit). This approximates "the
 *   current deadline is before the end of the period" without replaying the SLA table; the rows keep the same flag.
 */

/** One event as `civic_case_event` stores it, with `data` parsed. */
export interface CaseEventFact {
  type: CivicCaseEventType;
  from: CivicCaseStatus | null;
  to: CivicCaseStatus | null;
  at: string;
  deadline: string | null;
  onTime: boolean | null;
  data: Record<string, unknown>;
}

/** A case's static facts (where it is, who answers for it) and its events in sequence order. */
export interface CaseLog {
  id: string;
  categoryId: string;
  compoundId: string;
  gridId: string | null;
  communityId: string;
  unit: { kind: UnitKind; id: string } | null;
  anonymous: boolean;
  events: readonly CaseEventFact[];
}

/** Asia/Shanghai calendar days `YYYY-MM-DD`, both included. */
export interface MetricsPeriod {
  from: string;
  to: string;
}

export const ZERO_COUNTS: CaseCounts = {
  received: 0,
  accepted: 0,
  voided: 0,
  excluded: 0,
  dispatched: 0,
  responded: 0,
  closed: 0,
  closedResolved: 0,
  closedOnTime: 0,
  rework: 0,
  extensions: 0,
  deferrals: 0,
  rated: 0,
  ratedResolved: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  dissatisfied: 0,
  overdueOpen: 0,
};

export const addCounts = (a: CaseCounts, b: CaseCounts): CaseCounts => {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof CaseCounts)[]) sum[key] = a[key] + b[key];
  return sum;
};

const ms = (at: string): number => new Date(at).getTime();

/** The status after the last event that set one, among `events`. */
const statusAfter = (events: readonly CaseEventFact[]): CivicCaseStatus | null =>
  events.findLast((e) => e.to !== null)?.to ?? null;

const isGrant = (e: CaseEventFact, kind: 'extension' | 'deferral'): boolean =>
  e.type === 'decide_request' && e.data.grant === true && e.data.kind === kind;

/** The reason a void or merge carried; a merge is a duplicate by definition. */
const voidReasonOf = (e: CaseEventFact): VoidReason | null => {
  const reason = e.data.voidReason;
  if (typeof reason === 'string') return reason as VoidReason;
  return e.type === 'merge' ? 'duplicate' : null;
};

function responded(log: CaseLog): boolean {
  const signAt = log.events.findLastIndex((e) => e.type === 'sign');
  const sign = log.events[signAt];
  if (sign?.onTime !== true) return false;
  if (log.anonymous) return true;
  const deadline = sign.deadline === null ? Number.POSITIVE_INFINITY : ms(sign.deadline);
  return log.events.slice(signAt + 1).some((e) => e.type === 'contact' && ms(e.at) <= deadline);
}

/** A granted extension that still leaves the deadline behind the decision: the case stays overdue. */
const extendedIntoThePast = (e: CaseEventFact): boolean =>
  typeof e.data.handleDeadlineAt === 'string' && ms(e.data.handleDeadlineAt) <= ms(e.at);

/** A new limit after the overdue flag was raised: the flag no longer holds. */
const changesStep = (e: CaseEventFact): boolean =>
  e.type === 'reassign' ||
  (isGrant(e, 'extension') && !extendedIntoThePast(e)) ||
  (e.from !== null && e.to !== null && e.from !== e.to && stepOf(e.from) !== stepOf(e.to));

function overdueAtEnd(log: CaseLog, end: number): boolean {
  const until = log.events.filter((e) => ms(e.at) < end);
  const status = statusAfter(until);
  if (status === null || !isOpenStatus(status)) return false;
  const flagged = until.findLastIndex((e) => e.type === 'overdue');
  return flagged >= 0 && !until.slice(flagged + 1).some(changesStep);
}

/** One case's contribution to the counts. */
function countCase(log: CaseLog, inPeriod: (at: string) => boolean, excluded: readonly VoidReason[], end: number) {
  const c = { ...ZERO_COUNTS };
  const events = log.events;
  const submit = events.find((e) => e.type === 'submit');
  if (submit && inPeriod(submit.at)) c.received = 1;
  // A merge also writes a `merge` event on the surviving case, which stays open: only the merged one is voided.
  const voided = events.find((e) => (e.type === 'void' || e.type === 'merge') && e.to === 'voided');
  if (voided && inPeriod(voided.at)) {
    c.voided = 1;
    const reason = voidReasonOf(voided);
    if (reason !== null && excluded.includes(reason)) c.excluded = 1;
  }
  const dispatch = events.find((e) => e.type === 'dispatch');
  if (dispatch && inPeriod(dispatch.at)) {
    c.dispatched = 1;
    if (responded(log)) c.responded = 1;
  }
  const close = events.findLast((e) => e.type === 'close');
  if (close && statusAfter(events) === 'closed' && inPeriod(close.at)) {
    c.closed = 1;
    if (close.data.endType === 'resolved') c.closedResolved = 1;
    const handle = events.slice(0, events.indexOf(close)).findLast((e) => e.type === 'handle');
    if (handle?.onTime === true) c.closedOnTime = 1;
  }
  const rate = events.findLast((e) => e.type === 'rate');
  if (rate && inPeriod(rate.at)) {
    c.rated = 1;
    if (rate.data.resolved === true) c.ratedResolved = 1;
    if (rate.data.rating === 'satisfied') c.satisfied = 1;
    if (rate.data.rating === 'basically_satisfied') c.basicallySatisfied = 1;
    if (rate.data.rating === 'dissatisfied') c.dissatisfied = 1;
  }
  for (const e of events) {
    if (!inPeriod(e.at)) continue;
    if (e.type === 'accept') c.accepted += 1;
    if (e.type === 'reject' || e.type === 'reopen') c.rework += 1;
    if (isGrant(e, 'extension')) c.extensions += 1;
    if (isGrant(e, 'deferral')) c.deferrals += 1;
  }
  if (overdueAtEnd(log, end)) c.overdueOpen = 1;
  return c;
}

/**
 * The counts of a scope's cases over a period, by the rules above. `logs` are the cases of the scope (the caller
 * picks them); each log's events must be in sequence order.
 */
export function countsFromEvents(
  logs: readonly CaseLog[],
  period: MetricsPeriod,
  settings: Pick<MetricSettings, 'excludedVoidReasons'>,
): CaseCounts {
  const { startMs, endMs } = periodBounds(period);
  const inPeriod = (at: string) => {
    const t = ms(at);
    return t >= startMs && t < endMs;
  };
  return logs.reduce(
    (total, log) => addCounts(total, countCase(log, inPeriod, settings.excludedVoidReasons, endMs)),
    ZERO_COUNTS,
  );
}
