import type { CivicCaseEventType, CivicCaseStatus, Rating } from '@linli/contracts';
import type { Insertable } from 'kysely';
import type { CivicCaseTable } from '../../../db/schema-civic.ts';
import type { CaseEventFact } from './case-metrics.ts';

/**
 * A month of 民情 in 金碧花园 (and one case in 龙泉苑), told twice: as the event log the workflow appends, and as
 * the fact columns it keeps on each case row. The metrics tests count November 2026 from both and expect the
 * hand-counted answers in `NOVEMBER`. Instants are UTC; Asia/Shanghai is eight hours ahead.
 */

type Facts = Partial<Insertable<CivicCaseTable>>;

export interface StoryCase {
  name: string;
  status: CivicCaseStatus;
  anonymous?: boolean;
  compound?: 'A' | 'B';
  /** Dispatched to 金碧花园's property company (the default once dispatched) or not dispatched at all. */
  dispatched: boolean;
  events: CaseEventFact[];
  /** The fact columns the workflow would have set, beyond status, unit and received_on. */
  facts: Facts;
}

/** `2026-MM-DDTHH:00:00.000Z` from "MM-DD HH". */
export const at = (when: string): string => {
  const [day = '', hour = '00'] = when.split(' ');
  return `2026-${day}T${hour.padStart(2, '0')}:00:00.000Z`;
};

interface EventOptions {
  deadline?: string;
  onTime?: boolean;
  data?: Record<string, unknown>;
}

const ev = (
  type: CivicCaseEventType,
  when: string,
  from: CivicCaseStatus | null,
  to: CivicCaseStatus | null,
  options: EventOptions = {},
): CaseEventFact => ({
  type,
  from,
  to,
  at: when.includes('T') ? when : at(when),
  deadline: options.deadline ? at(options.deadline) : null,
  onTime: options.onTime ?? null,
  data: options.data ?? {},
});

/** submit → accept → dispatch on one day, at 01, 02 and 03 o'clock. */
const intake = (day: string): CaseEventFact[] => [
  ev('submit', `${day} 01`, null, 'submitted'),
  ev('accept', `${day} 02`, 'submitted', 'accepted'),
  ev('dispatch', `${day} 03`, 'accepted', 'dispatched'),
];
const sign = (when: string, deadline: string, onTime: boolean) =>
  ev('sign', when, 'dispatched', 'signed', { deadline, onTime });
const contact = (when: string, status: CivicCaseStatus = 'signed') => ev('contact', when, status, status);
const start = (when: string) => ev('start', when, 'signed', 'in_progress');
const handle = (when: string, onTime: boolean, from: CivicCaseStatus = 'in_progress') =>
  ev('handle', when, from, 'handled', { deadline: '11-30 00', onTime });
const verify = (when: string) => ev('verify', when, 'handled', 'verified');
const close = (when: string, endType: 'resolved' | 'unresolved') =>
  ev('close', when, 'verified', 'closed', { data: { endType } });
const rate = (when: string, resolved: boolean, rating: Rating) =>
  ev('rate', when, 'closed', 'closed', { data: { resolved, rating } });

/** The day part of an instant, as the `*_on` columns hold it (all story times are before 16:00 UTC). */
const dayOf = (instant: string): string => instant.slice(0, 10);
const closedFacts = (closedAt: string, endType: 'resolved' | 'unresolved', handleOnTime: 0 | 1): Facts => ({
  closed_at: at(closedAt),
  closed_on: dayOf(at(closedAt)),
  end_type: endType,
  handle_on_time: handleOnTime,
});
const ratedFacts = (ratedAt: string, resolved: 0 | 1, rating: Rating): Facts => ({
  rated_at: at(ratedAt),
  rated_on: dayOf(at(ratedAt)),
  rating_resolved: resolved,
  rating,
  rated_by_reporter: 1,
});
const dispatchedFacts = (day: string, signOnTime: 0 | 1 | null, responded: 0 | 1 | null): Facts => ({
  accepted_at: at(`${day} 02`),
  dispatched_at: at(`${day} 03`),
  dispatched_on: `2026-${day}`,
  sign_on_time: signOnTime,
  responded,
});

