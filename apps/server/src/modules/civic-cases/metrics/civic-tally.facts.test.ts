import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseFacts,
  compoundPathOf,
  eventFacts,
  type TallyCaseRow,
  type TallyCell,
  type TallyEvent,
  tallyChange,
} from './civic-tally.facts.ts';
import { tallyRanges } from './civic-tally.read.ts';

const COMPOUND = 'c0c0';
const BASE: TallyCaseRow = {
  id: 'case-1',
  compound_id: COMPOUND,
  category_id: 'cat-a',
  community_id: 'community',
  path: `/county/town/community/${COMPOUND}/grid/`,
  status: 'submitted',
  void_reason: null,
  received_on: '2026-11-02',
  accepted_at: null,
  dispatched_on: null,
  responded: null,
  closed_on: null,
  end_type: null,
  handle_on_time: null,
  rated_on: null,
  rating: null,
  rating_resolved: null,
};

const CLOSED_AND_RATED: TallyCaseRow = {
  ...BASE,
  status: 'closed',
  // 16:30 UTC on 2 November is 00:30 on 3 November in Shanghai.
  accepted_at: '2026-11-02T16:30:00.000Z',
  dispatched_on: '2026-11-03',
  responded: 1,
  closed_on: '2026-11-20',
  end_type: 'resolved',
  handle_on_time: 1,
  rated_on: '2026-12-01',
  rating: 'basically_satisfied',
  rating_resolved: 1,
};

const event = (type: string, at: string, to: string | null = null, data: Record<string, unknown> = {}): TallyEvent => ({
  type,
  to,
  at,
  data,
});

/** The cells as `{ 'grain bucket category': { column: n } }`, for readable expectations. */
const table = (cells: TallyCell[]) =>
  Object.fromEntries(cells.map((c) => [`${c.grain} ${c.bucket} ${c.category_id}`, c.deltas]));

describe('the facts the 民情 tally counts', () => {
  it('reads each fact of a case row on its own Shanghai day', () => {
    expect(caseFacts(CLOSED_AND_RATED)).toEqual([
      { day: '2026-11-02', column: 'received' },
      { day: '2026-11-03', column: 'accepted' },
      { day: '2026-11-03', column: 'dispatched' },
      { day: '2026-11-03', column: 'responded' },
      { day: '2026-11-20', column: 'closed' },
      { day: '2026-11-20', column: 'closed_resolved' },
      { day: '2026-11-20', column: 'closed_on_time' },
      { day: '2026-12-01', column: 'rated' },
      { day: '2026-12-01', column: 'rated_resolved' },
      { day: '2026-12-01', column: 'basically_satisfied' },
    ]);
  });

  it('counts a case closed only while it is closed, and keeps its rating and dispatch after a reopen', () => {
    const reopened = { ...CLOSED_AND_RATED, status: 'rework' as const };
    const columns = caseFacts(reopened).map((f) => f.column);
    expect(columns).not.toContain('closed');
    expect(columns).toEqual(expect.arrayContaining(['dispatched', 'responded', 'rated', 'rated_resolved']));
  });

  it('counts rework, voids by the case’s reason (a merge is a duplicate) and granted requests from events', () => {
    const at = '2026-11-30T17:00:00.000Z'; // 1 December in Shanghai
    expect(eventFacts(event('reject', at, 'rework'), null)).toEqual([{ day: '2026-12-01', column: 'rework' }]);
    expect(eventFacts(event('reopen', at, 'rework'), null)).toEqual([{ day: '2026-12-01', column: 'rework' }]);
    expect(eventFacts(event('void', at, 'voided'), 'out_of_scope')).toEqual([
      { day: '2026-12-01', column: 'voided_out_of_scope' },
    ]);
    expect(eventFacts(event('merge', at, 'voided'), null)).toEqual([{ day: '2026-12-01', column: 'voided_duplicate' }]);
    const granted = (kind: string, grant: unknown) =>
      eventFacts(event('decide_request', at, null, { grant, kind }), null);
    expect(granted('extension', true)).toEqual([{ day: '2026-12-01', column: 'extensions' }]);
    expect(granted('deferral', true)).toEqual([{ day: '2026-12-01', column: 'deferrals' }]);
    // As the SQL reads JSON data: the text 'true' grants too.
    expect(granted('deferral', 'true')).toEqual([{ day: '2026-12-01', column: 'deferrals' }]);
  });

  it('counts nothing for the survivor of a merge, a refused request or any other event', () => {
    const at = '2026-11-10T02:00:00.000Z';
    expect(eventFacts(event('merge', at, 'in_progress'), null)).toEqual([]);
    expect(eventFacts(event('decide_request', at, null, { grant: false, kind: 'extension' }), null)).toEqual([]);
    for (const type of ['submit', 'accept', 'dispatch', 'sign', 'overdue', 'supervise', 'comment', 'follow']) {
      expect(eventFacts(event(type, at, 'dispatched'), 'duplicate'), type).toEqual([]);
    }
  });

  it('files a case under its compound’s path, one level above a grid', () => {
    expect(compoundPathOf(`/a/b/${COMPOUND}/grid/`, COMPOUND)).toBe(`/a/b/${COMPOUND}/`);
    expect(compoundPathOf(`/a/b/${COMPOUND}/`, COMPOUND)).toBe(`/a/b/${COMPOUND}/`);
  });
});

