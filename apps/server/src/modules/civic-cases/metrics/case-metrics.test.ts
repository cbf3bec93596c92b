import { type CaseCounts, DEFAULT_METRIC_SETTINGS, type MetricSettings } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { type CaseLog, countsFromEvents, ZERO_COUNTS } from './case-metrics.ts';
import { collectorScore, gradeOf, ratesOf, unitScore } from './case-rates.ts';
import { at, NOVEMBER, STORY } from './metrics-story.test-support.ts';
import { rankRows } from './rankings.query.ts';

const settings = DEFAULT_METRIC_SETTINGS;

const LOGS: CaseLog[] = STORY.map((s, i) => ({
  id: `case-${i + 1}`,
  categoryId: 'category',
  compoundId: s.compound === 'B' ? 'compound-b' : 'compound-a',
  gridId: s.compound === 'B' ? null : 'grid-a',
  communityId: s.compound === 'B' ? 'community-b' : 'community-a',
  unit: s.dispatched ? { kind: 'property_company', id: 'property-a' } : null,
  anonymous: s.anonymous ?? false,
  events: s.events,
}));

const counts = (overrides: Partial<CaseCounts>): CaseCounts => ({ ...ZERO_COUNTS, ...overrides });

describe('civic case counts from the event log', () => {
  it('counts November by the county rules, as counted by hand in the story', () => {
    expect(countsFromEvents(LOGS, { from: '2026-11-01', to: '2026-11-30' }, settings)).toEqual(NOVEMBER);
  });

  it('counts October: only C13 was received, accepted, dispatched and answered in time then', () => {
    // C13: signed 04:00 ≤ deadline 07:00, contacted 05:00 ≤ 07:00. Nothing was overdue by 31 October.
    expect(countsFromEvents(LOGS, { from: '2026-10-01', to: '2026-10-31' }, settings)).toEqual(
      counts({ received: 1, accepted: 1, dispatched: 1, responded: 1 }),
    );
  });

  it('counts December: C16 closed then (on time, resolved), nothing else happened', () => {
    // C11 is still overdue at the end of December: no step change followed its overdue event.
    expect(countsFromEvents(LOGS, { from: '2026-12-01', to: '2026-12-31' }, settings)).toEqual(
      counts({ closed: 1, closedResolved: 1, closedOnTime: 1, overdueOpen: 1 }),
    );
  });

  it('places an event by its Beijing day: 16:30 UTC on 31 October is 1 November', () => {
    const lastOfOctober = countsFromEvents(LOGS, { from: '2026-10-31', to: '2026-10-31' }, settings);
    const firstOfNovember = countsFromEvents(LOGS, { from: '2026-11-01', to: '2026-11-01' }, settings);
    expect(lastOfOctober.received).toBe(0);
    expect(firstOfNovember.received).toBe(1); // C14
  });

  it('judges overdue at the end of the period: raised and not yet followed by a new step', () => {
    // Beijing 15 November ends at 16:00 UTC: C11's overdue (16 Nov 03:00 UTC) has not happened yet.
    expect(countsFromEvents(LOGS, { from: '2026-11-01', to: '2026-11-15' }, settings).overdueOpen).toBe(0);
    // By the end of the 16th, C11 is overdue; C12 was overdue at 08:00 but signed (a new step) at 09:00.
    expect(countsFromEvents(LOGS, { from: '2026-11-01', to: '2026-11-16' }, settings).overdueOpen).toBe(1);
  });

  const single = (events: CaseLog['events']): CaseLog[] => [{ ...(LOGS[0] as CaseLog), events }];
  const e = (
    type: CaseLog['events'][number]['type'],
    when: string,
    from: string | null,
    to: string | null,
    more = {},
  ) => ({ type, at: at(when), from, to, deadline: null, onTime: null, data: {}, ...more }) as CaseLog['events'][number];

  it('judges the response of the unit that signed last: 改派 starts sign-for and the call back afresh', () => {
    const reassigned = [
      e('submit', '11-02 01', null, 'submitted'),
      e('accept', '11-02 02', 'submitted', 'accepted'),
      e('dispatch', '11-02 03', 'accepted', 'dispatched'),
      e('sign', '11-02 04', 'dispatched', 'signed', { deadline: at('11-02 07'), onTime: true }),
      e('contact', '11-02 05', 'signed', 'signed'),
      e('reassign', '11-02 06', 'signed', 'dispatched'),
      e('sign', '11-02 08', 'dispatched', 'signed', { deadline: at('11-02 10'), onTime: true }),
    ];
    const nov = { from: '2026-11-01', to: '2026-11-30' };
    // The first unit's call back does not answer for the second unit.
    expect(countsFromEvents(single(reassigned), nov, settings)).toMatchObject({ dispatched: 1, responded: 0 });
    const calledBack = [...reassigned, e('contact', '11-02 09', 'signed', 'signed')];
    expect(countsFromEvents(single(calledBack), nov, settings)).toMatchObject({ dispatched: 1, responded: 1 });
  });

  it('keeps a case overdue when a granted extension still leaves its deadline in the past', () => {
    const overdue = [
      e('submit', '11-02 01', null, 'submitted'),
      e('accept', '11-02 02', 'submitted', 'accepted'),
      e('dispatch', '11-02 03', 'accepted', 'dispatched'),
      e('sign', '11-02 04', 'dispatched', 'signed', { deadline: at('11-02 07'), onTime: true }),
      e('overdue', '11-12 04', 'signed', 'signed'),
    ];
    const grant = (deadline: string) =>
      e('decide_request', '11-13 04', 'signed', 'signed', {
        data: { grant: true, kind: 'extension', handleDeadlineAt: at(deadline) },
      });
    const nov = { from: '2026-11-01', to: '2026-11-30' };
    expect(countsFromEvents(single([...overdue, grant('11-12 09')]), nov, settings).overdueOpen).toBe(1);
    expect(countsFromEvents(single([...overdue, grant('11-20 09')]), nov, settings)).toMatchObject({
      overdueOpen: 0,
      extensions: 1,
    });
  });

  it('excludes the void reasons the county configured, and only those', () => {
    const period = { from: '2026-11-01', to: '2026-11-30' };
    expect(countsFromEvents(LOGS, period, { excludedVoidReasons: [] }).excluded).toBe(0);
    expect(countsFromEvents(LOGS, period, { excludedVoidReasons: ['insufficient'] }).excluded).toBe(1); // C6
    expect(countsFromEvents(LOGS, period, { excludedVoidReasons: ['duplicate', 'insufficient'] }).excluded).toBe(2);
  });

  it('counts nothing for an empty scope', () => {
    expect(countsFromEvents([], { from: '2026-11-01', to: '2026-11-30' }, settings)).toEqual(ZERO_COUNTS);
  });
});

