import type { Dashboard, DashboardChild } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, type Session } from '../../../../test/harness.ts';
import { type ReportsTest, setupReportsTest } from '../reports.test-support.ts';

/* The cockpit on the hand-counted reports dataset (reports.test-support.ts): its parts agree with the figures. */

let s: ReportsTest;
beforeAll(async () => {
  s = await setupReportsTest();
});
afterAll(async () => {
  await s.close();
});

const open = async (session: Session, scope = ''): Promise<Dashboard> => {
  const res = await as(s.app, session).get(`/api/v1/dashboard?from=${s.period.from}&to=${s.period.to}${scope}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
};
const total = (rows: DashboardChild[], key: keyof DashboardChild) =>
  rows.reduce((n, r) => n + (typeof r[key] === 'number' ? r[key] : 0), 0);

describe('the cockpit on the reports dataset', () => {
  it('quotes every catalogue figure of the county, and its charts say the same', async () => {
    const d = await open(s.sessions.countyAdmin);
    const expected = s.EXPECTED.county;
    expect(d.figures).toEqual(expected);
    expect(d.coverage).toEqual([
      { stage: 'pilot', total: expected.compounds_pilot, withBranch: 1 },
      { stage: 'validation', total: expected.compounds_validation, withBranch: 1 },
      { stage: 'rollout', total: expected.compounds_rollout, withBranch: 1 },
    ]);
    expect(d.coverage.reduce((n, c) => n + c.withBranch, 0)).toBe(expected.compounds_with_branch);
    expect(Object.fromEntries(d.civic.byRootCategory.map((r) => [r.code, r.closed]))).toEqual({
      MS: expected.cases_closed_ms,
      CG: expected.cases_closed_cg,
      NY: expected.cases_closed_ny,
      SJ: expected.cases_closed_sj,
      LD: expected.cases_closed_ld,
      PK: expected.cases_closed_pk,
    });
    expect(d.civic.byRootCategory.reduce((n, r) => n + r.received, 0)).toBe(expected.cases_received);
    expect(d.civic.rates).toMatchObject({
      responseRate: expected.response_rate,
      resolutionRate: expected.resolution_rate,
      satisfactionRate: expected.satisfaction_rate,
      compositeScore: expected.composite_score,
      grade: expected.grade,
    });
    expect(d.civic.mediation).toEqual({ total: expected.disputes_mediated, agreed: 1, failed: 1, pending: 1 });
    expect(d.civic.byMonth.map((m) => m.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
  });

  it('drills down to the two towns (not the organ working committee) with the towns’ own figures', async () => {
    const d = await open(s.sessions.countyAdmin);
    const town = s.EXPECTED.committee;
    const other = s.EXPECTED.otherCommittee;
    expect(d.children).toEqual([
      {
        kind: 'org',
        id: s.county.committee.id,
        name: '金碧镇党委',
        compounds: town.compounds_total,
        compoundsWithBranch: town.compounds_with_branch,
        members: town.members_total,
        membersReportedIn: town.members_reported_in,
        casesReceived: town.cases_received,
        casesClosed: town.cases_closed,
        casesOverdueOpen: town.cases_overdue_open,
        compositeScore: town.composite_score,
        grade: town.grade,
      },
      {
        kind: 'org',
        id: s.county.otherCommittee.id,
        name: '龙泉镇党委',
        compounds: other.compounds_total,
        compoundsWithBranch: other.compounds_with_branch,
        members: other.members_total,
        membersReportedIn: other.members_reported_in,
        casesReceived: other.cases_received,
        casesClosed: other.cases_closed,
        casesOverdueOpen: other.cases_overdue_open,
        compositeScore: other.composite_score,
        grade: other.grade,
      },
    ]);
    // Compounds and cases lie in the towns only; a member living outside the county counts for the county alone.
    expect(total(d.children, 'compounds')).toBe(d.figures.compounds_total);
    expect(total(d.children, 'casesReceived')).toBe(d.figures.cases_received);
    expect(total(d.children, 'casesClosed')).toBe(d.figures.cases_closed);
    expect(total(d.children, 'casesOverdueOpen')).toBe(d.figures.cases_overdue_open);
    expect(total(d.children, 'members')).toBe(Number(d.figures.members_total) - 1);
  });

  it('gives a committee admin their town from its root, and its compounds through the community', async () => {
    const d = await open(s.sessions.committeeAdmin);
    expect(d.breadcrumb).toEqual([{ kind: 'org', id: s.county.committee.id, name: '金碧镇党委' }]);
    expect(d.figures).toEqual(s.EXPECTED.committee);
    expect(d.children.map((c) => [c.name, c.compounds, c.casesReceived, c.casesClosed])).toEqual([
      ['金碧社区党总支', 3, 11, 8],
    ]);
    const community = await open(s.sessions.committeeAdmin, `&orgId=${s.county.community.id}`);
    expect(community.breadcrumb.map((b) => b.name)).toEqual(['金碧镇党委', '金碧社区党总支']);
    const a = s.EXPECTED.compoundA;
    expect(community.children.find((c) => c.id === s.county.compoundA.id)).toEqual({
      kind: 'compound',
      id: s.county.compoundA.id,
      name: '金碧花园',
      compounds: 1,
      compoundsWithBranch: 1,
      members: a.members_total,
      membersReportedIn: a.members_reported_in,
      casesReceived: a.cases_received,
      casesClosed: a.cases_closed,
      casesOverdueOpen: a.cases_overdue_open,
      compositeScore: a.composite_score,
      grade: a.grade,
    });
    // 金碧东苑 was created after the period: not there to drill into yet.
    expect(community.children.map((c) => c.name).sort()).toEqual(['金碧新村', '金碧花园', '金碧雅苑'].sort());
  });

  it('opens the branch secretary on 金碧花园 with its figures, no children and no rankings', async () => {
    const d = await open(s.sessions.secretaryA);
    expect(d.scope).toEqual({ kind: 'compound', id: s.county.compoundA.id, name: '金碧花园' });
    expect(d.figures).toEqual(s.EXPECTED.compoundA);
    expect(d.children).toEqual([]);
    expect(d.rankings).toEqual({ month: '2026-06', compounds: [], units: [] });
  });
});