describe('a change of a case, filed as a difference', () => {
  it('counts a new case received on its day and in its month', () => {
    const cells = tallyChange(null, BASE, { earlier: [], appended: [] });
    expect(table(cells)).toEqual({
      'day 2026-11-02 cat-a': { received: 1 },
      'month 2026-11 cat-a': { received: 1 },
    });
    expect(cells[0]).toMatchObject({
      compound_id: COMPOUND,
      community_id: 'community',
      path: `/county/town/community/${COMPOUND}/`,
    });
  });

  it('takes the closure back and adds the rework when a dissatisfied rating reopens the case', () => {
    const closed = { ...CLOSED_AND_RATED, rated_on: null, rating: null, rating_resolved: null };
    const reopened = {
      ...CLOSED_AND_RATED,
      status: 'rework' as const,
      closed_on: null,
      end_type: null,
      rating: 'dissatisfied' as const,
      rating_resolved: 0,
    };
    const reopen = event('reopen', '2026-12-01T02:00:00.000Z', 'rework');
    expect(table(tallyChange(closed, reopened, { earlier: [], appended: [reopen] }))).toEqual({
      'day 2026-11-20 cat-a': { closed: -1, closed_resolved: -1, closed_on_time: -1 },
      'day 2026-12-01 cat-a': { rated: 1, dissatisfied: 1, rework: 1 },
      'month 2026-11 cat-a': { closed: -1, closed_resolved: -1, closed_on_time: -1 },
      'month 2026-12 cat-a': { rated: 1, dissatisfied: 1, rework: 1 },
    });
  });

  it('moves everything the case ever counted, its earlier events too, when its category is corrected', () => {
    const moved = { ...CLOSED_AND_RATED, category_id: 'cat-b' };
    const earlier = [event('reject', '2026-11-10T02:00:00.000Z', 'rework')];
    const cells = table(tallyChange(CLOSED_AND_RATED, moved, { earlier, appended: [] }));
    expect(cells['month 2026-11 cat-a']).toMatchObject({ received: -1, rework: -1, closed: -1 });
    expect(cells['month 2026-11 cat-b']).toMatchObject({ received: 1, rework: 1, closed: 1 });
    expect(cells['day 2026-12-01 cat-b']).toEqual({ rated: 1, rated_resolved: 1, basically_satisfied: 1 });
  });

  it('writes nothing for a step that changes no fact, and sorts the rows it writes by key', () => {
    expect(tallyChange(BASE, { ...BASE, status: 'triaged' }, { earlier: [], appended: [] })).toEqual([]);
    const keys = tallyChange(null, CLOSED_AND_RATED, { earlier: [], appended: [] }).map(
      (c) => `${c.grain}|${c.bucket}|${c.compound_id}|${c.category_id}`,
    );
    expect(keys).toEqual([...keys].sort());
  });

  const sumCells = (...changes: TallyCell[][]) => {
    const sums = new Map<string, number>();
    for (const cell of changes.flat()) {
      for (const [column, n] of Object.entries(cell.deltas)) {
        const key = `${cell.grain} ${cell.bucket} ${cell.compound_id} ${cell.category_id} ${column}`;
        sums.set(key, (sums.get(key) ?? 0) + n);
      }
    }
    return new Map([...sums].filter(([, n]) => n !== 0));
  };

  it('composes: creating a case and then changing it counts what creating the changed case counts', () => {
    const day = fc.constantFrom('2026-10-31', '2026-11-01', '2026-11-15', '2026-12-01');
    const instant = fc.constantFrom('2026-10-31T15:59:00.000Z', '2026-10-31T16:00:00.000Z', '2026-11-15T03:00:00.000Z');
    const flag = fc.constantFrom(0, 1, null);
    const row = fc.record({
      category_id: fc.constantFrom('cat-a', 'cat-b'),
      status: fc.constantFrom('closed' as const, 'rework' as const, 'voided' as const),
      void_reason: fc.constantFrom(null, 'duplicate' as const, 'referred' as const),
      received_on: day,
      accepted_at: fc.option(instant),
      dispatched_on: fc.option(day),
      responded: flag,
      closed_on: fc.option(day),
      end_type: fc.constantFrom(null, 'resolved' as const, 'unresolved' as const),
      handle_on_time: flag,
      rated_on: fc.option(day),
      rating: fc.constantFrom(null, 'satisfied' as const, 'dissatisfied' as const),
      rating_resolved: flag,
    });
    const anEvent = fc.record({
      type: fc.constantFrom('reject', 'void', 'merge', 'decide_request', 'comment'),
      to: fc.constantFrom('voided', 'rework', null),
      at: instant,
      data: fc.record({ grant: fc.boolean(), kind: fc.constantFrom('extension', 'deferral') }),
    });
    fc.assert(
      fc.property(
        row,
        row,
        fc.array(anEvent, { maxLength: 3 }),
        fc.array(anEvent, { maxLength: 2 }),
        (a, b, earlier, appended) => {
          const before = { ...BASE, ...a };
          const after = { ...BASE, ...b };
          const created = tallyChange(null, before, { earlier: [], appended: earlier });
          const changed = tallyChange(before, after, { earlier, appended });
          const direct = tallyChange(null, after, { earlier: [], appended: [...earlier, ...appended] });
          expect(sumCells(created, changed)).toEqual(sumCells(direct));
        },
      ),
      { seed: 20261130, numRuns: 300 },
    );
  });
});

