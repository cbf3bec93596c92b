import type { CivicCaseSummary } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode, type Session } from '../../../../test/harness.ts';
import { CATEGORY, insertCase, propertyUnitA, setupCivicTest } from '../civic-cases.test-support.ts';

type Setup = Awaited<ReturnType<typeof setup>>;
const setup = () =>
  setupCivicTest('countyAdmin', 'jinbiAdmin', 'longquanAdmin', 'secretaryA', 'gridWorkerA', 'handlerA', 'residentA');

describe('GET /civic-cases — scope, views and filters', () => {
  let s: Setup;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    s = await setup();
    const { t, county } = s;
    const property = propertyUnitA(county);
    const grid = { kind: 'grid' as const, id: county.gridA.id, path: county.gridA.path, name: '网格一' };
    const longquan = { kind: 'org' as const, id: county.otherCommunity.id, path: county.otherCommunity.path };
    const add = async (key: string, options: Parameters<typeof insertCase>[2]) => {
      id[key] = (await insertCase(t.platform, county, options)).id;
    };
    await add('c1', { status: 'submitted', categoryId: CATEGORY.sewer, title: '下水道堵了' });
    await add('c2', { status: 'accepted', title: '楼道灯 50%_坏' });
    await add('c3', { status: 'dispatched', unit: property });
    await add('c4', { status: 'in_progress', unit: property, overrides: { overdue: 1 } });
    await add('c5', { status: 'handled', unit: property });
    await add('c6', { status: 'dispatched', unit: grid, overrides: { open_supervisions: 1 } });
    await add('c7', { status: 'signed', unit: property, overrides: { pending_request: 'extension' } });
    await add('c8', { status: 'closed', unit: property, overrides: { rework_count: 1, end_type: 'resolved' } });
    await add('c9', {
      status: 'verified',
      unit: property,
      categoryId: CATEGORY.parking,
      overrides: { channel: 'hotline' },
    });
    await add('b1', { status: 'submitted', compound: 'B' });
    await add('b2', { status: 'dispatched', compound: 'B', unit: longquan });
  });
  afterAll(() => s.t.close());

  const keysOf = (items: CivicCaseSummary[]) =>
    items.map((c) => Object.entries(id).find(([, v]) => v === c.id)?.[0] ?? c.id).sort();
  const list = async (who: Session, query = '') => {
    const response = await as(s.t.app, who).get(`/api/v1/civic-cases?limit=200${query}`);
    expect(response.statusCode).toBe(200);
    return keysOf(response.json().items as CivicCaseSummary[]);
  };

  it('answers 401 without a session', async () => {
    const response = await as(s.t.app, null).get('/api/v1/civic-cases');
    expect(response.statusCode).toBe(401);
  });

  it('refuses a resident, who holds none of read, handle or supervise', async () => {
    const response = await as(s.t.app, s.residentA).get('/api/v1/civic-cases');
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe('FORBIDDEN');
  });

  it('answers 400 for an unknown status, an unknown parameter and a foreign cursor', async () => {
    for (const query of ['status=open', 'colour=red', 'cursor=bm90LWEtY3Vyc29y', 'sort=name']) {
      const response = await as(s.t.app, s.countyAdmin).get(`/api/v1/civic-cases?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(errorCode(response)).toBe('VALIDATION_FAILED');
    }
  });

  it('shows a branch secretary of 金碧花园 its cases and never one of 龙泉苑', async () => {
    expect(await list(s.secretaryA)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
  });

  it('shows the property company only the cases dispatched to it, not the rest of its compound (PI-9)', async () => {
    expect(await list(s.handlerA)).toEqual(['c3', 'c4', 'c5', 'c7', 'c8', 'c9']);
  });

  it('shows 金碧镇 its towns cases and 龙泉镇 its own; the county sees both', async () => {
    expect(await list(s.jinbiAdmin)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
    expect(await list(s.longquanAdmin)).toEqual(['b1', 'b2']);
    expect(await list(s.countyAdmin)).toHaveLength(11);
  });

  it('fills each inbox with what waits for that role', async () => {
    expect(await list(s.handlerA, '&view=inbox')).toEqual(['c3', 'c4', 'c7']);
    expect(await list(s.gridWorkerA, '&view=inbox')).toEqual(['c5', 'c6']);
    expect(await list(s.secretaryA, '&view=inbox')).toEqual(['c1', 'c2', 'c5', 'c7', 'c9']);
    expect(await list(s.longquanAdmin, '&view=inbox')).toEqual(['b1', 'b2']);
  });

  it('lists overdue, supervised and returned cases in the supervision view, only for supervisors', async () => {
    expect(await list(s.jinbiAdmin, '&view=supervision')).toEqual(['c4', 'c6', 'c8']);
    expect(await list(s.longquanAdmin, '&view=supervision')).toEqual([]);
    expect(await list(s.secretaryA, '&view=supervision')).toEqual([]);
  });

  it('filters by status list, category with its children, channel, unit, overdue and dates', async () => {
    const admin = s.countyAdmin;
    expect(await list(admin, '&status=submitted,verified')).toEqual(['b1', 'c1', 'c9']);
    expect(await list(admin, `&categoryId=${CATEGORY.urban}`)).toEqual(['c9']);
    expect(await list(admin, `&categoryId=${CATEGORY.livelihood}&status=submitted`)).toEqual(['b1', 'c1']);
    expect(await list(admin, '&channel=hotline')).toEqual(['c9']);
    expect(await list(admin, `&unitId=${s.county.gridA.id}`)).toEqual(['c6']);
    expect(await list(admin, '&overdue=true')).toEqual(['c4']);
    expect(await list(admin, `&compoundId=${s.county.compoundB.id}`)).toEqual(['b1', 'b2']);
    expect(await list(admin, '&from=2000-01-01&to=2000-01-02')).toEqual([]);
  });

  it('searches the number by prefix and the title as text, wildcards taken literally', async () => {
    const admin = s.countyAdmin;
    expect(await list(admin, `&q=${encodeURIComponent('下水道')}`)).toEqual(['c1']);
    expect(await list(admin, `&q=${encodeURIComponent('50%_')}`)).toEqual(['c2']);
    expect(await list(admin, `&q=${encodeURIComponent('%')}`)).toEqual(['c2']);
    const number = await s.t.platform.db
      .selectFrom('civic_case')
      .select('number')
      .where('id', '=', id.c3 ?? '')
      .executeTakeFirstOrThrow();
    expect(await list(admin, `&q=${encodeURIComponent(number.number)}`)).toEqual(['c3']);
  });

  it('filters by an org node in scope, and refuses one outside it', async () => {
    expect(await list(s.countyAdmin, `&orgId=${s.county.otherCommittee.id}`)).toEqual(['b1', 'b2']);
    expect(await list(s.secretaryA, `&orgId=${s.county.community.id}`)).toHaveLength(9);
    const outside = await as(s.t.app, s.jinbiAdmin).get(`/api/v1/civic-cases?orgId=${s.county.otherCommittee.id}`);
    expect(outside.statusCode).toBe(403);
  });

  it('maps a summary with names, unit and counters', async () => {
    const response = await as(s.t.app, s.countyAdmin).get(`/api/v1/civic-cases?q=${encodeURIComponent('下水道')}`);
    const [item] = response.json().items as CivicCaseSummary[];
    expect(item).toMatchObject({
      id: id.c1,
      categoryId: CATEGORY.sewer,
      categoryName: '下水道堵塞',
      compoundName: '金碧花园',
      status: 'submitted',
      unit: null,
      overdue: false,
      anonymous: false,
    });
    const c7 = (await as(s.t.app, s.countyAdmin).get('/api/v1/civic-cases?status=signed')).json().items[0];
    expect(c7).toMatchObject({
      unit: { kind: 'property_company', id: s.county.propertyCompanyA, name: '金碧物业服务有限公司' },
      pendingRequest: 'extension',
    });
  });
});
