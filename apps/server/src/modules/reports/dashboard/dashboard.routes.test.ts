import type { Dashboard, DashboardChild, Metrics } from '@linli/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode } from '../../../../test/harness.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import { systemCtx } from '../../../platform/context.ts';
import { PERIOD, setupDashboardTest } from './dashboard.test-support.ts';

let s: Awaited<ReturnType<typeof setupDashboardTest>>;
beforeAll(async () => {
  s = await setupDashboardTest();
});
afterAll(async () => {
  await s.t.close();
});

const period = `from=${PERIOD.from}&to=${PERIOD.to}`;
const get = async (session: keyof typeof s & string, query = ''): Promise<Dashboard> => {
  const res = await as(s.t.app, s[session as 'countyAdmin']).get(`/api/v1/dashboard?${period}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
};
const sum = (rows: DashboardChild[], key: 'compounds' | 'casesReceived' | 'casesClosed') =>
  rows.reduce((total, r) => total + r[key], 0);

describe('GET /dashboard — who may open it', () => {
  it('needs a session', async () => {
    const res = await as(s.t.app, null).get(`/api/v1/dashboard?${period}`);
    expect(res.statusCode).toBe(401);
  });

  it('refuses a committee admin the other committee, and those without report.read', async () => {
    const other = await as(s.t.app, s.jinbiAdmin).get(
      `/api/v1/dashboard?${period}&orgId=${s.county.otherCommittee.id}`,
    );
    expect(other.statusCode).toBe(403);
    const town = await as(s.t.app, s.secretaryA).get(`/api/v1/dashboard?${period}&orgId=${s.county.committee.id}`);
    expect(town.statusCode).toBe(403);
    for (const session of [s.gridWorkerA, s.residentA]) {
      const res = await as(s.t.app, session).get(`/api/v1/dashboard?${period}`);
      expect(res.statusCode).toBe(403);
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
  });

  it('rejects two scopes, a period that ends before it starts, and a date that is not one', async () => {
    const county = as(s.t.app, s.countyAdmin);
    const both = await county.get(
      `/api/v1/dashboard?${period}&orgId=${s.county.committee.id}&compoundId=${s.county.compoundA.id}`,
    );
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details.issues).toContainEqual({ path: 'compoundId', message: 'one_scope' });
    const backwards = await county.get('/api/v1/dashboard?from=2026-11-30&to=2026-10-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.issues).toContainEqual({ path: 'to', message: 'before_from' });
    const badDate = await county.get('/api/v1/dashboard?from=2026-13-01&to=2026-11-30');
    expect(badDate.statusCode).toBe(400);
    expect(errorCode(badDate)).toBe('VALIDATION_FAILED');
  });
});

describe('GET /dashboard — the county', () => {
  it('counts coverage, 民情 by root category, status, month and mediation as counted by hand', async () => {
    const d = await get('countyAdmin');
    expect(d.scope).toEqual({ kind: 'org', id: s.county.county.id, name: '测试县委' });
    expect(d.breadcrumb).toEqual([{ kind: 'org', id: s.county.county.id, name: '测试县委' }]);
    expect(d.coverage).toEqual([
      { stage: 'pilot', total: 1, withBranch: 0 },
      { stage: 'validation', total: 0, withBranch: 0 },
      { stage: 'rollout', total: 1, withBranch: 1 },
    ]);
    expect(d.civic.byRootCategory.map((r) => [r.code, r.name, r.received, r.closed])).toEqual([
      ['MS', '民生服务类', 2, 2],
      ['CG', '城市管理类', 1, 0],
      ['NY', '农业农村类', 0, 0],
      ['SJ', '社会监督类', 0, 0],
      ['LD', '劳动输出类', 0, 0],
      ['PK', '贫困帮扶类', 0, 0],
    ]);
    expect(d.civic.byStatus).toEqual([
      { status: 'closed', count: 2 },
      { status: 'in_progress', count: 1 },
    ]);
    expect(d.civic.byMonth.map((m) => [m.month, m.received, m.closed])).toEqual([
      ['2026-10', 1, 1],
      ['2026-11', 2, 1],
    ]);
    expect(d.civic.rates).toMatchObject({
      responseRate: 0.6667,
      resolutionRate: 0.5,
      satisfactionRate: 0.5,
      onTimeClosureRate: 0.5,
      compositeScore: 55,
      grade: 'E',
    });
    expect(d.civic.mediation).toEqual({ total: 2, agreed: 1, failed: 0, pending: 1 });
  });

  it('gives the same 民情 numbers as the 统计考核 page', async () => {
    const d = await get('countyAdmin');
    const res = await as(s.t.app, s.countyAdmin).get(`/api/v1/civic-metrics?${period}`);
    const metrics = res.json() as Metrics;
    expect(d.civic.rates).toEqual(metrics.rates);
    expect(d.civic.byStatus).toEqual(metrics.byStatus);
    expect(d.civic.byMonth).toEqual(metrics.byMonth);
    expect(sum(d.children, 'casesReceived')).toBe(metrics.counts.received);
    expect(d.children.reduce((n, c) => n + c.casesOverdueOpen, 0)).toBe(metrics.counts.overdueOpen);
  });

  it('ranks November: compounds by composite score, and the responsible units', async () => {
    const d = await get('countyAdmin');
    expect(d.rankings.month).toBe('2026-11');
    expect(d.rankings.compounds).toEqual([
      { rank: 1, id: s.county.compoundB.id, name: '龙泉苑', received: 1, closed: 1, compositeScore: 30, grade: 'E' },
      { rank: 2, id: s.county.compoundA.id, name: '金碧花园', received: 1, closed: 0, compositeScore: 0, grade: 'E' },
    ]);
    expect(d.rankings.units).toEqual([
      {
        rank: 1,
        id: s.county.propertyCompanyA,
        name: '金碧物业服务有限公司',
        received: 1,
        closed: 0,
        compositeScore: 0,
        grade: 'E',
      },
    ]);
  });

  it('drills down to the two committees, whose rows add up to the county', async () => {
    const d = await get('countyAdmin');
    expect(d.children).toEqual([
      {
        kind: 'org',
        id: s.county.committee.id,
        name: '金碧镇党委',
        compounds: 1,
        compoundsWithBranch: 1,
        members: 3,
        membersReportedIn: 1,
        casesReceived: 2,
        casesClosed: 1,
        casesOverdueOpen: 1,
        compositeScore: 85,
        grade: 'B',
      },
      {
        kind: 'org',
        id: s.county.otherCommittee.id,
        name: '龙泉镇党委',
        compounds: 1,
        compoundsWithBranch: 0,
        members: 1,
        membersReportedIn: 0,
        casesReceived: 1,
        casesClosed: 1,
        casesOverdueOpen: 0,
        compositeScore: 30,
        grade: 'E',
      },
    ]);
    expect(sum(d.children, 'compounds')).toBe(d.coverage.reduce((n, c) => n + c.total, 0));
    expect(sum(d.children, 'casesReceived')).toBe(d.civic.byMonth.reduce((n, m) => n + m.received, 0));
    expect(sum(d.children, 'casesClosed')).toBe(d.civic.byMonth.reduce((n, m) => n + m.closed, 0));
    for (const [key, value] of [
      ['compounds_total', sum(d.children, 'compounds')],
      ['cases_received', sum(d.children, 'casesReceived')],
      ['cases_closed', sum(d.children, 'casesClosed')],
    ] as const) {
      if (d.figures[key] !== undefined) expect(d.figures[key]).toBe(value);
    }
  });

  it('counts stock as at the end of the period: no compound to drill into yet, October’s mediation', async () => {
    const res = await as(s.t.app, s.countyAdmin).get('/api/v1/dashboard?from=2026-10-01&to=2026-10-31');
    const d = res.json() as Dashboard;
    expect(d.coverage.every((c) => c.total === 0 && c.withBranch === 0)).toBe(true);
    expect(d.children).toEqual([]);
    expect(d.civic.byMonth.map((m) => [m.month, m.received])).toEqual([['2026-10', 1]]);
    expect(d.civic.mediation).toEqual({ total: 1, agreed: 1, failed: 0, pending: 0 });
    expect(d.rankings.month).toBe('2026-10');
  });
});

describe('GET /dashboard — a committee and a compound', () => {
  it('starts a committee admin’s breadcrumb at their committee and skips child nodes without compounds', async () => {
    const d = await get('jinbiAdmin');
    expect(d.scope).toEqual({ kind: 'org', id: s.county.committee.id, name: '金碧镇党委' });
    expect(d.breadcrumb).toEqual([{ kind: 'org', id: s.county.committee.id, name: '金碧镇党委' }]);
    expect(d.children.map((c) => [c.kind, c.name, c.compounds, c.members, c.casesReceived, c.casesClosed])).toEqual([
      ['org', '金碧社区党总支', 1, 3, 2, 1],
    ]);
    expect(d.coverage.find((c) => c.stage === 'rollout')).toEqual({ stage: 'rollout', total: 1, withBranch: 1 });
    expect(d.civic.mediation).toEqual({ total: 1, agreed: 1, failed: 0, pending: 0 });
    expect(d.rankings.compounds.map((r) => r.name)).toEqual(['金碧花园']);

    const community = await get('jinbiAdmin', `&orgId=${s.county.community.id}`);
    expect(community.breadcrumb.map((b) => b.name)).toEqual(['金碧镇党委', '金碧社区党总支']);
    expect(community.children).toEqual([
      expect.objectContaining({
        kind: 'compound',
        id: s.county.compoundA.id,
        name: '金碧花园',
        compounds: 1,
        compoundsWithBranch: 1,
        members: 2,
        membersReportedIn: 1,
        casesReceived: 2,
        casesClosed: 1,
        casesOverdueOpen: 1,
      }),
    ]);
  });

  it('opens a branch secretary on their compound, with no children and nothing to rank', async () => {
    const d = await get('secretaryA');
    expect(d.scope).toEqual({ kind: 'compound', id: s.county.compoundA.id, name: '金碧花园' });
    expect(d.breadcrumb).toEqual([{ kind: 'compound', id: s.county.compoundA.id, name: '金碧花园' }]);
    expect(d.children).toEqual([]);
    expect(d.rankings).toEqual({ month: '2026-11', compounds: [], units: [] });
    expect(d.coverage.find((c) => c.stage === 'rollout')).toEqual({ stage: 'rollout', total: 1, withBranch: 1 });
    expect(d.civic.byMonth.map((m) => [m.month, m.received, m.closed])).toEqual([
      ['2026-10', 1, 1],
      ['2026-11', 1, 0],
    ]);
  });

  it('shows the county admin the whole path down to a compound, and a branch node as its compound', async () => {
    const d = await get('countyAdmin', `&compoundId=${s.county.compoundA.id}`);
    expect(d.breadcrumb.map((b) => `${b.kind}:${b.name}`)).toEqual([
      'org:测试县委',
      'org:金碧镇党委',
      'org:金碧社区党总支',
      'compound:金碧花园',
    ]);
    const viaBranch = await get('countyAdmin', `&orgId=${s.county.compoundA.branch?.id}`);
    expect(viaBranch.scope).toEqual({ kind: 'compound', id: s.county.compoundA.id, name: '金碧花园' });
  });
});

describe('GET /dashboard — kept while its data stands', () => {
  const received = (d: Dashboard) => sum(d.children, 'casesReceived');
  const shiftTally = (by: number) =>
    sql`UPDATE civic_case_tally SET received = received + ${by}`.execute(s.t.platform.db);

  it('answers again from what it computed until an audited change or a minute passes', async () => {
    const first = await get('countyAdmin');
    // A change no action made (and so no audit entry marks): the cached answer stands for now.
    await shiftTally(1);
    let shifted = 1;
    try {
      expect(received(await get('countyAdmin'))).toBe(received(first));
      s.t.clock.advance(61_000);
      const aged = await get('countyAdmin');
      expect(received(aged)).toBeGreaterThan(received(first));
      await shiftTally(-1);
      shifted = 0;
      expect(received(await get('countyAdmin'))).toBe(received(aged));
      // Any audited action is a new version of the data: computed afresh at once.
      await recordAudit(systemCtx(s.t.platform), { action: 'test.touch', objectType: 'test', objectId: 'dashboard' });
      expect(received(await get('countyAdmin'))).toBe(received(first));
    } finally {
      if (shifted) await shiftTally(-shifted);
    }
  });

  it('never hands one user the answer computed for another', async () => {
    const county = await get('countyAdmin');
    const committee = await get('jinbiAdmin');
    expect(committee.scope.id).not.toBe(county.scope.id);
    expect(committee.breadcrumb[0]?.id).not.toBe(county.breadcrumb[0]?.id);
  });
});