describe('the buckets a period reads', () => {
  it('reads whole months from month rows and the partial months at the ends from day rows', () => {
    expect(tallyRanges({ from: '2026-01-01', to: '2026-12-31' })).toEqual([
      { grain: 'month', from: '2026-01', to: '2026-12' },
    ]);
    expect(tallyRanges({ from: '2026-10-15', to: '2027-02-10' })).toEqual([
      { grain: 'day', from: '2026-10-15', to: '2026-10-31' },
      { grain: 'month', from: '2026-11', to: '2027-01' },
      { grain: 'day', from: '2027-02-01', to: '2027-02-10' },
    ]);
    expect(tallyRanges({ from: '2026-02-01', to: '2026-02-28' })).toEqual([
      { grain: 'month', from: '2026-02', to: '2026-02' },
    ]);
  });

  it('reads only day rows for a period without a whole month in it', () => {
    expect(tallyRanges({ from: '2026-11-12', to: '2026-11-12' })).toEqual([
      { grain: 'day', from: '2026-11-12', to: '2026-11-12' },
    ]);
    expect(tallyRanges({ from: '2026-11-15', to: '2026-12-10' })).toEqual([
      { grain: 'day', from: '2026-11-15', to: '2026-12-10' },
    ]);
    expect(tallyRanges({ from: '2024-02-02', to: '2024-02-29' })).toEqual([
      { grain: 'day', from: '2024-02-02', to: '2024-02-29' },
    ]);
  });
});
