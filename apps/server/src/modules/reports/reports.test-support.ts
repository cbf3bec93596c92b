import type { FigureKey, FigureValue } from '@linli/contracts';
import { signInAs } from '../../../test/factories.ts';
import { createTestApp, type Session, type TestApp } from '../../../test/harness.ts';
import { insertReportsCases } from './figures/figures-civic.test-support.ts';
import { EXPECTED, PERIOD, type ScopeName } from './figures/figures-expected.test-support.ts';
import { insertReportsMembers } from './figures/figures-members.test-support.ts';
import { buildReportsCounty, type ReportsCounty } from './figures/figures-organisation.test-support.ts';
import type { ReportScope } from './report-scope.ts';

export { EXPECTED, PERIOD, SCOPES, type ScopeName } from './figures/figures-expected.test-support.ts';
export type { ReportsCounty } from './figures/figures-organisation.test-support.ts';

/** "Now" in the reports tests: after the period (2026-01-01‥2026-06-30) and after every late row. */
export const REPORTS_NOW = '2026-09-15T02:00:00.000Z';

export interface ReportsSessions {
  countyAdmin: Session;
  /** committee_admin of 金碧镇党委. */
  committeeAdmin: Session;
  /** committee_admin of 龙泉镇党委. */
  otherCommitteeAdmin: Session;
  /** branch_secretary of 金碧花园. */
  secretaryA: Session;
  gridWorkerA: Session;
  /** A resident of 金碧花园. */
  resident: Session;
}

export interface ReportsTest {
  t: TestApp;
  app: TestApp['app'];
  platform: TestApp['platform'];
  /** The fake clock, standing at `REPORTS_NOW`. */
  clock: TestApp['clock'];
  county: ReportsCounty;
  sessions: ReportsSessions;
  period: { from: string; to: string };
  /** Every available figure's value per scope, hand-counted (see figures/figures-expected.test-support.ts). */
  EXPECTED: Record<ScopeName, Partial<Record<FigureKey, FigureValue>>>;
  /** The case ids c1…c18 of the dataset by name. */
  cases: Record<string, string>;
  /** The report scopes of the expectations, as `resolveReportScope` would answer them. */
  scopes: Record<ScopeName, ReportScope>;
  close(): Promise<void>;
}

/**
 * A fresh app holding the reports dataset: a county with two towns, five compounds in the period (plus one created
 * after it), organ Party orgs with duty zones, members, report-ins, posts, services, 民情 cases and mediations,
 * each placed so every available figure has a known, non-trivial answer for the county, 金碧镇党委 and 金碧花园
 * (`EXPECTED`), and so 龙泉镇党委 and the empty 金碧新村 prove scope isolation. The clock stands at `REPORTS_NOW`.
 * Call in `beforeAll`; call `close()` in `afterAll`.
 */
export async function setupReportsTest(): Promise<ReportsTest> {
  const t = await createTestApp();
  try {
    const county = await buildReportsCounty(t);
    await insertReportsMembers(t, county);
    const cases = await insertReportsCases(t, county);
    t.clock.set(REPORTS_NOW);
    const p = t.platform;
    const sessions: ReportsSessions = {
      countyAdmin: await signInAs(p, 'county_admin', county.county, '县委管理员'),
      committeeAdmin: await signInAs(p, 'committee_admin', county.committee, '金碧镇管理员'),
      otherCommitteeAdmin: await signInAs(p, 'committee_admin', county.otherCommittee, '龙泉镇管理员'),
      secretaryA: await signInAs(p, 'branch_secretary', county.compoundA, '金碧花园书记'),
      gridWorkerA: await signInAs(p, 'grid_worker', county.gridA, '网格员'),
      resident: await signInAs(p, 'resident', county.compoundA, '居民'),
    };
    const org = (node: { id: string; path: string }, name: string): ReportScope => ({
      kind: 'org',
      id: node.id,
      name,
      path: node.path,
    });
    const compound = (node: { id: string; path: string }, name: string): ReportScope => ({
      kind: 'compound',
      id: node.id,
      name,
      path: node.path,
    });
    return {
      t,
      app: t.app,
      platform: p,
      clock: t.clock,
      county,
      sessions,
      period: { ...PERIOD },
      EXPECTED,
      cases,
      scopes: {
        county: org(county.county, '测试县委'),
        committee: org(county.committee, '金碧镇党委'),
        compoundA: compound(county.compoundA, '金碧花园'),
        otherCommittee: org(county.otherCommittee, '龙泉镇党委'),
        emptyCompound: compound(county.compoundA3, '金碧新村'),
      },
      close: () => t.close(),
    };
  } catch (error) {
    await t.close();
    throw error;
  }
}