export const STORY: StoryCase[] = [
  {
    name: 'C1 signed on time, contacted, resolved, satisfied',
    status: 'closed',
    dispatched: true,
    events: [
      ...intake('11-02'),
      sign('11-02 04', '11-02 07', true),
      contact('11-02 05'),
      start('11-02 06'),
      handle('11-04 02', true),
      verify('11-04 05'),
      close('11-04 06', 'resolved'),
      rate('11-05 02', true, 'satisfied'),
    ],
    facts: {
      ...dispatchedFacts('11-02', 1, 1),
      ...closedFacts('11-04 06', 'resolved', 1),
      ...ratedFacts('11-05 02', 1, 'satisfied'),
    },
  },
  {
    name: 'C2 signed late, handled late, resolved, basically satisfied',
    status: 'closed',
    dispatched: true,
    events: [
      ...intake('11-03'),
      sign('11-03 09', '11-03 07', false),
      contact('11-03 10'),
      start('11-03 11'),
      handle('11-12 02', false),
      verify('11-12 05'),
      close('11-12 06', 'resolved'),
      rate('11-13 02', true, 'basically_satisfied'),
    ],
    facts: {
      ...dispatchedFacts('11-03', 0, 0),
      ...closedFacts('11-12 06', 'resolved', 0),
      ...ratedFacts('11-13 02', 1, 'basically_satisfied'),
    },
  },
  {
    name: 'C3 signed on time but contacted after the sign deadline; closed unresolved',
    status: 'closed',
    dispatched: true,
    events: [
      ...intake('11-05'),
      sign('11-05 04', '11-05 07', true),
      contact('11-05 08'),
      start('11-05 09'),
      handle('11-06 02', true),
      verify('11-06 05'),
      close('11-06 06', 'unresolved'),
      rate('11-07 02', false, 'basically_satisfied'),
    ],
    facts: {
      ...dispatchedFacts('11-05', 1, 0),
      ...closedFacts('11-06 06', 'unresolved', 1),
      ...ratedFacts('11-07 02', 0, 'basically_satisfied'),
    },
  },
  {
    name: 'C4 anonymous: signed on time, nobody to contact, resolved, not rated',
    status: 'closed',
    anonymous: true,
    dispatched: true,
    events: [
      ...intake('11-06'),
      sign('11-06 04', '11-06 07', true),
      start('11-06 05'),
      handle('11-07 02', true),
      verify('11-07 05'),
      close('11-07 06', 'resolved'),
    ],
    facts: { ...dispatchedFacts('11-06', 1, 1), ...closedFacts('11-07 06', 'resolved', 1) },
  },
  {
    name: 'C5 merged into another case: a duplicate (excluded)',
    status: 'voided',
    dispatched: false,
    events: [ev('submit', '11-08 01', null, 'submitted'), ev('merge', '11-08 02', 'submitted', 'voided')],
    facts: { end_type: 'voided', void_reason: 'duplicate', excluded: 1 },
  },
  {
    name: 'C6 voided as insufficient (not excluded)',
    status: 'voided',
    dispatched: false,
    events: [
      ev('submit', '11-08 03', null, 'submitted'),
      ev('void', '11-08 04', 'submitted', 'voided', { data: { voidReason: 'insufficient' } }),
    ],
    facts: { end_type: 'voided', void_reason: 'insufficient', excluded: 0 },
  },
  {
    name: 'C7 sent back by the verifier (rework), handled again late, resolved, satisfied',
    status: 'closed',
    dispatched: true,
    events: [
      ...intake('11-09'),
      sign('11-09 04', '11-09 07', true),
      contact('11-09 05'),
      start('11-09 06'),
      handle('11-10 02', true),
      ev('reject', '11-10 05', 'handled', 'rework'),
      handle('11-20 02', false, 'rework'),
      verify('11-20 05'),
      close('11-20 06', 'resolved'),
      rate('11-21 02', true, 'satisfied'),
    ],
    facts: {
      ...dispatchedFacts('11-09', 1, 1),
      ...closedFacts('11-20 06', 'resolved', 0),
      ...ratedFacts('11-21 02', 1, 'satisfied'),
      rework_count: 1,
    },
  },
  {
    name: 'C8 a report merged into it, an extension granted, a second refused; handled, not closed',
    status: 'handled',
    dispatched: true,
    events: [
      ...intake('11-10'),
      sign('11-10 04', '11-10 07', true),
      contact('11-10 06'),
      start('11-10 07'),
      // Another report was merged into this one: the survivor's own `merge` event voids nothing.
      ev('merge', '11-10 08', 'in_progress', 'in_progress', { data: { mergedCaseId: 'C5' } }),
      ev('request_extension', '11-11 02', 'in_progress', 'in_progress', { data: { extraMinutes: 1440 } }),
      ev('decide_request', '11-11 03', 'in_progress', 'in_progress', { data: { grant: true, kind: 'extension' } }),
      ev('request_extension', '11-12 02', 'in_progress', 'in_progress', { data: { extraMinutes: 1440 } }),
      ev('decide_request', '11-12 03', 'in_progress', 'in_progress', { data: { grant: false, kind: 'extension' } }),
      handle('11-13 02', true),
    ],
    facts: { ...dispatchedFacts('11-10', 1, 1), handle_on_time: 1, extension_count: 1 },
  },
  {
    name: 'C9 signed on time but the reporter never contacted; deferral granted (挂账)',
    status: 'deferred',
    dispatched: true,
    events: [
      ...intake('11-11'),
      sign('11-11 04', '11-11 07', true),
      start('11-11 05'),
      ev('request_deferral', '11-12 02', 'in_progress', 'in_progress', { data: { deferUntil: '2027-03-01' } }),
      ev('decide_request', '11-12 04', 'in_progress', 'deferred', { data: { grant: true, kind: 'deferral' } }),
    ],
    facts: { ...dispatchedFacts('11-11', 1, 0), deferral_count: 1, deferred_until: '2027-03-01' },
  },
  {
    name: 'C10 closed resolved, rated dissatisfied, so reopened (rework)',
    status: 'rework',
    dispatched: true,
    events: [
      ...intake('11-12'),
      sign('11-12 04', '11-12 07', true),
      contact('11-12 05'),
      start('11-12 06'),
      handle('11-13 02', true),
      verify('11-13 05'),
      close('11-13 06', 'resolved'),
      rate('11-14 02', false, 'dissatisfied'),
      ev('reopen', '11-14 03', 'closed', 'rework'),
    ],
    facts: {
      ...dispatchedFacts('11-12', 1, 1),
      ...closedFacts('11-13 06', 'resolved', 1),
      ...ratedFacts('11-14 02', 0, 'dissatisfied'),
      rework_count: 1,
      reopen_count: 1,
    },
  },
  {
    name: 'C11 dispatched, never signed: overdue',
    status: 'dispatched',
    dispatched: true,
    events: [...intake('11-15'), ev('overdue', '11-16 03', 'dispatched', 'dispatched', { data: { step: 'sign' } })],
    facts: { ...dispatchedFacts('11-15', null, null), overdue: 1, step: 'sign', deadline_at: at('11-15 07') },
  },
  {
    name: 'C12 overdue, then signed late (a new step, so no longer overdue)',
    status: 'signed',
    dispatched: true,
    events: [
      ...intake('11-16'),
      ev('overdue', '11-16 08', 'dispatched', 'dispatched', { data: { step: 'sign' } }),
      sign('11-16 09', '11-16 07', false),
    ],
    facts: { ...dispatchedFacts('11-16', 0, 0), overdue: 0, step: 'handle', deadline_at: at('11-23 09') },
  },
  {
    name: 'C13 received and dispatched in October, closed and rated in November',
    status: 'closed',
    dispatched: true,
    events: [
      ...intake('10-20'),
      sign('10-20 04', '10-20 07', true),
      contact('10-20 05'),
      start('10-20 06'),
      handle('11-02 02', false),
      verify('11-02 05'),
      close('11-02 06', 'resolved'),
      rate('11-03 02', true, 'satisfied'),
    ],
    facts: {
      ...dispatchedFacts('10-20', 1, 1),
      ...closedFacts('11-02 06', 'resolved', 0),
      ...ratedFacts('11-03 02', 1, 'satisfied'),
    },
  },
  {
    name: 'C14 reported at 00:30 on 1 November Beijing time (16:30 UTC the day before), waiting',
    status: 'submitted',
    dispatched: false,
    events: [ev('submit', '2026-10-31T16:30:00.000Z', null, 'submitted')],
    facts: {},
  },
  {
    name: 'C15 in 龙泉苑 (another town): accepted only',
    status: 'accepted',
    compound: 'B',
    dispatched: false,
    events: [ev('submit', '11-18 01', null, 'submitted'), ev('accept', '11-18 02', 'submitted', 'accepted')],
    facts: { accepted_at: at('11-18 02') },
  },
  {
    name: 'C16 dispatched in November, closed in December',
    status: 'closed',
    dispatched: true,
    events: [
      ...intake('11-25'),
      sign('11-25 04', '11-25 07', true),
      contact('11-25 05'),
      start('11-25 06'),
      handle('12-02 02', true),
      verify('12-02 05'),
      close('12-02 06', 'resolved'),
    ],
    facts: { ...dispatchedFacts('11-25', 1, 1), ...closedFacts('12-02 06', 'resolved', 1) },
  },
];

