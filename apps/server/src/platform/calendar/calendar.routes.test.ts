import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../test/factories.ts';
import { as, errorCode, type Session, type TestApp } from '../../../test/harness.ts';
import { type CivicCounty, setupCivicTest } from '../../modules/civic-cases/civic-cases.test-support.ts';

describe('working-day calendar routes', () => {
  let t: TestApp;
  let county: CivicCounty;
  let admin: Session;
  let resident: Session;
  let committee: Session;

  beforeAll(async () => {
    const setup = await setupCivicTest('countyAdmin', 'residentA', 'jinbiAdmin');
    ({ t, county } = setup);
    admin = setup.countyAdmin;
    resident = setup.residentA;
    committee = setup.jinbiAdmin;
  });
  afterAll(() => t.close());

  const audits = (day: string) =>
    t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'details', 'actor_id'])
      .where('action', '=', 'calendar.update')
      .where('object_id', '=', day)
      .orderBy('seq')
      .execute();

  it('answers 401 without a session', async () => {
    expect((await as(t.app, null).get('/api/v1/calendar?year=2026')).statusCode).toBe(401);
    const put = await as(t.app, null).put('/api/v1/calendar/days/2026-02-24', { workday: false });
    expect(put.statusCode).toBe(401);
    expect(errorCode(put)).toBe('UNAUTHENTICATED');
    expect((await as(t.app, null).delete('/api/v1/calendar/days/2026-02-24')).statusCode).toBe(401);
  });

  it('answers 400 for a year out of range, an impossible day or a bad body', async () => {
    expect(errorCode(await as(t.app, resident).get('/api/v1/calendar?year=1999'))).toBe('VALIDATION_FAILED');
    expect(errorCode(await as(t.app, resident).get('/api/v1/calendar'))).toBe('VALIDATION_FAILED');
    const badDay = await as(t.app, admin).put('/api/v1/calendar/days/2026-02-30', { workday: false });
    expect(badDay.statusCode).toBe(400);
    const badBody = await as(t.app, admin).put('/api/v1/calendar/days/2026-02-24', { workday: 'no', extra: 1 });
    expect(badBody.statusCode).toBe(400);
    expect((await as(t.app, admin).delete('/api/v1/calendar/days/tomorrow')).statusCode).toBe(400);
  });

  it('lets any signed-in user read a year: the package’s Spring Festival and make-up days', async () => {
    const response = await as(t.app, resident).get('/api/v1/calendar?year=2026');
    expect(response.statusCode).toBe(200);
    const year = response.json();
    expect(year.year).toBe(2026);
    expect(year.published).toBe(true);
    const byDay = new Map(year.days.map((d: { day: string }) => [d.day, d]));
    expect(byDay.get('2026-02-14')).toEqual({ day: '2026-02-14', workday: true, name: '春节调休', source: 'package' });
    expect(byDay.get('2026-02-15')).toEqual({ day: '2026-02-15', workday: false, name: '春节', source: 'package' });
    expect(byDay.get('2026-02-28')).toMatchObject({ workday: true, source: 'package' });
    expect(byDay.has('2026-02-24')).toBe(false);
    expect(year.days.map((d: { day: string }) => d.day)).toEqual([...byDay.keys()].sort());
  });

  it('reports a year the package does not cover as unpublished until the county enters a day', async () => {
    const before = (await as(t.app, resident).get('/api/v1/calendar?year=2099')).json();
    expect(before).toEqual({ year: 2099, days: [], published: false });
    expect(
      (await as(t.app, admin).put('/api/v1/calendar/days/2099-01-02', { workday: false, name: '元旦' })).statusCode,
    ).toBe(200);
    const after = (await as(t.app, resident).get('/api/v1/calendar?year=2099')).json();
    expect(after.published).toBe(true);
    expect(after.days).toEqual([{ day: '2099-01-02', workday: false, name: '元旦', source: 'county' }]);
  });

  it('refuses changes from a role without civic_case.configure and from a configurer below the county root', async () => {
    const put = await as(t.app, committee).put('/api/v1/calendar/days/2026-02-24', { workday: false });
    expect(put.statusCode).toBe(403);
    const townAdmin = await signInAs(t.platform, 'county_admin', county.committee);
    expect((await as(t.app, townAdmin).put('/api/v1/calendar/days/2026-02-24', { workday: false })).statusCode).toBe(
      403,
    );
    expect((await as(t.app, resident).delete('/api/v1/calendar/days/2099-01-02')).statusCode).toBe(403);
    const row = await t.platform.db
      .selectFrom('work_calendar_day')
      .selectAll()
      .where('day', '=', '2026-02-24')
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('stores the county’s day, which wins over the package, and audits it', async () => {
    const response = await as(t.app, admin).put('/api/v1/calendar/days/2026-02-14', {
      workday: false,
      name: '县内放假',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ day: '2026-02-14', workday: false, name: '县内放假', source: 'county' });
    const row = await t.platform.db
      .selectFrom('work_calendar_day')
      .selectAll()
      .where('day', '=', '2026-02-14')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ workday: 0, name: '县内放假', source: 'county', updated_by: admin.userId });
    const year = (await as(t.app, resident).get('/api/v1/calendar?year=2026')).json();
    expect(year.days.find((d: { day: string }) => d.day === '2026-02-14')).toEqual({
      day: '2026-02-14',
      workday: false,
      name: '县内放假',
      source: 'county',
    });
    const rows = await audits('2026-02-14');
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.details ?? '{}')).toEqual({ before: null, after: { workday: false, name: '县内放假' } });

    const again = await as(t.app, admin).put('/api/v1/calendar/days/2026-02-14', { workday: true });
    expect(again.json()).toEqual({ day: '2026-02-14', workday: true, name: null, source: 'county' });
    expect(await audits('2026-02-14')).toHaveLength(2);
  });

  it('removes the county’s day so the package decides again, audited; a second removal is 404', async () => {
    const response = await as(t.app, admin).delete('/api/v1/calendar/days/2026-02-14');
    expect(response.statusCode).toBe(204);
    const year = (await as(t.app, resident).get('/api/v1/calendar?year=2026')).json();
    expect(year.days.find((d: { day: string }) => d.day === '2026-02-14')).toMatchObject({
      source: 'package',
      workday: true,
    });
    const rows = await audits('2026-02-14');
    expect(rows).toHaveLength(3);
    expect(JSON.parse(rows[2]?.details ?? '{}')).toMatchObject({ after: null, before: { workday: true } });
    const missing = await as(t.app, admin).delete('/api/v1/calendar/days/2026-02-14');
    expect(missing.statusCode).toBe(404);
  });
});