describe('the 三率, composite score and grade', () => {
  it('rates November with the default weights 30/35/35 and 基本满意 at 0.8', () => {
    // response 6/11 = 0.5455; resolution 4/6 = 0.6667; satisfaction (3 + 0.8 × 2)/6 = 4.6/6 = 0.7667;
    // on-time closure 3/6 = 0.5; composite 30 × 6/11 + 35 × 4/6 + 35 × 4.6/6 = 16.3636 + 23.3333 + 26.8333 = 66.53 → D.
    expect(ratesOf(NOVEMBER, settings)).toEqual({
      responseRate: 0.5455,
      resolutionRate: 0.6667,
      satisfactionRate: 0.7667,
      onTimeClosureRate: 0.5,
      compositeScore: 66.53,
      grade: 'D',
    });
  });

  it('follows the configured 基本满意 weight', () => {
    const full: MetricSettings = { ...settings, basicallySatisfiedWeight: 1 };
    // (3 + 1 × 2)/6 = 0.8333
    expect(ratesOf(NOVEMBER, full).satisfactionRate).toBe(0.8333);
  });

  it('answers null, never 0 % or 100 %, for a rate with nothing to divide by', () => {
    expect(ratesOf(ZERO_COUNTS, settings)).toEqual({
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      onTimeClosureRate: null,
      compositeScore: null,
      grade: null,
    });
  });

  it('scores on the rates that exist, renormalising the weights', () => {
    // Only the response rate exists (nothing rated): 3/4 = 0.75 → 30 × 0.75 / 30 × 100 = 75 → C.
    const unrated = ratesOf(counts({ dispatched: 4, responded: 3 }), settings);
    expect(unrated).toMatchObject({ responseRate: 0.75, resolutionRate: null, compositeScore: 75, grade: 'C' });
    // Nothing dispatched, four rated: resolution 2/4 = 0.5, satisfaction (2 + 0.8 × 2)/4 = 0.9;
    // (35 × 0.5 + 35 × 0.9) / 70 × 100 = 70 → C.
    const rated = ratesOf(counts({ rated: 4, ratedResolved: 2, satisfied: 2, basicallySatisfied: 2 }), settings);
    expect(rated).toMatchObject({ responseRate: null, resolutionRate: 0.5, satisfactionRate: 0.9, compositeScore: 70 });
    expect(rated.grade).toBe('C');
  });

  it('scores null when every present rate weighs nothing', () => {
    const noResponseWeight: MetricSettings = {
      ...settings,
      weights: { response: 0, resolution: 50, satisfaction: 50 },
    };
    expect(ratesOf(counts({ dispatched: 4, responded: 3 }), noResponseWeight).compositeScore).toBeNull();
  });

  it('grades on the floors: a floor itself belongs to the grade above it', () => {
    const floors = settings.gradeFloors;
    expect([100, 90, 89.99, 80, 79.99, 70, 69.99, 60, 59.99, 0].map((s) => gradeOf(s, floors))).toEqual([
      'A',
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
      'D',
      'E',
      'E',
    ]);
    expect(gradeOf(null, floors)).toBeNull();
    expect(gradeOf(85, { A: 85, B: 75, C: 65, D: 50 })).toBe('A');
  });

  it('grades a composite of exactly 80 as B despite floating-point arithmetic', () => {
    // 30 × 18/19 + 35 × 14/19 + 35 × 14/19 = 1520/19 = 80, which floating point makes 79.99999999999999 (C);
    // the score is rounded to two decimals before grading.
    const c = counts({ dispatched: 19, responded: 18, rated: 19, ratedResolved: 14, satisfied: 14, dissatisfied: 5 });
    expect(ratesOf(c, settings)).toMatchObject({ compositeScore: 80, grade: 'B' });
  });
});

