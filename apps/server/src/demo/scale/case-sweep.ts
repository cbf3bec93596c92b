import {
  escalationKey,
  escalationReason,
  INTAKE_STATUSES,
  SUPERVISION_ANSWER_LIMIT,
  TIMED_STATUSES,
} from '../../modules/civic-cases/index.ts';
import { HOUR_MS, MINUTE_MS } from '../../platform/clock.ts';
import { type CaseTimeline, type EventActor, type SupervisionValues, SYSTEM } from './case-timeline.ts';
import { iso } from './scale-time.ts';

/** The supervision sweep runs every five minutes (`supervision.jobs.ts`). */
const SWEEP_EVERY_MS = 5 * MINUTE_MS;
const ANSWERS = [
  '已安排专人加快办理，今日内反馈结果。',
  '已与反映人沟通，明确办理时限，正在落实。',
  '因配件到货延迟导致超时，已督促施工单位加快进度。',
];
/** The first sweep run at or after an instant. */
const nextSweep = (ms: number): number => Math.ceil(ms / SWEEP_EVERY_MS) * SWEEP_EVERY_MS;

/** Where an escalation hangs and who answers it (`supervision-level.ts`, `supervision-people.ts`). */
export interface SweepPeople {
  level(c: CaseTimeline): { id: string; name: string; path: string };
  answerer(c: CaseTimeline): EventActor;
}

/**
 * What the supervision sweep would have done to the case between its last event and `untilMs` (the next action,
 * or the cutoff): warned once per step when the due-soon point passed, flagged it overdue with an `overdue` event
 * when the deadline passed, escalated it as an automatic 督办 to the next organisation up (one per case, step and
 * deadline, `sweep-actions.ts`), and — before the next action — the responsible unit answered.
 */
export function sweepUntil(c: CaseTimeline, untilMs: number, people: SweepPeople): void {
  const row = c.row;
  // The sweep acts at its first run after the point passed and after the case entered its present state.
  const since = c.lastMs + 1;
  if (TIMED_STATUSES.includes(row.status) && c.deadlineMs !== null && c.dueSoonMs !== null) {
    const warnAt = nextSweep(Math.max(c.dueSoonMs, since));
    const startedMs = row.step_started_at === null ? null : Date.parse(row.step_started_at);
    const warned =
      row.due_soon_warned_at !== null && (startedMs === null || Date.parse(row.due_soon_warned_at) >= startedMs);
    if (!warned && warnAt < untilMs && warnAt < c.deadlineMs) row.due_soon_warned_at = iso(warnAt);
  }
  if (TIMED_STATUSES.includes(row.status) && c.deadlineMs !== null && row.overdue === 0) {
    const flagAt = nextSweep(Math.max(c.deadlineMs, since));
    if (flagAt < untilMs) flagAndEscalate(c, flagAt, people);
  }
  answerOpen(c, untilMs, people);
}

function flagAndEscalate(c: CaseTimeline, atMs: number, people: SweepPeople): void {
  const row = c.row;
  const deadline = row.deadline_at;
  row.overdue = 1;
  c.append('overdue', row.status, row.status, atMs, SYSTEM, {
    deadline,
    on_time: 0,
    data: { step: row.step },
  });
  if (row.unit_id === null && !INTAKE_STATUSES.includes(row.status)) return;
  const level = people.level(c);
  const dueAt = iso(c.world.clock.addMinutes(atMs, SUPERVISION_ANSWER_LIMIT.minutes, SUPERVISION_ANSWER_LIMIT.basis));
  const reason = escalationReason(row, iso(c.deadlineMs ?? atMs));
  const unit = INTAKE_STATUSES.includes(row.status) ? null : row;
  const supervision: SupervisionValues = {
    id: c.world.ids(atMs),
    case_id: row.id,
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
    dedupe_key: escalationKey({ id: row.id, step: row.step, deadline_at: deadline }),
    created_by: null,
    created_at: iso(atMs),
  };
  c.supervisions.push(supervision);
  c.answerPlans.set(supervision.id, atMs + c.world.random.int(1, 8) * HOUR_MS);
  row.open_supervisions += 1;
  c.append('supervise', row.status, row.status, atMs, SYSTEM, {
    deadline,
    on_time: 0,
    internal_note: `${level.name}自动督办：${reason}`,
    data: { supervisionId: supervision.id, kind: 'auto', level: { id: level.id, name: level.name }, dueAt },
  });
}

/** Open 督办 are answered a few hours after they were raised, and in any case before the case's next action. */
function answerOpen(c: CaseTimeline, untilMs: number, people: SweepPeople): void {
  for (const s of c.supervisions) {
    if (s.status !== 'open') continue;
    const planned = c.answerPlans.get(s.id) ?? untilMs;
    const atMs = Math.max(c.lastMs, untilMs < c.world.cutoffMs ? Math.min(planned, untilMs - MINUTE_MS) : planned);
    if (atMs >= untilMs) continue;
    const answer = c.world.random.pick(ANSWERS);
    const by = people.answerer(c);
    Object.assign(s, { status: 'answered', answer, answered_by: by.userId, answered_at: iso(atMs) });
    c.row.open_supervisions -= 1;
    c.append('answer_supervision', c.row.status, c.row.status, atMs, by, {
      internal_note: `督办答复：${answer}`,
      data: { supervisionId: s.id },
    });
  }
}
