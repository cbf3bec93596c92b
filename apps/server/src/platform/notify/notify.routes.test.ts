import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCounty, signInAs } from '../../../test/factories.ts';
import { as, createTestApp, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { MINUTE_MS } from '../clock.ts';
import { newId } from '../ids.ts';
import { notifyUsers } from './notify.ts';

describe('the notification inbox', () => {
  let t: TestApp;
  let alice: Session;
  let bob: Session;

  beforeAll(async () => {
    t = await createTestApp();
    const county = await buildCounty(t.platform);
    alice = await signInAs(t.platform, 'grid_worker', county.gridA);
    bob = await signInAs(t.platform, 'resident', county.compoundA);
    const start = t.clock.now().getTime();
    for (let i = 0; i < 5; i++) {
      const at = new Date(start - (10 - i) * MINUTE_MS).toISOString();
      await t.platform.db
        .transaction()
        .execute((trx) =>
          notifyUsers(
            trx,
            [alice.userId, alice.userId],
            { kind: 'civic_case.dispatched', title: `事项${i}`, body: '请签收', link: `/civic-cases/${i}` },
            at,
          ),
        );
    }
    await t.platform.db
      .transaction()
      .execute((trx) =>
        notifyUsers(
          trx,
          [bob.userId],
          { kind: 'civic_case.closed', title: '已办结', body: '请评价', link: null },
          t.clock.now().toISOString(),
        ),
      );
  });
  afterAll(() => t.close());

  const titles = (body: { items: { title: string }[] }) => body.items.map((n) => n.title);

  it('answers 401 without a session', async () => {
    expect(errorCode(await as(t.app, null).get('/api/v1/me/notifications'))).toBe('UNAUTHENTICATED');
    expect((await as(t.app, null).post('/api/v1/me/notifications/read', { all: true })).statusCode).toBe(401);
  });

  it('answers 400 for a bad limit, a forged cursor, a bad id or a body naming nothing', async () => {
    expect((await as(t.app, alice).get('/api/v1/me/notifications?limit=0')).statusCode).toBe(400);
    expect((await as(t.app, alice).get('/api/v1/me/notifications?cursor=bm9wZQ')).statusCode).toBe(400);
    expect((await as(t.app, alice).get('/api/v1/me/notifications?userId=x')).statusCode).toBe(400);
    expect((await as(t.app, alice).post('/api/v1/me/notifications/read', { ids: ['x'] })).statusCode).toBe(400);
    const empty = await as(t.app, alice).post('/api/v1/me/notifications/read', {});
    expect(empty.statusCode).toBe(400);
    expect(errorCode(empty)).toBe('VALIDATION_FAILED');
  });

  it('lists only my notices, newest first, one per user even when named twice, with a working cursor', async () => {
    const first = await as(t.app, alice).get('/api/v1/me/notifications?limit=2');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(titles(page1)).toEqual(['事项4', '事项3']);
    expect(page1.unread).toBe(5);
    expect(page1.items[0]).toMatchObject({
      kind: 'civic_case.dispatched',
      body: '请签收',
      link: '/civic-cases/4',
      readAt: null,
    });
    const page2 = (await as(t.app, alice).get(`/api/v1/me/notifications?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(titles(page2)).toEqual(['事项2', '事项1']);
    const page3 = (await as(t.app, alice).get(`/api/v1/me/notifications?limit=2&cursor=${page2.nextCursor}`)).json();
    expect(titles(page3)).toEqual(['事项0']);
    expect(page3.nextCursor).toBeNull();
    const bobs = (await as(t.app, bob).get('/api/v1/me/notifications')).json();
    expect(titles(bobs)).toEqual(['已办结']);
    expect(bobs.unread).toBe(1);
  });

  it('never marks another user’s notice read, even by its id', async () => {
    const bobsId = (await as(t.app, bob).get('/api/v1/me/notifications')).json().items[0].id;
    const response = await as(t.app, alice).post('/api/v1/me/notifications/read', { ids: [bobsId, newId()] });
    expect(response.statusCode).toBe(204);
    const row = await t.platform.db
      .selectFrom('notification')
      .select('read_at')
      .where('id', '=', bobsId)
      .executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });

  it('marks the listed notices read, then all of them, and filters unread ones', async () => {
    const items = (await as(t.app, alice).get('/api/v1/me/notifications')).json().items;
    const response = await as(t.app, alice).post('/api/v1/me/notifications/read', { ids: [items[0].id, items[1].id] });
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    const after = (await as(t.app, alice).get('/api/v1/me/notifications')).json();
    expect(after.unread).toBe(3);
    expect(after.items[0].readAt).toBe(t.clock.now().toISOString());
    const unread = (await as(t.app, alice).get('/api/v1/me/notifications?unread=true')).json();
    expect(titles(unread)).toEqual(['事项2', '事项1', '事项0']);

    expect((await as(t.app, alice).post('/api/v1/me/notifications/read', { all: true })).statusCode).toBe(204);
    const done = (await as(t.app, alice).get('/api/v1/me/notifications?unread=true')).json();
    expect(done).toEqual({ items: [], nextCursor: null, unread: 0 });
    expect((await as(t.app, bob).get('/api/v1/me/notifications')).json().unread).toBe(1);
  });
});
