import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../../../../test/harness.ts';
import { type ReportsTest, SCOPES, setupReportsTest } from '../reports.test-support.ts';
import { CIVIC_FIGURES } from './civic.figures.ts';
import { figureInput } from './figure-types.ts';
import { expectFigures } from './figures-check.test-support.ts';

describe('民情 figures', () => {
  let s: ReportsTest;
  beforeAll(async () => {
    s = await setupReportsTest();
  });
  afterAll(async () => {
    await s.close();
  });

  const input = (scope: (typeof SCOPES)[number]) =>
    figureInput({ db: s.platform.db, dialect: s.platform.dialect, scope: s.scopes[scope], period: s.period });

  for (const scope of SCOPES) {
    it(`match the hand count for the ${scope} scope`, async () => {
      await expectFigures(s, scope, CIVIC_FIGURES);
    });
  }

  it('answers null, not 0, for the rates, score and grade of a compound without cases', async () => {
    for (const key of ['response_rate', 'resolution_rate', 'satisfaction_rate', 'composite_score', 'grade'] as const) {
      expect(await CIVIC_FIGURES[key]?.(input('emptyCompound'))).toBeNull();
    }
  });

  it('quote the same counts, rates, score and grade as 统计考核 for the same scope and period', async () => {
    const res = await as(s.app, s.sessions.committeeAdmin).get(
      `/api/v1/civic-metrics?orgId=${s.county.committee.id}&from=${s.period.from}&to=${s.period.to}`,
    );
    expect(res.statusCode).toBe(200);
    const metrics = res.json();
    const i = input('committee');
    expect(await CIVIC_FIGURES.cases_received?.(i)).toBe(metrics.counts.received);
    expect(await CIVIC_FIGURES.cases_closed?.(i)).toBe(metrics.counts.closed);
    expect(await CIVIC_FIGURES.cases_closed_resolved?.(i)).toBe(metrics.counts.closedResolved);
    expect(await CIVIC_FIGURES.cases_overdue_open?.(i)).toBe(metrics.counts.overdueOpen);
    expect(await CIVIC_FIGURES.response_rate?.(i)).toBe(metrics.rates.responseRate);
    expect(await CIVIC_FIGURES.resolution_rate?.(i)).toBe(metrics.rates.resolutionRate);
    expect(await CIVIC_FIGURES.satisfaction_rate?.(i)).toBe(metrics.rates.satisfactionRate);
    expect(await CIVIC_FIGURES.composite_score?.(i)).toBe(metrics.rates.compositeScore);
    expect(await CIVIC_FIGURES.grade?.(i)).toBe(metrics.rates.grade);
  });

  it('adds up the six root families to every case closed in the dataset', async () => {
    const families = ['ms', 'cg', 'ny', 'sj', 'ld', 'pk'] as const;
    let sum = 0;
    for (const f of families) sum += Number(await CIVIC_FIGURES[`cases_closed_${f}`]?.(input('county')));
    expect(sum).toBe(await CIVIC_FIGURES.cases_closed?.(input('county')));
  });
});
