import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../../../test/factories.ts';
import { as, type Session, type TestApp } from '../../../../test/harness.ts';
import { systemCtx } from '../../../platform/context.ts';
import { runNextJob } from '../../../platform/jobs/job-runner.ts';
import { scheduleRecurring } from '../../../platform/jobs/recurring.ts';
import {
  auditRowsOf,
  type County,
  ifMatch,
  setupOrganisationTest,
} from '../../organisation/organisation.test-support.ts';
import { insertMember } from '../members.test-support.ts';
import { reportInJobHandlers } from './report-in.jobs.ts';
import { insertReportIn, insertService } from './report-in.test-support.ts';
import { runYearEndFlags, yearDue } from './year-flags.job.ts';

const RULE = '/api/v1/report-in-rule';
const FLAGS = '/api/v1/member-year-flags';

describe('the year-end rule and member year flags', () => {
  let t: TestApp;
  let county: County;
  let secretaryA: Session;
  let countyAdmin: Session;
  let jinbiAdmin: Session;
  let grid: Session;
  const ids: Record<string, string> = {};

  const flagRows = (year: number) =>
    t.platform.db.selectFrom('member_year_flag').selectAll().where('year', '=', year).orderBy('member_id').execute();
  const flagsOf = async (year: number) =>
    Object.fromEntries(
      (await flagRows(year)).map((r) => [
        Object.keys(ids).find((k) => ids[k] === r.member_id),
        [r.no_report_in, r.no_service, r.service_count, r.service_minutes],
      ]),
    );

  beforeAll(async () => {
    ({ t, county, secretaryA, countyAdmin, jinbiAdmin } = await setupOrganisationTest(
      'secretaryA',
      'countyAdmin',
      'jinbiAdmin',
    ));
    grid = await signInAs(t.platform, 'grid_worker', county.gridA);
    const a = county.compoundA;
    for (const name of ['达标', '晚报到', '待确认', '退休']) {
      ids[name] = (
        await insertMember(t.platform, { name, residence: a, employment: name === '退休' ? 'retired' : 'in_service' })
      ).id;
    }
    ids.龙泉 = (await insertMember(t.platform, { name: '龙泉', residence: county.compoundB })).id;
    await insertReportIn(t.platform, {
      memberId: ids.达标 ?? '',
      compound: a,
      status: 'confirmed',
      decidedAt: '2026-03-01T02:00:00.000Z',
    });
    // Confirmed at 00:30 on 1 January 2027 Beijing time: too late for 2026.
    await insertReportIn(t.platform, {
      memberId: ids.晚报到 ?? '',
      compound: a,
      status: 'confirmed',
      decidedAt: '2026-12-31T16:30:00.000Z',
    });
    await insertReportIn(t.platform, { memberId: ids.待确认 ?? '', compound: a, status: 'pending' });
    await insertService(t.platform, { memberId: ids.达标 ?? '', compound: a, servedOn: '2026-04-01', minutes: 120 });
    await insertService(t.platform, { memberId: ids.达标 ?? '', compound: a, servedOn: '2026-12-31', minutes: 60 });
    await insertService(t.platform, {
      memberId: ids.晚报到 ?? '',
      compound: a,
      servedOn: '2025-12-31',
      minutes: 60,
    });
    await insertService(t.platform, {
      memberId: ids.待确认 ?? '',
      compound: a,
      servedOn: '2026-06-01',
      minutes: 30,
    });
  });
  afterAll(() => t.close());

  describe('GET/PUT /report-in-rule', () => {
    it('answers 401 without a session and 403 without the permission', async () => {
      expect((await as(t.app, null).get(RULE)).statusCode).toBe(401);
      expect(
        (await as(t.app, null).put(RULE, { minServices: 1, minServiceHours: 0, evaluateOn: '12-31' })).statusCode,
      ).toBe(401);
      expect((await as(t.app, grid).get(RULE)).statusCode).toBe(403);
    });

    it('reads the defaults as version 0, editable only at the county root', async () => {
      const secretary = await as(t.app, secretaryA).get(RULE);
      expect(secretary.statusCode).toBe(200);
      expect(secretary.headers.etag).toBe('"v0"');
      expect(secretary.json()).toEqual({
        minServices: 1,
        minServiceHours: 0,
        evaluateOn: '12-31',
        version: 0,
        updatedAt: null,
        abilities: { update: false },
      });
      expect((await as(t.app, countyAdmin).get(RULE)).json().abilities).toEqual({ update: true });
    });

    it('refuses editors below the root (403), bad rules (400), a missing If-Match (428)', async () => {
      const rule = { minServices: 2, minServiceHours: 1, evaluateOn: '12-31' };
      expect((await as(t.app, secretaryA).put(RULE, rule, ifMatch(0))).statusCode).toBe(403);
      expect((await as(t.app, jinbiAdmin).put(RULE, rule, ifMatch(0))).statusCode).toBe(403);
      for (const evaluateOn of ['02-30', '13-01', '2026-12-31', '02-29']) {
        expect((await as(t.app, countyAdmin).put(RULE, { ...rule, evaluateOn }, ifMatch(0))).statusCode).toBe(400);
      }
      expect((await as(t.app, countyAdmin).put(RULE, { ...rule, minServices: -1 }, ifMatch(0))).statusCode).toBe(400);
      expect((await as(t.app, countyAdmin).put(RULE, rule)).statusCode).toBe(428);
    });
  });

  describe('POST /member-year-flags/compute and GET /member-year-flags', () => {
    it('answers 401, 403 without member.write, 400 for a bad year', async () => {
      expect((await as(t.app, null).post(`${FLAGS}/compute`, { year: 2026 })).statusCode).toBe(401);
      expect((await as(t.app, grid).post(`${FLAGS}/compute`, { year: 2026 })).statusCode).toBe(403);
      expect((await as(t.app, secretaryA).post(`${FLAGS}/compute`, { year: 1999 })).statusCode).toBe(400);
      expect((await as(t.app, secretaryA).post(`${FLAGS}/compute`, { year: '2026' })).statusCode).toBe(400);
      expect((await as(t.app, null).get(`${FLAGS}?year=2026`)).statusCode).toBe(401);
      expect((await as(t.app, grid).get(`${FLAGS}?year=2026`)).statusCode).toBe(403);
      expect((await as(t.app, secretaryA).get(FLAGS)).statusCode).toBe(400);
      expect((await as(t.app, secretaryA).get(`${FLAGS}?year=2026&flag=lazy`)).statusCode).toBe(400);
    });

    it('flags the in-service members of the caller scope only: late report-in, pending, no service', async () => {
      const response = await as(t.app, secretaryA).post(`${FLAGS}/compute`, { year: 2026 });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ year: 2026, members: 3, noReportIn: 2, noService: 1 });
      expect(await flagsOf(2026)).toEqual({
        达标: [0, 0, 2, 180],
        晚报到: [1, 1, 0, 0],
        待确认: [1, 0, 1, 30],
      });
      const [audit] = await auditRowsOf(t.platform, 'member_year_flag.compute');
      expect(audit?.details).toMatchObject({ year: 2026, members: 3 });
    });

    it('applies a saved rule (hours), and recomputing is idempotent', async () => {
      const saved = await as(t.app, countyAdmin).put(
        RULE,
        { minServices: 1, minServiceHours: 1, evaluateOn: '12-31' },
        ifMatch(0),
      );
      expect(saved.statusCode).toBe(200);
      expect(saved.headers.etag).toBe('"v1"');
      expect(
        (
          await as(t.app, countyAdmin).put(
            RULE,
            { minServices: 3, minServiceHours: 0, evaluateOn: '12-31' },
            ifMatch(0),
          )
        ).statusCode,
      ).toBe(412);
      expect((await auditRowsOf(t.platform, 'report_in_rule.update'))[0]?.details).toMatchObject({
        before: { minServiceHours: 0 },
        after: { minServiceHours: 1 },
      });
      await as(t.app, secretaryA).post(`${FLAGS}/compute`, { year: 2026 });
      const again = await as(t.app, secretaryA).post(`${FLAGS}/compute`, { year: 2026 });
      expect(again.json()).toEqual({ year: 2026, members: 3, noReportIn: 2, noService: 2 });
      expect((await flagRows(2026)).length).toBe(3);
      expect((await flagsOf(2026)).待确认).toEqual([1, 1, 1, 30]);
    });

    it('lists the flagged members of the caller scope by flag', async () => {
      const list = async (s: Session, q = '') =>
        ((await as(t.app, s).get(`${FLAGS}?year=2026${q}`)).json().items as { memberName: string }[]).map(
          (r) => r.memberName,
        );
      expect((await list(secretaryA)).sort()).toEqual(['待确认', '晚报到'].sort());
      expect(await list(secretaryA, '&flag=no_report_in')).toHaveLength(2);
      expect(await list(secretaryA, '&flag=no_service')).toHaveLength(2);
      expect(await list(secretaryA, `&compoundId=${county.compoundB.id}`)).toEqual([]);
      const one = (await as(t.app, secretaryA).get(`${FLAGS}?year=2026&flag=no_service&limit=1`)).json();
      expect(one.items[0]).toMatchObject({ year: 2026, compoundName: '金碧花园', noService: true });
      expect(one.nextCursor).not.toBeNull();
      const longquan = await signInAs(t.platform, 'committee_admin', county.otherCommittee);
      expect(await list(longquan)).toEqual([]);
    });
  });

  describe('the members.year_end_flags job', () => {
    it('evaluates the latest year whose evaluation day has come', () => {
      expect(yearDue('2026-12-30', '12-31')).toBe(2025);
      expect(yearDue('2026-12-31', '12-31')).toBe(2026);
      expect(yearDue('2027-01-02', '12-31')).toBe(2026);
      expect(yearDue('2026-07-01', '06-30')).toBe(2026);
    });

    it('computes the whole county once on the evaluation day, then leaves the year alone', async () => {
      t.clock.set('2026-12-30T15:59:00.000Z'); // 23:59 on 30 December in Beijing
      expect(await runYearEndFlags(systemCtx(t.platform))).toBe(2025);
      t.clock.set('2026-12-30T16:00:00.000Z'); // midnight: 31 December has come
      await scheduleRecurring(t.platform.db, { kind: 'members.year_end_flags' }, t.clock);
      expect(await runNextJob(t.platform, reportInJobHandlers, { pollMs: 10, workerId: 'flags-test' })).toBe(true);
      const flags = await flagsOf(2026);
      expect(Object.keys(flags).sort()).toEqual(['达标', '晚报到', '待确认', '龙泉'].sort());
      expect(flags.龙泉).toEqual([1, 1, 0, 0]);
      const computedAt = (await flagRows(2026)).map((r) => r.computed_at);
      t.clock.advance(86_400_000);
      expect(await runYearEndFlags(systemCtx(t.platform))).toBeNull();
      expect((await flagRows(2026)).map((r) => r.computed_at)).toEqual(computedAt);
      const jobAudits = (await auditRowsOf(t.platform, 'member_year_flag.compute')).filter((a) => a.actor_id === null);
      expect(jobAudits.map((a) => a.details?.year)).toEqual([2025, 2026]);
    });
  });
});