describe('role scores (GB/T 30428.4)', () => {
  it('scores a handling unit on the three rates', () => {
    expect(unitScore(NOVEMBER, settings)).toEqual({ role: 'unit', score: 66.53, grade: 'D' });
  });

  it('scores a collector on its valid-report rate (60) and its cases’ response rate (40)', () => {
    // valid 12/15 = 0.8; response 6/11; (60 × 0.8 + 40 × 6/11) / 100 × 100 = 48 + 21.8182 = 69.82 → D.
    expect(collectorScore(NOVEMBER, settings)).toEqual({
      role: 'collector',
      score: 69.82,
      grade: 'D',
      validReportRate: 0.8,
    });
  });

  it('caps the valid-report rate at 1 and scores nothing without reports or dispatches', () => {
    // Five accepted this month of four received (one from last month): 1 → 100 on that part alone.
    expect(collectorScore(counts({ received: 4, accepted: 5 }), settings)).toMatchObject({
      score: 100,
      validReportRate: 1,
    });
    expect(collectorScore(ZERO_COUNTS, settings)).toMatchObject({ score: null, grade: null, validReportRate: null });
  });
});

describe('ranking rows', () => {
  const row = (id: string, name: string, compositeScore: number | null) => ({
    id,
    name,
    unit: null,
    counts: ZERO_COUNTS,
    rates: { ...ratesOf(ZERO_COUNTS, settings), compositeScore },
  });

  it('ranks by composite score, shares a rank on a tie, and puts unscored rows last without a rank', () => {
    const ranked = rankRows([
      row('a', '甲', 80),
      row('b', '乙', null),
      row('c', '丙', 90),
      row('d', '丁', 90),
      row('e', '戊', 70),
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['c', 1],
      ['d', 1],
      ['a', 3],
      ['e', 4],
      ['b', null],
    ]);
  });
});
