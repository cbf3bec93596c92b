import { CIVIC_CASE_STATUSES, type CivicCaseStatus, type SlaStep, type UnitKind } from '@linli/contracts';
import type { SlaLimit } from '../settings/sla-deadline.ts';
import { OPEN_STATUSES } from '../workflow/civic-case-status.ts';
import { inIntake } from './supervision-people.ts';

/** A 督办 must be answered within one working day. */
export const SUPERVISION_ANSWER_LIMIT: SlaLimit = { minutes: 1440, basis: 'workday' };

/** A case as the sweep sees it: its step, its clock and who answers for it. */
export interface SweepCase {
  id: string;
  number: string;
  title: string;
  status: CivicCaseStatus;
  step: SlaStep | null;
  step_started_at: string | null;
  deadline_at: string | null;
  due_soon_at: string | null;
  due_soon_warned_at: string | null;
  overdue: number;
  unit_kind: UnitKind | null;
  unit_id: string | null;
  unit_name: string | null;
  unit_path: string | null;
  path: string;
  community_id: string;
}

/** Open statuses whose clock runs: a deferred (挂账) case has no deadline until it resumes. */
export const TIMED_STATUSES: readonly CivicCaseStatus[] = OPEN_STATUSES.filter((s) => s !== 'deferred');

/** Intake statuses (the accept step): late cases here answer to the community, not to a unit. */
export const INTAKE_STATUSES: readonly CivicCaseStatus[] = CIVIC_CASE_STATUSES.filter(inIntake);

const timed = (c: SweepCase): c is SweepCase & { deadline_at: string } =>
  TIMED_STATUSES.includes(c.status) && c.deadline_at !== null;

/**
 * A warning belongs to the step that was running when it was given: one older than `step_started_at` was for an
 * earlier step. (Timestamps are ISO-8601 UTC strings of one length, so they compare as text.)
 */
export const warnedThisStep = (c: Pick<SweepCase, 'due_soon_warned_at' | 'step_started_at'>): boolean =>
  c.due_soon_warned_at !== null && (c.step_started_at === null || c.due_soon_warned_at >= c.step_started_at);

/** (a) Nearly due — the due-soon point has passed, the deadline has not — and not yet warned in this step. */
export const needsDueSoonWarning = (c: SweepCase, now: string): boolean =>
  timed(c) && c.due_soon_at !== null && c.due_soon_at <= now && c.deadline_at > now && !warnedThisStep(c);

/** (b) Past its deadline and not yet flagged. */
export const needsOverdueFlag = (c: SweepCase, now: string): boolean =>
  timed(c) && c.deadline_at <= now && c.overdue === 0;

/** (c) Flagged overdue with someone to supervise: a lead unit, or the dispatchers while still in intake. */
export const needsEscalation = (c: SweepCase, now: string): boolean =>
  timed(c) && c.deadline_at <= now && c.overdue === 1 && (c.unit_id !== null || inIntake(c.status));

/** One automatic 督办 per case, step and deadline: the unique key that makes every rerun a no-op. */
export const escalationKey = (c: Pick<SweepCase, 'id' | 'step' | 'deadline_at'>): string =>
  `${c.id}:${c.step ?? ''}:${c.deadline_at ?? ''}`;
