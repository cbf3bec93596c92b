import type { CivicCaseStatus, UnitKind } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, type Session, type TestApp } from '../../../../test/harness.ts';
import { DAY_MS, HOUR_MS, isoIn } from '../../../platform/clock.ts';
import { type CivicCounty, insertCase, propertyUnitA, setupCivicTest } from '../civic-cases.test-support.ts';

const BOARD = '/api/v1/civic-supervision-board';

interface BoardRow {
  unit: { kind: UnitKind; id: string; name: string };
  open: number;
  overdue: number;
  dueSoon: number;
  rework: number;
  openSupervisions: number;
}

describe('the supervision board', () => {
  let t: TestApp;
  let county: CivicCounty;
  let s: Record<'jinbiAdmin' | 'longquanAdmin' | 'communityAdmin' | 'secretaryA' | 'handlerA', Session>;

  /** A dispatched case of the unit whose clock is `late` (past its deadline), `soon` (past due-soon) or `fine`. */
  const unitCase = (
    unit: { kind: UnitKind; id: string; path: string; name: string } | null,
    status: CivicCaseStatus,
    clock: 'late' | 'soon' | 'fine' | 'stopped',
    extra: { compound?: 'B'; openSupervisions?: number } = {},
  ) => {
    const at = { late: [-2 * HOUR_MS, -HOUR_MS], soon: [-HOUR_MS, HOUR_MS], fine: [DAY_MS, 2 * DAY_MS] } as const;
    const times = clock === 'stopped' ? null : at[clock];
    return insertCase(t.platform, county, {
      status,
      unit,
      ...(extra.compound ? { compound: extra.compound } : {}),
      overrides: {
        due_soon_at: times ? isoIn(t.clock, times[0]) : null,
        deadline_at: times ? isoIn(t.clock, times[1]) : null,
        open_supervisions: extra.openSupervisions ?? 0,
      },
    });
  };

  beforeAll(async () => {
    const setup = await setupCivicTest('jinbiAdmin', 'longquanAdmin', 'communityAdmin', 'secretaryA', 'handlerA');
    ({ t, county } = setup);
    s = setup;
    const property = propertyUnitA(county);
    const grid = { kind: 'grid' as const, id: county.gridA.id, path: county.gridA.path, name: '金碧网格' };
    const org = { kind: 'org' as const, id: county.community.id, path: county.community.path, name: '金碧社区' };
    const longquan = {
      kind: 'org' as const,
      id: county.otherCommunity.id,
      path: county.otherCommunity.path,
      name: '龙泉社区',
    };
    await unitCase(property, 'in_progress', 'late', { openSupervisions: 1 });
    await unitCase(property, 'signed', 'soon');
    await unitCase(property, 'rework', 'fine');
    await unitCase(property, 'deferred', 'stopped');
    await unitCase(property, 'closed', 'late');
    await unitCase(grid, 'in_progress', 'late');
    await unitCase(grid, 'dispatched', 'late');
    await unitCase(grid, 'handled', 'fine');
    await unitCase(org, 'rework', 'late', { openSupervisions: 2 });
    await unitCase(longquan, 'in_progress', 'late', { compound: 'B' });
    await unitCase(null, 'accepted', 'late');
  });
  afterAll(() => t.close());

  it('rejects a request without a session (401) and users who do not supervise (403)', async () => {
    expect((await as(t.app, null).get(BOARD)).statusCode).toBe(401);
    for (const session of [s.secretaryA, s.handlerA]) {
      const res = await as(t.app, session).get(BOARD);
      expect([res.statusCode, errorCode(res)]).toEqual([403, 'FORBIDDEN']);
    }
  });

  it('counts open, overdue, due-soon, rework and open supervisions per unit, most overdue first', async () => {
    const res = await as(t.app, s.jinbiAdmin).get(BOARD);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { units: BoardRow[]; generatedAt: string };
    expect(body.generatedAt).toBe(t.clock.now().toISOString());
    expect(body.units.map((u) => [u.unit.name, u.open, u.overdue, u.dueSoon, u.rework, u.openSupervisions])).toEqual([
      ['金碧网格', 3, 2, 0, 0, 0],
      ['金碧物业服务有限公司', 4, 1, 1, 1, 1],
      ['金碧社区', 1, 1, 0, 1, 2],
    ]);
    expect(body.units[1]?.unit).toEqual({
      kind: 'property_company',
      id: county.propertyCompanyA,
      name: '金碧物业服务有限公司',
    });
  });

  it('shows each supervisor only the units of the cases in their scope', async () => {
    const longquan = (await as(t.app, s.longquanAdmin).get(BOARD)).json() as { units: BoardRow[] };
    expect(longquan.units.map((u) => [u.unit.name, u.open, u.overdue])).toEqual([['龙泉社区', 1, 1]]);
    const community = (await as(t.app, s.communityAdmin).get(BOARD)).json() as { units: BoardRow[] };
    expect(community.units.map((u) => u.unit.name)).toEqual(['金碧网格', '金碧物业服务有限公司', '金碧社区']);
  });
});
