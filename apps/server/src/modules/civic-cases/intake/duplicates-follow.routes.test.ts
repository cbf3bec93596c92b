import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode } from '../../../../test/harness.ts';
import { DAY_MS } from '../../../platform/clock.ts';
import { auditRowsOf } from '../../organisation/organisation.test-support.ts';
import { CATEGORY, type CivicCounty, insertCase, setupCivicTest } from '../civic-cases.test-support.ts';
import { API } from './intake.test-support.ts';

type Setup = Awaited<ReturnType<typeof setupCivicTest<'residentA' | 'residentB' | 'secretaryA' | 'handlerA'>>>;

/** 金碧花园's neighbourhood: the point reports are made from, one 50 m away, one about 5 km away. */
const HERE = { lng: 102.7, lat: 25.04 };
const NEAR = { lng: 102.7, lat: 25.04045 };
const FAR = { lng: 102.75, lat: 25.04 };

describe('duplicates and "me too": GET /civic-cases/duplicates, POST/DELETE /civic-cases/:id/follow', () => {
  let s: Setup;
  let county: CivicCounty;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await setupCivicTest('residentA', 'residentB', 'secretaryA', 'handlerA');
    county = s.county;
    const parking = (title: string, options: Parameters<typeof insertCase>[2] = {}) =>
      insertCase(s.t.platform, county, { categoryId: CATEGORY.parking, title, ...options }).then((c) => c.id);
    const at = (point: { lng: number; lat: number }) => ({ lng: point.lng, lat: point.lat });
    ids.same = await parking('消防通道被车堵住');
    ids.unrelated = await parking('小区绿地有人种菜', { status: 'accepted' });
    ids.near = await parking('消防通道停车', { compound: 'B', status: 'dispatched', overrides: at(NEAR) });
    ids.far = await parking('消防通道被堵', { compound: 'B', overrides: at(FAR) });
    ids.closed = await parking('消防通道被堵了', { status: 'closed' });
    const old = new Date(s.t.clock.now().getTime() - 40 * DAY_MS).toISOString();
    ids.old = await parking('消防通道又被堵', { overrides: { created_at: old } });
    ids.otherCategory = await insertCase(s.t.platform, county, { title: '消防通道被堵' }).then((c) => c.id);
  });
  afterAll(() => s.t.close());

  const duplicates = (query: Record<string, string | number>, session = s.residentB) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) params.set(key, String(value));
    return as(s.t.app, session).get(`${API}/civic-cases/duplicates?${params}`);
  };

  it('needs a session (401), a reporter or case staff (403 for a handler) and a category (400)', async () => {
    const query = { categoryId: CATEGORY.parking, compoundId: county.compoundA.id };
    expect((await as(s.t.app, null).get(`${API}/civic-cases/duplicates`)).statusCode).toBe(401);
    expect((await duplicates(query, s.handlerA)).statusCode).toBe(403);
    expect((await duplicates({ compoundId: county.compoundA.id })).statusCode).toBe(400);
    expect((await duplicates({ ...query, categoryId: randomUUID() })).statusCode).toBe(400);
  });

  it('finds open, recent cases of the category in the compound and within the radius, most alike first', async () => {
    const res = await duplicates({
      categoryId: CATEGORY.parking,
      compoundId: county.compoundA.id,
      lng: HERE.lng,
      lat: HERE.lat,
      text: '消防通道被堵',
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { id: string }) => i.id)).toEqual([ids.same, ids.near, ids.unrelated]);
    expect(items[0].similarity).toBeGreaterThan(items[1].similarity);
    expect(items[1]).toMatchObject({ compoundName: '龙泉苑', status: 'dispatched', thumbnailUrl: null });
    expect(items[1].distanceMetres).toBeGreaterThan(40);
    expect(items[1].distanceMetres).toBeLessThan(60);
    expect(items[2].similarity).toBe(0);
    expect(JSON.stringify(items)).not.toContain('reporter');
  });

  it('stays inside the compound without a point, and covers a root category’s children', async () => {
    const res = await duplicates({ categoryId: CATEGORY.urban, compoundId: county.compoundA.id, text: '消防通道被堵' });
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([ids.same, ids.unrelated]);
  });

  it('lets a resident of another compound say "me too": counted once, an event without identity, audited', async () => {
    const url = `${API}/civic-cases/${ids.same}/follow`;
    expect((await as(s.t.app, s.residentB).post(url)).statusCode).toBe(204);
    expect((await as(s.t.app, s.residentB).post(url)).statusCode).toBe(204);
    const row = await s.t.platform.db
      .selectFrom('civic_case')
      .select('follower_count')
      .where('id', '=', ids.same ?? '')
      .executeTakeFirstOrThrow();
    expect(row.follower_count).toBe(1);
    const events = await s.t.platform.db
      .selectFrom('civic_case_event')
      .selectAll()
      .where('case_id', '=', ids.same ?? '')
      .where('type', '=', 'follow')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_user_id: null, actor_name: null });
    expect(JSON.parse(events[0]?.data ?? '{}')).toEqual({ following: true, followers: 1 });
    const [audit] = await auditRowsOf(s.t.platform, 'civic_case.follow', ids.same);
    expect(audit).toMatchObject({ actor_id: s.residentB.userId });

    const mine = await as(s.t.app, s.residentB).get(`${API}/me/civic-cases`);
    expect(mine.json().items.map((c: { id: string }) => c.id)).toEqual([ids.same]);
    const view = await as(s.t.app, s.residentB).get(`${API}/me/civic-cases/${ids.same}`);
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({
      id: ids.same,
      reporter: false,
      followerCount: 1,
      abilities: { rate: false, reopen: false },
    });

    expect((await as(s.t.app, s.residentB).delete(url)).statusCode).toBe(204);
    expect((await as(s.t.app, s.residentB).delete(url)).statusCode).toBe(204);
    const after = await s.t.platform.db
      .selectFrom('civic_case')
      .select('follower_count')
      .where('id', '=', ids.same ?? '')
      .executeTakeFirstOrThrow();
    expect(after.follower_count).toBe(0);
    expect((await as(s.t.app, s.residentB).get(`${API}/me/civic-cases/${ids.same}`)).statusCode).toBe(403);
  });

  it('refuses to follow without a session (401), without the right (403), a closed case (409) and no case (404)', async () => {
    const url = (id: string) => `${API}/civic-cases/${id}/follow`;
    expect((await as(s.t.app, null).post(url(ids.near ?? ''))).statusCode).toBe(401);
    const handler = await as(s.t.app, s.handlerA).post(url(ids.near ?? ''));
    expect(handler.statusCode).toBe(403);
    const closed = await as(s.t.app, s.residentA).post(url(ids.closed ?? ''));
    expect(closed.statusCode).toBe(409);
    expect(errorCode(closed)).toBe('CIVIC_CASE_TRANSITION');
    expect((await as(s.t.app, s.residentA).post(url(randomUUID()))).statusCode).toBe(404);
    expect((await as(s.t.app, s.residentA).post(url('not-an-id'))).statusCode).toBe(400);
  });

  it('lets staff who can open a case follow it, and ignores a reporter following their own case', async () => {
    expect((await as(s.t.app, s.secretaryA).post(`${API}/civic-cases/${ids.unrelated}/follow`)).statusCode).toBe(204);
    const own = await insertCase(s.t.platform, county, {
      reporterUserId: s.residentA.userId,
      categoryId: CATEGORY.parking,
    });
    expect((await as(s.t.app, s.residentA).post(`${API}/civic-cases/${own.id}/follow`)).statusCode).toBe(204);
    const count = await s.t.platform.db
      .selectFrom('civic_case_follower')
      .select('user_id')
      .where('case_id', '=', own.id)
      .execute();
    expect(count).toHaveLength(0);
  });
});
