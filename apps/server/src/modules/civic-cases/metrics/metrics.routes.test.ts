import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { newId } from '../../../platform/ids.ts';
import { CATEGORY, type CivicCounty, setupCivicTest } from '../civic-cases.test-support.ts';
import { insertStory } from './metrics.test-support.ts';
import { NOVEMBER } from './metrics-story.test-support.ts';

const NOV = 'from=2026-11-01&to=2026-11-30';

describe('GET /civic-metrics', () => {
  let t: TestApp;
  let county: CivicCounty;
  let s: Record<'countyAdmin' | 'jinbiAdmin' | 'secretaryA' | 'residentA' | 'handlerA' | 'gridWorkerA', Session>;

  beforeAll(async () => {
    const setup = await setupCivicTest(
      'countyAdmin',
      'jinbiAdmin',
      'secretaryA',
      'residentA',
      'handlerA',
      'gridWorkerA',
    );
    ({ t, county } = setup);
    s = setup;
    await insertStory(t, county);
  });
  afterAll(() => t.close());

  const get = (who: Session | null, query: string) => as(t.app, who).get(`/api/v1/civic-metrics?${query}`);

  it('answers 401 without a session', async () => {
    const response = await get(null, NOV);
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe('UNAUTHENTICATED');
  });

  it('refuses a resident, a property company’s handler and a grid worker: none supervises or dispatches', async () => {
    for (const who of [s.residentA, s.handlerA, s.gridWorkerA]) {
      const response = await get(who, NOV);
      expect(response.statusCode).toBe(403);
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
  });

  it('refuses a branch secretary another compound, its community or its town', async () => {
    for (const query of [
      `compoundId=${county.compoundB.id}`,
      `orgId=${county.community.id}`,
      `orgId=${county.committee.id}`,
    ]) {
      const response = await get(s.secretaryA, `${query}&${NOV}`);
      expect(response.statusCode, query).toBe(403);
    }
  });

  it('refuses a town’s admin the other town', async () => {
    const response = await get(s.jinbiAdmin, `orgId=${county.otherCommittee.id}&${NOV}`);
    expect(response.statusCode).toBe(403);
  });

  it('answers 400 for a period backwards, longer than five years, an impossible date, or two scopes', async () => {
    const cases = [
      ['from=2026-11-30&to=2026-11-01', 'to'],
      ['from=2020-01-01&to=2026-11-30', 'to'],
      ['from=2026-02-30&to=2026-03-01', 'from'],
      [`orgId=${county.county.id}&compoundId=${county.compoundA.id}&${NOV}`, 'compoundId'],
    ] as const;
    for (const [query, field] of cases) {
      const response = await get(s.countyAdmin, query);
      expect(response.statusCode, query).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(response.json().error.details), query).toContain(field);
    }
    expect((await get(s.countyAdmin, 'from=2021-12-01&to=2026-11-30')).statusCode).toBe(200);
  });

  it('answers 404 for a compound that does not exist', async () => {
    const response = await get(s.countyAdmin, `compoundId=${newId()}&${NOV}`);
    expect(response.statusCode).toBe(404);
  });

  it('gives the county admin the whole county by default: counts, 三率, grade and breakdowns', async () => {
    const response = await get(s.countyAdmin, NOV);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.scope).toEqual({ kind: 'org', id: county.county.id, name: '测试县委' });
    expect(body.counts).toEqual(NOVEMBER);
    expect(body.rates).toEqual({
      responseRate: 0.5455,
      resolutionRate: 0.6667,
      satisfactionRate: 0.7667,
      onTimeClosureRate: 0.5,
      compositeScore: 66.53,
      grade: 'D',
    });
    expect(body.byCategory).toEqual([{ categoryId: CATEGORY.property, name: '物业服务', received: 15, closed: 6 }]);
    expect(body.byStatus).toContainEqual({ status: 'closed', count: 6 });
    expect(body.byMonth).toEqual([{ month: '2026-11', received: 15, closed: 6, rates: body.rates }]);
  });

  it('gives a branch secretary their compound by default, without the other town’s case', async () => {
    const response = await get(s.secretaryA, NOV);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.scope).toEqual({ kind: 'compound', id: county.compoundA.id, name: '金碧花园' });
    expect(body.counts).toMatchObject({ received: 14, accepted: 11, dispatched: 11, closed: 6 });
  });

  it('lets a town’s admin look at one compound in the town', async () => {
    const response = await get(s.jinbiAdmin, `compoundId=${county.compoundA.id}&${NOV}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().counts.received).toBe(14);
  });

  it('lists every month of the period, each fact in its own month', async () => {
    const response = await get(s.countyAdmin, 'from=2026-09-15&to=2026-12-31');
    const months = response.json().byMonth as Array<{ month: string; received: number; closed: number }>;
    expect(months.map((m) => [m.month, m.received, m.closed])).toEqual([
      ['2026-09', 0, 0],
      ['2026-10', 1, 0],
      ['2026-11', 15, 6],
      ['2026-12', 0, 1],
    ]);
  });
});
