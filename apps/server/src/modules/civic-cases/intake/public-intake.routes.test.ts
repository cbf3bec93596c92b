import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, type Session } from '../../../../test/harness.ts';
import { type CivicCounty, insertCase, setupCivicTest } from '../civic-cases.test-support.ts';
import { API, parkingReport, sewerReport } from './intake.test-support.ts';

type Setup = Awaited<ReturnType<typeof setupCivicTest<'residentA' | 'secretaryA'>>>;

describe('anonymous 民情 without an account: POST /public/civic-cases and the tracking page', () => {
  let s: Setup;
  let county: CivicCounty;
  let ip = 0;

  beforeAll(async () => {
    s = await setupCivicTest('residentA', 'secretaryA');
    county = s.county;
  });
  afterAll(() => s.t.close());

  /** Each call from its own client address unless told, so the per-client limits stay out of the other tests. */
  const submit = (body: unknown, options: { key?: string | null; session?: Session; from?: string } = {}) => {
    ip += 1;
    const headers: Record<string, string> = {};
    if (options.key !== null) headers['idempotency-key'] = options.key ?? randomUUID();
    if (options.session) {
      headers.cookie = options.session.cookie;
      headers['x-csrf-token'] = options.session.csrfToken;
    }
    return s.t.app.inject({
      method: 'POST',
      url: `${API}/public/civic-cases`,
      headers,
      payload: body as object,
      remoteAddress: options.from ?? `10.0.${Math.floor(ip / 250)}.${ip % 250}`,
    });
  };
  const track = (code: string, from = '10.9.9.9') =>
    s.t.app.inject({ method: 'GET', url: `${API}/public/civic-cases/${code}`, remoteAddress: from });

  it('takes an anonymous report without a session: a tracking code, no id, nothing of the sender stored', async () => {
    const res = await submit(parkingReport(county));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ id: null, status: 'submitted' });
    expect(created.trackingCode).toHaveLength(10);
    const row = await s.t.platform.db
      .selectFrom('civic_case')
      .selectAll()
      .where('number', '=', created.number)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ anonymous: 1, reporter_user_id: null, channel: 'h5', filed_by: null });
    const audit = await s.t.platform.db
      .selectFrom('audit_log')
      .selectAll()
      .where('object_id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'civic_case.submit', actor_id: null, ip: null, user_agent: null });
    const stored = await s.t.platform.db.selectFrom('idempotency_record').select('scope').execute();
    expect(stored.map((r) => r.scope)).toContain('anon');
    expect(stored.some((r) => r.scope.includes('10.0.'))).toBe(false);
  });

  it('requires an Idempotency-Key (400), refuses photos (400) and a category closed to anonymity (422)', async () => {
    const noKey = await submit(parkingReport(county), { key: null });
    expect(noKey.statusCode).toBe(400);
    expect(errorCode(noKey)).toBe('IDEMPOTENCY_KEY_REQUIRED');
    const photos = await submit(parkingReport(county, { photoIds: [randomUUID()] }));
    expect(photos.statusCode).toBe(400);
    expect(photos.json().error.details.issues).toEqual([{ path: 'photoIds', message: 'not_allowed' }]);
    const notAnonymous = await submit(sewerReport(county));
    expect(notAnonymous.statusCode).toBe(422);
    expect(errorCode(notAnonymous)).toBe('CATEGORY_NOT_OPEN');
    const flagged = await submit({ ...parkingReport(county), anonymous: false });
    expect(flagged.statusCode).toBe(400);
  });

  it('keeps no trace of a signed-in sender either', async () => {
    const res = await submit(parkingReport(county, { title: '登录后匿名' }), { session: s.residentA });
    expect(res.statusCode).toBe(201);
    const row = await s.t.platform.db
      .selectFrom('civic_case')
      .selectAll()
      .where('title', '=', '登录后匿名')
      .executeTakeFirstOrThrow();
    expect(row.reporter_user_id).toBeNull();
    const events = await s.t.platform.db
      .selectFrom('civic_case_event')
      .select('actor_user_id')
      .where('case_id', '=', row.id)
      .execute();
    expect(events.every((e) => e.actor_user_id === null)).toBe(true);
  });

  it('limits one client to 5 reports a minute (429 with Retry-After)', async () => {
    const from = '10.200.0.1';
    for (let i = 0; i < 5; i += 1) {
      expect((await submit(parkingReport(county, { title: `限流${i}` }), { from })).statusCode).toBe(201);
    }
    const sixth = await submit(parkingReport(county, { title: '限流5' }), { from });
    expect(sixth.statusCode).toBe(429);
    expect(errorCode(sixth)).toBe('RATE_LIMITED');
    expect(sixth.headers['retry-after']).toBeDefined();
    expect((await submit(parkingReport(county, { title: '别处' }), { from: '10.200.0.2' })).statusCode).toBe(201);
  });

  it('shows the case by its tracking code: public timeline only, however the code is typed', async () => {
    const created = (await submit(parkingReport(county, { title: '跟踪码查询' }))).json();
    const res = await track(created.trackingCode);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({
      number: created.number,
      title: '跟踪码查询',
      categoryName: '车辆乱停',
      compoundName: '金碧花园',
      status: 'submitted',
      endType: null,
    });
    expect(view.events.map((e: { type: string }) => e.type)).toEqual(['submit']);
    expect(view.events[0]).not.toHaveProperty('actorName');
    expect(view.events[0]).not.toHaveProperty('internalNote');
    const typed = `${created.trackingCode.slice(0, 5).toLowerCase()}-${created.trackingCode.slice(5)}`;
    expect((await track(typed)).json().number).toBe(created.number);
  });

  it('answers 404 for an unknown code or a case without one, and 400 for a malformed one', async () => {
    expect((await track('ZZZZZZZZZZ')).statusCode).toBe(404);
    expect((await track('UUUUUUUUUU')).statusCode).toBe(404);
    expect((await track('abc')).statusCode).toBe(400);
    await insertCase(s.t.platform, county, {});
    expect((await track('0000000000')).statusCode).toBe(404);
  });
});
