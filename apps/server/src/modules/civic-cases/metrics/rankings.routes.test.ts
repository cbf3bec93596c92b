import type { Insertable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCompound, type OrgNode } from '../../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import type { CivicCaseTable } from '../../../db/schema-civic.ts';
import { type CivicCounty, insertCase, propertyUnitA, setupCivicTest } from '../civic-cases.test-support.ts';

const MONTH = 'month=2026-11';
type Facts = Partial<Insertable<CivicCaseTable>>;

/** Dispatched in November and answered in time. */
const responded: Facts = { dispatched_on: '2026-11-10', sign_on_time: 1, responded: 1 };
const late: Facts = { dispatched_on: '2026-11-10', sign_on_time: 0, responded: 0 };
const ratedWell: Facts = { status: 'closed', rated_on: '2026-11-20', rating: 'satisfied', rating_resolved: 1 };
const ratedBadly: Facts = { status: 'closed', rated_on: '2026-11-20', rating: 'dissatisfied', rating_resolved: 0 };

describe('GET /civic-rankings', () => {
  let t: TestApp;
  let county: CivicCounty;
  let s: Record<'countyAdmin' | 'jinbiAdmin' | 'secretaryA' | 'residentA', Session>;
  let compoundC: OrgNode;
  let compoundD: OrgNode;

  /** A case in a compound of 金碧社区 made here (C, D), not in a grid. */
  const caseIn = (compound: OrgNode, facts: Facts) =>
    insertCase(t.platform, county, {
      status: 'dispatched',
      receivedOn: '2026-11-05',
      overrides: { compound_id: compound.id, path: compound.path, grid_id: null, ...facts },
    });

  beforeAll(async () => {
    const setup = await setupCivicTest('countyAdmin', 'jinbiAdmin', 'secretaryA', 'residentA');
    ({ t, county } = setup);
    s = setup;
    compoundC = await createCompound(t.platform, county.community, { name: '翠湖小区' });
    compoundD = await createCompound(t.platform, county.community, { name: '东园小区' });
    const grid = { kind: 'grid' as const, id: county.gridA.id, path: county.gridA.path, name: '网格一' };
    // 金碧花园 (A) and 龙泉苑 (B): responded and rated well: 100 each, a tie.
    await insertCase(t.platform, county, {
      receivedOn: '2026-11-05',
      unit: propertyUnitA(county),
      overrides: { ...responded, ...ratedWell },
    });
    await insertCase(t.platform, county, {
      compound: 'B',
      receivedOn: '2026-11-05',
      overrides: { ...responded, ...ratedWell },
    });
    // 翠湖 (C): one of two answered in time, rated badly: response 0.5, resolution 0, satisfaction 0 → 15.
    await caseIn(compoundC, {
      ...responded,
      ...ratedBadly,
      unit_kind: 'grid',
      unit_id: grid.id,
      unit_path: grid.path,
      unit_name: grid.name,
    });
    await caseIn(compoundC, late);
    // 东园 (D): only received — no score, no rank.
    await caseIn(compoundD, { status: 'submitted' });
    // A case of October does not count in November.
    await insertCase(t.platform, county, {
      receivedOn: '2026-10-05',
      overrides: { ...late, dispatched_on: '2026-10-06' },
    });
  });
  afterAll(() => t.close());

  const get = (who: Session | null, query: string) => as(t.app, who).get(`/api/v1/civic-rankings?${query}`);

  it('answers 401 without a session', async () => {
    expect((await get(null, `level=compound&${MONTH}`)).statusCode).toBe(401);
  });

  it('refuses a resident, and a branch secretary asking for the town', async () => {
    expect((await get(s.residentA, `level=compound&${MONTH}`)).statusCode).toBe(403);
    const town = await get(s.secretaryA, `level=compound&${MONTH}&orgId=${county.committee.id}`);
    expect(town.statusCode).toBe(403);
    expect(errorCode(town)).toBe('FORBIDDEN');
  });

  it('answers 400 for a month that does not exist or an unknown level', async () => {
    for (const query of ['level=compound&month=2026-13', 'level=street&month=2026-11', 'level=compound']) {
      const response = await get(s.countyAdmin, query);
      expect(response.statusCode, query).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_FAILED');
    }
  });

  it('ranks compounds by composite score: a tie shares first place, the next is third, no score comes last', async () => {
    const response = await get(s.countyAdmin, `level=compound&${MONTH}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ level: 'compound', month: '2026-11' });
    expect(body.rows.map((r: { name: string; rank: number | null }) => [r.name, r.rank])).toEqual([
      ['金碧花园', 1],
      ['龙泉苑', 1],
      ['翠湖小区', 3],
      ['东园小区', null],
    ]);
    const c = body.rows[2];
    // response 1/2 = 0.5, resolution 0/1, satisfaction 0/1: 30 × 0.5 = 15 → E.
    expect(c.rates).toMatchObject({ responseRate: 0.5, resolutionRate: 0, compositeScore: 15, grade: 'E' });
    expect(c.counts).toMatchObject({ received: 2, dispatched: 2, responded: 1, rated: 1, dissatisfied: 1 });
    expect(c.roleScore).toBeUndefined();
  });

  it('narrows to a town with orgId, and a town’s admin sees only their town', async () => {
    const names = (body: { rows: Array<{ name: string }> }) => body.rows.map((r) => r.name);
    const narrowed = await get(s.countyAdmin, `level=compound&${MONTH}&orgId=${county.committee.id}`);
    expect(names(narrowed.json())).toEqual(['金碧花园', '翠湖小区', '东园小区']);
    const town = await get(s.jinbiAdmin, `level=compound&${MONTH}`);
    expect(names(town.json())).toEqual(['金碧花园', '翠湖小区', '东园小区']);
    const secretary = await get(s.secretaryA, `level=compound&${MONTH}`);
    expect(names(secretary.json())).toEqual(['金碧花园']);
  });

  it('ranks communities', async () => {
    const response = await get(s.countyAdmin, `level=community&${MONTH}`);
    // 金碧社区: A, C, D — response 2/3, resolution 1/2, satisfaction 1/2 → 30 × 0.6667 + 35 × 0.5 + 35 × 0.5 = 55 → E.
    expect(
      response
        .json()
        .rows.map((r: { name: string; rank: number; rates: { compositeScore: number } }) => [
          r.name,
          r.rank,
          r.rates.compositeScore,
        ]),
    ).toEqual([
      ['龙泉社区党总支', 1, 100],
      ['金碧社区党总支', 2, 55],
    ]);
  });

  it('ranks responsible units with the unit’s GB/T 30428.4 score', async () => {
    const response = await get(s.countyAdmin, `level=unit&${MONTH}`);
    const rows = response.json().rows;
    expect(rows.map((r: { unit: unknown; rank: number }) => [r.unit, r.rank])).toEqual([
      [{ kind: 'property_company', id: county.propertyCompanyA, name: '金碧物业服务有限公司' }, 1],
      [{ kind: 'grid', id: county.gridA.id, name: '网格一' }, 2],
    ]);
    expect(rows[0].roleScore).toEqual({ role: 'unit', score: 100, grade: 'A' });
    // The grid unit answers for 翠湖's first case only: response 1/1, resolution 0/1, satisfaction 0/1 → 30 → E.
    expect(rows[1].roleScore).toEqual({ role: 'unit', score: 30, grade: 'E' });
  });

  it('ranks grids with the collector score: valid reports and the response of their cases', async () => {
    const response = await get(s.countyAdmin, `level=grid&${MONTH}`);
    const rows = response.json().rows;
    expect(rows).toHaveLength(1);
    // Grid A holds 金碧花园's one case: received 1, accepted 0 (the rows here carry no accepted_at), response 1/1.
    // Collector: (60 × 0 + 40 × 1) / 100 × 100 = 40 → E.
    expect(rows[0]).toMatchObject({ id: county.gridA.id, rank: 1, rates: { compositeScore: 100 } });
    expect(rows[0].roleScore).toEqual({ role: 'collector', score: 40, grade: 'E', validReportRate: 0 });
  });
});
