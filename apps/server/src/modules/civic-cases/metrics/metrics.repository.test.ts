import { DEFAULT_METRIC_SETTINGS } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/harness.ts';
import { pathStartsWith } from '../../../platform/sql-helpers.ts';
import { type CivicCounty, setupCivicTest } from '../civic-cases.test-support.ts';
import { addCounts, type CaseLog, countsFromEvents, type MetricsPeriod, ZERO_COUNTS } from './case-metrics.ts';
import { countsByGroup, type MetricsGrouping, receivedByStatus } from './metrics.repository.ts';
import { insertStory, readLogs } from './metrics.test-support.ts';
import { monthPeriod } from './metrics-period.ts';
import { NOVEMBER } from './metrics-story.test-support.ts';
import { overdueOpenCount } from './overdue.repository.ts';

const settings = DEFAULT_METRIC_SETTINGS;
const NOV: MetricsPeriod = { from: '2026-11-01', to: '2026-11-30' };

describe('civic metrics in SQL equal the counts from the event log', () => {
  let t: TestApp;
  let county: CivicCounty;
  let logs: CaseLog[];

  beforeAll(async () => {
    ({ t, county } = await setupCivicTest());
    await insertStory(t, county);
    logs = await readLogs(t);
  });
  afterAll(() => t.close());

  const sqlCounts = (path: string, period: MetricsPeriod, grouping: MetricsGrouping) =>
    countsByGroup(t.platform.db, t.platform.dialect, {
      scope: pathStartsWith('c.path', path),
      period,
      settings,
      grouping,
    });

  it('counts the county’s November from the rows exactly as from the events read back, and as by hand', async () => {
    const [total, ...rest] = await sqlCounts(county.county.path, NOV, 'none');
    expect(rest).toEqual([]);
    expect(total?.counts).toEqual(countsFromEvents(logs, NOV, settings));
    expect(total?.counts).toEqual(NOVEMBER);
  });

  it('leaves out what lies outside the scope: 金碧花园 has everything but 龙泉苑’s case', async () => {
    const [compoundA] = await sqlCounts(county.compoundA.path, NOV, 'none');
    const inA = logs.filter((l) => l.compoundId === county.compoundA.id);
    expect(compoundA?.counts).toEqual(countsFromEvents(inA, NOV, settings));
    expect(compoundA?.counts).toMatchObject({ received: NOVEMBER.received - 1, accepted: NOVEMBER.accepted - 1 });
  });

  it('follows the county’s exclusions in SQL too', async () => {
    const insufficient = { ...settings, excludedVoidReasons: ['insufficient' as const] };
    const none = { ...settings, excludedVoidReasons: [] };
    for (const s of [insufficient, none]) {
      const [total] = await countsByGroup(t.platform.db, t.platform.dialect, {
        scope: pathStartsWith('c.path', county.county.path),
        period: NOV,
        settings: s,
        grouping: 'none',
      });
      expect(total?.counts.excluded).toBe(countsFromEvents(logs, NOV, s).excluded);
    }
  });

  it('puts each fact in the month of its own date, so each month’s row equals that month counted alone', async () => {
    const quarter = { from: '2026-10-01', to: '2026-12-31' };
    const rows = await sqlCounts(county.county.path, quarter, 'month');
    expect(rows.map((r) => r.key).sort()).toEqual(['2026-10', '2026-11', '2026-12']);
    for (const row of rows) {
      const expected = countsFromEvents(logs, monthPeriod(row.key ?? ''), settings);
      // The backlog belongs to the totals only: the rows keep no history of the overdue flag.
      expect(row.counts).toEqual({ ...expected, overdueOpen: 0 });
    }
  });

  it('adds the months up to the totals, all but the backlog, which belongs to no month', async () => {
    const quarter = { from: '2026-10-01', to: '2026-12-31' };
    const [total] = await sqlCounts(county.county.path, quarter, 'none');
    const months = await sqlCounts(county.county.path, quarter, 'month');
    const summed = months.reduce((sum, m) => addCounts(sum, m.counts), ZERO_COUNTS);
    const overdueOpen = await overdueOpenCount(t.platform.db, pathStartsWith('c.path', county.county.path));
    expect({ ...summed, overdueOpen }).toEqual(total?.counts);
    expect(overdueOpen).toBe(1);
  });

  it('groups by compound, community, grid and unit with the same answers as the logs of each group', async () => {
    const groupings: Array<[MetricsGrouping, (l: CaseLog) => string | null]> = [
      ['compound', (l) => l.compoundId],
      ['community', (l) => l.communityId],
      ['grid', (l) => l.gridId],
      ['unit', (l) => (l.unit ? `${l.unit.kind}:${l.unit.id}` : null)],
    ];
    for (const [grouping, keyOf] of groupings) {
      const rows = await sqlCounts(county.county.path, NOV, grouping);
      const keys = [...new Set(logs.map(keyOf))];
      expect(rows.map((r) => r.key).sort()).toEqual(keys.sort());
      for (const row of rows) {
        expect(row.counts, `${grouping} ${row.key}`).toEqual(
          countsFromEvents(
            logs.filter((l) => keyOf(l) === row.key),
            NOV,
            settings,
          ),
        );
      }
    }
  });

  it('groups by category with what the console shows of it: the received and closed families only', async () => {
    const rows = await sqlCounts(county.county.path, NOV, 'category');
    expect(rows).toHaveLength(1);
    const all = countsFromEvents(logs, NOV, settings);
    const { received, closed, closedResolved, closedOnTime } = all;
    expect(rows[0]?.counts).toEqual({ ...ZERO_COUNTS, received, closed, closedResolved, closedOnTime });
  });

  it('names the unit as the cases carry it', async () => {
    const rows = await sqlCounts(county.county.path, NOV, 'unit');
    expect(rows.find((r) => r.key === `property_company:${county.propertyCompanyA}`)?.label).toBe(
      '金碧物业服务有限公司',
    );
  });

  it('counts the period’s received cases by their status now', async () => {
    const rows = await receivedByStatus(t.platform.db, {
      scope: pathStartsWith('c.path', county.county.path),
      period: NOV,
    });
    // C1–C4 closed, C16 closed (received in November); C5, C6 voided; C7 closed; C8 handled; C9 deferred;
    // C10 rework; C11 dispatched; C12 signed; C14 submitted; C15 accepted. 15 in all.
    expect(rows).toEqual([
      { status: 'accepted', count: 1 },
      { status: 'closed', count: 6 },
      { status: 'deferred', count: 1 },
      { status: 'dispatched', count: 1 },
      { status: 'handled', count: 1 },
      { status: 'rework', count: 1 },
      { status: 'signed', count: 1 },
      { status: 'submitted', count: 1 },
      { status: 'voided', count: 2 },
    ]);
  });
});
