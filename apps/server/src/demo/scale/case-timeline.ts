import type { CivicCaseEventType, CivicCaseStatus, SlaStep, VoidReason } from '@linli/contracts';
import type { Selectable } from 'kysely';
import type {
  CivicCaseEventTable,
  CivicCaseFollowerTable,
  CivicCaseRequestTable,
  CivicCaseTable,
  CivicSupervisionTable,
} from '../../db/schema-civic.ts';
import type { Random } from '../seeded-random.ts';
import type { WorkClock } from './scale-calendar.ts';
import type { IdMaker } from './scale-random.ts';
import type { SlaBook } from './scale-sla.ts';
import { iso } from './scale-time.ts';

export type CaseValues = Selectable<CivicCaseTable>;
export type EventValues = Selectable<CivicCaseEventTable>;
export type RequestValues = Selectable<CivicCaseRequestTable>;
export type SupervisionValues = Selectable<CivicSupervisionTable>;
export type FollowerValues = Selectable<CivicCaseFollowerTable>;

/** Who an event is by, as `case-events.ts` stores it. */
export interface EventActor {
  userId: string | null;
  name: string | null;
  role: string | null;
}

/** The supervision sweep and the intake of an anonymous case act as these. */
export const SYSTEM: EventActor = { userId: null, name: null, role: 'system' };
export const NOBODY: EventActor = { userId: null, name: null, role: null };

/** The case enters a timed step (or leaves timing): `step-columns` of the runner. */
export interface StepChange {
  step: SlaStep | null;
  deadlineMs: number | null;
  dueSoonMs: number | null;
  /** False when the clock is only paused (挂账): the event then records no ended deadline. */
  endsStep?: boolean;
}

/** What one action does, as the workflow's handlers return it. */
export interface Effect {
  patch?: Partial<CaseValues>;
  step?: StepChange;
  data?: Record<string, unknown>;
  publicNote?: string | null;
  internalNote?: string | null;
}

/** Everything a case's timeline draws on: the county's limits and calendar, the cutoff, the ids and the people. */
export interface CaseWorld {
  sla: SlaBook;
  clock: WorkClock;
  cutoffMs: number;
  dueSoonShare: number;
  excludedVoidReasons: readonly VoidReason[];
  ids: IdMaker;
  random: Random;
}

/**
 * One case's life in memory: the row as the loop leaves it after each action and the appended log, kept in step
 * the way `case-action.runner.ts` keeps them — the event's from/to statuses, the deadline of the step an action
 * ended and whether it was kept, the step columns, the version. Times are milliseconds; the row holds ISO text.
 */
export class CaseTimeline {
  readonly events: EventValues[] = [];
  readonly requests: RequestValues[] = [];
  readonly supervisions: SupervisionValues[] = [];
  readonly followers: FollowerValues[] = [];
  /** When each open 督办 is to be answered. */
  readonly answerPlans = new Map<string, number>();
  /** The instant of the newest event. */
  lastMs: number;
  deadlineMs: number | null = null;
  dueSoonMs: number | null = null;
  handleDeadlineMs: number | null = null;

  constructor(
    readonly world: CaseWorld,
    readonly row: CaseValues,
    submittedMs: number,
  ) {
    this.lastMs = submittedMs;
  }

  get status(): CivicCaseStatus {
    return this.row.status;
  }

  /** An action planned at `atMs` has happened by the cutoff; later ones are still to come. */
  happens(atMs: number): boolean {
    return atMs < this.world.cutoffMs;
  }

  /** Appends one event with the next sequence number (`appendCaseEvent`). */
  append(
    type: CivicCaseEventType,
    from: CivicCaseStatus | null,
    to: CivicCaseStatus | null,
    atMs: number,
    actor: EventActor,
    extra: Partial<Pick<EventValues, 'deadline' | 'on_time' | 'public_note' | 'internal_note'>> & {
      data?: Record<string, unknown>;
    } = {},
  ): EventValues {
    const event: EventValues = {
      id: this.world.ids(atMs),
      case_id: this.row.id,
      seq: this.events.length + 1,
      type,
      from_status: from,
      to_status: to,
      actor_user_id: actor.userId,
      actor_name: actor.name,
      actor_role: actor.role,
      at: iso(atMs),
      deadline: extra.deadline ?? null,
      on_time: extra.on_time ?? null,
      public_note: extra.public_note ?? null,
      internal_note: extra.internal_note ?? null,
      data: extra.data ? JSON.stringify(extra.data) : '{}',
    };
    this.events.push(event);
    this.lastMs = Math.max(this.lastMs, atMs);
    return event;
  }

  /** The step columns an action sets: the new step, its start, its limit, and a fresh overdue flag. */
  enterStep(change: StepChange, atMs: number): void {
    this.row.step = change.step;
    this.row.step_started_at = change.step === null ? null : iso(atMs);
    this.deadlineMs = change.deadlineMs;
    this.dueSoonMs = change.dueSoonMs;
    this.row.deadline_at = change.deadlineMs === null ? null : iso(change.deadlineMs);
    this.row.due_soon_at = change.dueSoonMs === null ? null : iso(change.dueSoonMs);
    this.row.overdue = 0;
  }

  setHandleDeadline(ms: number | null): void {
    this.handleDeadlineMs = ms;
    this.row.handle_deadline_at = ms === null ? null : iso(ms);
  }

  /** A limit of the case's category and urgency for `step`, starting at `fromMs`. */
  limitFrom(step: SlaStep, fromMs: number): StepChange {
    const limit = this.world.sla.limit(this.row.category_id, this.row.urgency, step);
    const { deadlineMs, dueSoonMs } = this.world.sla.deadline(limit, fromMs);
    return { step, deadlineMs, dueSoonMs };
  }

  /**
   * One action through the runner's steps: the row changes (patch, step columns, status, version), then the
   * event — with the ended step's deadline and whether it was kept, when the action ends a timed step.
   */
  act(
    type: CivicCaseEventType,
    to: CivicCaseStatus,
    atMs: number,
    actor: EventActor,
    effect: Effect = {},
  ): EventValues {
    const row = this.row;
    const from = row.status;
    const endedMs =
      effect.step !== undefined && effect.step.endsStep !== false && row.step !== null ? this.deadlineMs : null;
    if (effect.patch) Object.assign(row, effect.patch);
    if (effect.step) this.enterStep(effect.step, atMs);
    const at = iso(atMs);
    row.status = to;
    row.version += 1;
    row.updated_at = at;
    // Built in one go, without intermediate objects: some ten million events go through here.
    const event: EventValues = {
      id: this.world.ids(atMs),
      case_id: row.id,
      seq: this.events.length + 1,
      type,
      from_status: from,
      to_status: to,
      actor_user_id: actor.userId,
      actor_name: actor.name,
      actor_role: actor.role,
      at,
      deadline: endedMs === null ? null : iso(endedMs),
      on_time: endedMs === null ? null : atMs <= endedMs ? 1 : 0,
      public_note: effect.publicNote ?? null,
      internal_note: effect.internalNote ?? null,
      data: effect.data ? JSON.stringify(effect.data) : '{}',
    };
    this.events.push(event);
    if (atMs > this.lastMs) this.lastMs = atMs;
    return event;
  }

  /** The status the case had at `atMs`, read from its log. */
  statusAt(atMs: number): CivicCaseStatus | null {
    let status: CivicCaseStatus | null = null;
    for (const event of this.events) {
      if (Date.parse(event.at) > atMs) break;
      status = event.to_status ?? status;
    }
    return status;
  }
}
