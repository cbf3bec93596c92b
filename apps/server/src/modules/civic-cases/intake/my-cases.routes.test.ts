import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as } from '../../../../test/harness.ts';
import { DAY_MS } from '../../../platform/clock.ts';
import { type CivicCounty, insertCase, setupCivicTest } from '../civic-cases.test-support.ts';
import { API } from './intake.test-support.ts';

type Setup = Awaited<ReturnType<typeof setupCivicTest<'residentA' | 'memberA' | 'handlerA'>>>;

describe('my cases: GET /me/civic-cases and GET /me/civic-cases/:id', () => {
  let s: Setup;
  let county: CivicCounty;
  const ids: string[] = [];
  let closed = '';

  beforeAll(async () => {
    s = await setupCivicTest('residentA', 'memberA', 'handlerA');
    county = s.county;
    const start = s.t.clock.now().getTime();
    for (let i = 0; i < 3; i += 1) {
      const createdAt = new Date(start - (3 - i) * 60_000).toISOString();
      const c = await insertCase(s.t.platform, county, {
        reporterUserId: s.residentA.userId,
        title: `我的事项${i}`,
        overrides: { created_at: createdAt },
      });
      ids.push(c.id);
    }
    closed = (
      await insertCase(s.t.platform, county, {
        reporterUserId: s.residentA.userId,
        status: 'closed',
        overrides: {
          end_type: 'resolved',
          closed_at: new Date(start - DAY_MS).toISOString(),
          created_at: new Date(start - 10 * DAY_MS).toISOString(),
        },
      })
    ).id;
    await insertCase(s.t.platform, county, { reporterUserId: s.memberA.userId, title: '别人的' });
  });
  afterAll(() => s.t.close());

  it('needs a session (401), the report permission (403) and a sane page size (400)', async () => {
    expect((await as(s.t.app, null).get(`${API}/me/civic-cases`)).statusCode).toBe(401);
    expect((await as(s.t.app, s.handlerA).get(`${API}/me/civic-cases`)).statusCode).toBe(403);
    expect((await as(s.t.app, s.residentA).get(`${API}/me/civic-cases?limit=0`)).statusCode).toBe(400);
    expect((await as(s.t.app, s.residentA).get(`${API}/me/civic-cases?cursor=nonsense`)).statusCode).toBe(400);
  });

  it('pages through my own cases newest first, and nobody else’s', async () => {
    const first = await as(s.t.app, s.residentA).get(`${API}/me/civic-cases?limit=2`);
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    const second = (
      await as(s.t.app, s.residentA).get(`${API}/me/civic-cases?limit=2&cursor=${page.nextCursor}`)
    ).json();
    expect(second.items.map((c: { id: string }) => c.id)).toEqual([ids[0], closed]);
    expect(second.nextCursor).toBeNull();
  });

  it('offers the reporter rate and reopen on a closed case, reopen only within the window', async () => {
    const res = await as(s.t.app, s.residentA).get(`${API}/me/civic-cases/${closed}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: closed,
      status: 'closed',
      endType: 'resolved',
      reporter: true,
      rating: null,
      abilities: { rate: true, reopen: true },
    });
    expect(res.json().events.map((e: { type: string }) => e.type)).toEqual(['submit']);
    // Closed eight days ago: past the default seven-day window.
    const closedAt = (days: number) => new Date(s.t.clock.now().getTime() - days * DAY_MS).toISOString();
    const setClosedAt = (at: string) =>
      s.t.platform.db.updateTable('civic_case').set({ closed_at: at }).where('id', '=', closed).execute();
    await setClosedAt(closedAt(8));
    const later = (await as(s.t.app, s.residentA).get(`${API}/me/civic-cases/${closed}`)).json();
    expect(later.abilities).toEqual({ rate: true, reopen: false });
    await setClosedAt(closedAt(1));
  });

  it('shows the rating once rated and stops offering it', async () => {
    const ratedAt = s.t.clock.now().toISOString();
    await s.t.platform.db
      .updateTable('civic_case')
      .set({ rating: 'satisfied', rating_resolved: 1, rated_at: ratedAt, rated_by_reporter: 1, rating_comment: '谢谢' })
      .where('id', '=', closed)
      .execute();
    const view = (await as(s.t.app, s.residentA).get(`${API}/me/civic-cases/${closed}`)).json();
    expect(view.rating).toEqual({ resolved: true, rating: 'satisfied', comment: '谢谢', ratedAt, byReporter: true });
    expect(view.abilities.rate).toBe(false);
  });

  it('refuses a case I neither reported nor follow (403) and answers 404 for no case', async () => {
    const res = await as(s.t.app, s.memberA).get(`${API}/me/civic-cases/${ids[0]}`);
    expect(res.statusCode).toBe(403);
    expect((await as(s.t.app, s.memberA).get(`${API}/me/civic-cases/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await as(s.t.app, null).get(`${API}/me/civic-cases/${ids[0]}`)).statusCode).toBe(401);
  });
});
