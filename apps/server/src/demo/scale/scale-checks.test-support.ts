import type { CivicCaseStatus, SlaStep } from '@linli/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { loadWorkCalendar } from '../../platform/calendar/work-calendar.ts';
import { addWorkingMinutes, workingMinutesBetween } from '../../platform/calendar/working-time.ts';
import { DAY_MS, MINUTE_MS } from '../../platform/clock.ts';
import { seededRandom } from '../seeded-random.ts';
import { loadWorkClock } from './scale-calendar.ts';
import { shanghaiDay } from './scale-time.ts';

/** Each counter next to what it counts: the SQL finds the rows where they differ. */
const COUNTER_CHECKS: Record<string, ReturnType<typeof sql<{ n: number | string }>>> = {
  rework_count: sql`SELECT count(*) AS n FROM civic_case c WHERE c.rework_count <>
    (SELECT count(*) FROM civic_case_event e WHERE e.case_id = c.id AND e.type = 'reject')`,
  reopen_count: sql`SELECT count(*) AS n FROM civic_case c WHERE c.reopen_count <>
    (SELECT count(*) FROM civic_case_event e WHERE e.case_id = c.id AND e.type = 'reopen')`,
  extension_count: sql`SELECT count(*) AS n FROM civic_case c WHERE c.extension_count <>
    (SELECT count(*) FROM civic_case_request r WHERE r.case_id = c.id AND r.kind = 'extension' AND r.status = 'granted')`,
  deferral_count: sql`SELECT count(*) AS n FROM civic_case c WHERE c.deferral_count <>
    (SELECT count(*) FROM civic_case_request r WHERE r.case_id = c.id AND r.kind = 'deferral' AND r.status = 'granted')`,
  follower_count: sql`SELECT count(*) AS n FROM civic_case c WHERE c.follower_count <>
    (SELECT count(*) FROM civic_case_follower f WHERE f.case_id = c.id)`,
  open_supervisions: sql`SELECT count(*) AS n FROM civic_case c WHERE c.open_supervisions <>
    (SELECT count(*) FROM civic_supervision s WHERE s.case_id = c.id AND s.status = 'open')`,
  pending_request: sql`SELECT count(*) AS n FROM civic_case c WHERE (c.pending_request IS NULL) <>
    NOT EXISTS (SELECT 1 FROM civic_case_request r WHERE r.case_id = c.id AND r.status = 'pending')`,
  supervise_events: sql`SELECT count(*) AS n FROM civic_case c WHERE
    (SELECT count(*) FROM civic_supervision s WHERE s.case_id = c.id) <>
    (SELECT count(*) FROM civic_case_event e WHERE e.case_id = c.id AND e.type = 'supervise')`,
  report_in_status: sql`SELECT count(*) AS n FROM member m WHERE m.report_in_status <> COALESCE(
    (SELECT r.status FROM member_report_in r WHERE r.member_id = m.id ORDER BY r.registered_at DESC LIMIT 1), 'none')`,
  post_seats: sql`SELECT count(*) AS n FROM post p WHERE p.seats <
    (SELECT count(*) FROM post_claim c WHERE c.post_id = p.id AND c.status = 'approved')`,
  receipts: sql`SELECT count(*) AS n FROM member_report_in WHERE (status = 'confirmed') <> (receipt_no IS NOT NULL)`,
};

/** The counters that disagree with what they count, with how many rows; [] when all agree. */
export async function counterProblems(db: Db): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, query] of Object.entries(COUNTER_CHECKS)) {
    const n = Number((await query.execute(db)).rows[0]?.n ?? -1);
    if (n !== 0) problems.push(`${name}: ${n}`);
  }
  const numbers = await db.selectFrom('civic_case').select('number').execute();
  const highest = new Map<string, number>();
  for (const { number } of numbers) {
    const day = `${number.slice(2, 6)}-${number.slice(6, 8)}-${number.slice(8, 10)}`;
    highest.set(day, Math.max(highest.get(day) ?? 0, Number(number.slice(11))));
  }
  for (const { day, last } of await db.selectFrom('civic_case_counter').select(['day', 'last']).execute()) {
    if (Number(last) !== highest.get(day)) problems.push(`civic_case_counter ${day}: ${last} ≠ ${highest.get(day)}`);
    highest.delete(day);
  }
  for (const day of highest.keys()) problems.push(`civic_case_counter ${day}: missing`);
  return problems;
}

const STEP_OF: Record<CivicCaseStatus, SlaStep | null> = {
  submitted: 'accept',
  triaged: 'accept',
  accepted: 'accept',
  dispatched: 'sign',
  signed: 'handle',
  in_progress: 'handle',
  rework: 'handle',
  handled: 'verify',
  deferred: null,
  verified: null,
  closed: null,
  voided: null,
};