/**
 * November 2026 over the whole county, counted by hand from the story:
 * - received 15: every case but C13 (October); C14 counts, its 16:30 UTC is 00:30 on 1 November in Beijing.
 * - accepted 12: C1–C4, C7–C12, C15, C16 (C5, C6 voided at intake, C13 in October, C14 waiting).
 * - voided 2 (C5 merged, C6 void), excluded 1 (C5: duplicates are excluded by default, insufficient is not).
 * - dispatched 11: C1–C4, C7–C12, C16; responded 6: C1, C4 (anonymous), C7, C8, C10, C16 — not C2 (late sign),
 *   C3 (contacted after the sign deadline), C9 (never contacted), C11 (never signed), C12 (late sign).
 * - closed 6: C1, C2, C3, C4, C7, C13 (C10 was reopened; C16 closed in December); closedResolved 5 (all but C3);
 *   closedOnTime 3: C1, C3, C4 (C2's handle was late, C7's second handle was late, C13's handle was late).
 * - rework 2 (C7 reject, C10 reopen); extensions 1 (C8's refused request does not count); deferrals 1 (C9).
 * - rated 6: C1, C2, C3, C7, C10, C13; ratedResolved 4 (C1, C2, C7, C13); satisfied 3 (C1, C7, C13),
 *   basically 2 (C2, C3), dissatisfied 1 (C10).
 * - overdueOpen 1: C11 (C12 was signed after its overdue event).
 */
export const NOVEMBER = {
  received: 15,
  accepted: 12,
  voided: 2,
  excluded: 1,
  dispatched: 11,
  responded: 6,
  closed: 6,
  closedResolved: 5,
  closedOnTime: 3,
  rework: 2,
  extensions: 1,
  deferrals: 1,
  rated: 6,
  ratedResolved: 4,
  satisfied: 3,
  basicallySatisfied: 2,
  dissatisfied: 1,
  overdueOpen: 1,
};
