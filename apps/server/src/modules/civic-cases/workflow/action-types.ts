import type { CaseActionBody, MetricSettings, SlaStep } from '@linli/contracts';
import type { Selectable, Updateable } from 'kysely';
import type { CivicCaseTable } from '../../../db/schema-civic.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Notice } from '../../../platform/notify/notify.ts';
import type { Trx } from '../../../platform/transaction.ts';
import type { EventActor } from '../case-events.ts';
import type { CaseRelation } from './civic-case-status.ts';

export type CaseRow = Selectable<CivicCaseTable>;
export type CasePatch = Updateable<CivicCaseTable>;

/** Everything one action sees: the case as read in the transaction, who acts, what they sent, and the time. */
export interface ActionRun {
  ctx: Ctx;
  trx: Trx;
  actor: Actor;
  eventActor: EventActor;
  relations: ReadonlySet<CaseRelation>;
  /** Reads the case as staff (not only as its reporter): may see and write internal notes. */
  staffReader: boolean;
  row: CaseRow;
  body: CaseActionBody;
  now: Date;
  at: string;
  settings: MetricSettings;
}

/** The case enters a timed step (or leaves timing, `step: null`): its limit starts now. */
export interface StepChange {
  step: SlaStep | null;
  deadlineAt: string | null;
  dueSoonAt: string | null;
  /**
   * Whether the step the case was in ended here, so the event records its deadline and whether it was kept.
   * False when the clock is only paused (挂账).
   */
  endsStep?: boolean;
}

/** Who to tell, and what. SMS goes to `smsUserIds` after commit, for emergencies. */
export interface Notification {
  userIds: readonly string[];
  notice: Notice;
}

/** What an action does to the case beyond moving its status; the runner writes it in one go. */
export interface ActionEffect {
  /** Facts and counters to set on the case row. */
  patch?: CasePatch;
  step?: StepChange;
  /** The event's `data`: what the body carried and what the action decided. */
  data?: Record<string, unknown>;
  /** The kind the body's `fileIds` are filed under on this event. */
  fileKind?: 'result' | 'other';
  notify?: Notification[];
  /** Users to text after commit when the case is an emergency (the unit that must act now). */
  smsUserIds?: readonly string[];
  /** Writes that need the event's id or must follow the case row's update (another case's event, a request). */
  afterUpdate?: (eventId: string) => Promise<void>;
  /** A system step that follows in the same transaction (a dissatisfied rating reopens the case). */
  followUp?: 'reopen';
}

export type ActionHandler = (run: ActionRun) => Promise<ActionEffect>;

/** 400 on one field of the action body, in the envelope zod failures use. */
export const invalidField = (path: string, message = 'required'): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message }] } });

/** The field's value, or 400 when the action needs it and the body left it out. */
export function required<T>(value: T | undefined | null, path: string): T {
  if (value === undefined || value === null || value === '') throw invalidField(path);
  return value;
}

/** A notice about a case, linked the way every front end maps to the case's page. */
export const caseNotice = (row: CaseRow, kind: string, title: string, body?: string | null): Notice => ({
  kind: `civic_case.${kind}`,
  title,
  body: body ? `${row.number} ${row.title}：${body}` : `${row.number} ${row.title}`,
  link: `/civic-cases/${row.id}`,
});