interface EventRow {
  case_id: string;
  seq: number;
  type: string;
  to_status: string | null;
  at: string;
  data: string;
}

/** One case's facts against its log: each fact column is what its last (or first) event of the kind says. */
function factProblems(c: Record<string, unknown>, events: EventRow[]): string[] {
  const last = (type: string) => events.filter((e) => e.type === type).at(-1);
  const first = (type: string) => events.find((e) => e.type === type);
  const dataOf = (e: EventRow | undefined) => (e ? (JSON.parse(e.data) as Record<string, unknown>) : {});
  const status = c.status as CivicCaseStatus;
  const expected: Record<string, unknown> = {
    received_on: shanghaiDay(Date.parse(events[0]?.at ?? '')),
    accepted_at: last('accept')?.at ?? null,
    dispatched_at: first('dispatch')?.at ?? null,
    dispatched_on: first('dispatch') ? shanghaiDay(Date.parse(first('dispatch')?.at ?? '')) : null,
    signed_at: last('sign')?.at ?? null,
    contacted_at: last('contact')?.at ?? null,
    handled_at: last('handle')?.at ?? null,
    verified_at: last('verify')?.at ?? null,
    closed_at: status === 'closed' ? (last('close')?.at ?? null) : null,
    rated_at: last('rate')?.at ?? null,
    rating: dataOf(last('rate')).rating ?? null,
    end_type: status === 'voided' ? 'voided' : status === 'closed' ? (dataOf(last('close')).endType ?? null) : null,
    void_reason: status === 'voided' ? (last('merge') ? 'duplicate' : (dataOf(last('void')).voidReason ?? null)) : null,
    step: STEP_OF[status],
    sign_on_time: last('sign') ? (dataOf(last('sign')).signOnTime ? 1 : 0) : null,
    handle_on_time: last('handle') ? (dataOf(last('handle')).handleOnTime ? 1 : 0) : null,
  };
  const problems = Object.entries(expected)
    .filter(([column, value]) => c[column] !== value)
    .map(([column, value]) => `${c.number} ${column}: ${String(c[column])} ≠ ${String(value)}`);
  if ((c.step === null) !== (c.deadline_at === null)) problems.push(`${c.number}: step and deadline disagree`);
  const seqs = events.map((e) => e.seq).join(',');
  if (seqs !== events.map((_, i) => i + 1).join(',')) problems.push(`${c.number}: event sequence ${seqs}`);
  if (events.some((e, i) => i > 0 && e.at < (events[i - 1]?.at ?? '')))
    problems.push(`${c.number}: events out of time`);
  return problems;
}

/** Every case's facts against its events (the whole small county is read into memory). */
export async function caseFactProblems(db: Db): Promise<string[]> {
  const cases = (await sql<Record<string, unknown>>`SELECT * FROM civic_case ORDER BY id`.execute(db)).rows;
  const events = await db
    .selectFrom('civic_case_event')
    .select(['case_id', 'seq', 'type', 'to_status', 'at', 'data'])
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  const byCase = new Map<string, EventRow[]>();
  for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), { ...e, seq: Number(e.seq) }]);
  return cases.flatMap((c) => factProblems(c, byCase.get(String(c.id)) ?? []));
}

/** The generator's working-day clock against the platform's, on seeded instants and limits over five years. */
export async function addMinutesCheck(db: Db): Promise<string[]> {
  const from = Date.parse('2021-01-01T00:00:00.000Z');
  const to = from + 6 * 366 * DAY_MS;
  const clock = await loadWorkClock(db, from, to + 400 * DAY_MS);
  const calendar = await loadWorkCalendar(db, '2020-12-31', shanghaiDay(to + 400 * DAY_MS));
  const random = seededRandom(11);
  const problems: string[] = [];
  for (let i = 0; i < 2000; i += 1) {
    const start = from + Math.floor(random.next() * (to - from));
    const minutes = random.pick([30, 120, 1440, 2880, 7 * 1440, 15 * 1440, random.int(1, 20_000)]);
    const ours = clock.addMinutes(start, minutes, 'workday');
    const theirs = addWorkingMinutes(new Date(start), minutes, 'workday', calendar).getTime();
    if (ours !== theirs) problems.push(`add ${minutes} from ${new Date(start).toISOString()}: ${ours} ≠ ${theirs}`);
    const end = start + random.int(1, 40) * DAY_MS + random.int(0, 1439) * MINUTE_MS;
    const between = workingMinutesBetween(new Date(start), new Date(end), 'workday', calendar);
    if (clock.minutesBetween(start, end, 'workday') !== between) problems.push(`between from ${start}: ${between}`);
  }
  return problems;
}
