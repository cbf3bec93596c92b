import type { CaseCounts, DashboardChild, MetricSettings } from '@linli/contracts';
import { sql } from 'kysely';
import type { Db, Dialect } from '../../../db/database.ts';
import { pathStartsWith, toNumber } from '../../../platform/sql-helpers.ts';
import { periodBounds, ratesOf, ZERO_COUNTS } from '../../civic-cases/index.ts';
import type { ReportPeriod } from '../figures/figure-types.ts';
import type { ReportScope } from '../report-scope.ts';
import { caseCountsByChild, childOf } from './dashboard-child-cases.query.ts';
import { branchExists } from './dashboard-coverage.query.ts';

interface Candidate {
  kind: 'org' | 'compound';
  id: string;
  name: string;
}

/**
 * The scope's children: its child org nodes other than compound branch nodes (a branch hangs below its
 * compound's path and is reported through the compound), and the compounds it holds directly.
 */
async function candidates(db: Db, orgId: string): Promise<Candidate[]> {
  const [orgs, compounds] = await Promise.all([
    db
      .selectFrom('org_unit')
      .select(['id', 'name'])
      .where('parent_id', '=', orgId)
      .where('compound_id', 'is', null)
      .execute(),
    db.selectFrom('compound').select(['id', 'name']).where('org_id', '=', orgId).execute(),
  ]);
  return [
    ...orgs.map((o) => ({ kind: 'org' as const, id: o.id, name: o.name })),
    ...compounds.map((c) => ({ kind: 'compound' as const, id: c.id, name: c.name })),
  ];
}

type Keyed<T> = Promise<Map<string, T>>;

interface CompoundCounts {
  compounds: number;
  withBranch: number;
}

/** Compounds per child as at the period's end, and those with a branch by then. */
async function compoundsByChild(db: Db, dialect: Dialect, path: string, end: string): Keyed<CompoundCounts> {
  const key = childOf(dialect, 'c.path', path.length);
  const result = await sql<{ k: string; total: number | string; with_branch: number | string }>`
    SELECT ${key} AS k, COUNT(*) AS total, SUM(CASE WHEN ${branchExists(end)} THEN 1 ELSE 0 END) AS with_branch
    FROM compound c WHERE ${pathStartsWith('c.path', path)} AND c.created_at < ${end} GROUP BY ${key}`.execute(db);
  return new Map(result.rows.map((r) => [r.k, { compounds: toNumber(r.total), withBranch: toNumber(r.with_branch) }]));
}

/**
 * Members per child by `residence_path`: the compound a member lives in, or their home branch when they live
 * outside the county, so each member is placed exactly once in the tree and the children add up to the
 * `members_total` figure (`home_path` would put the members of organ branches outside every compound, and count a
 * member living in one town but registered in another's branch in the wrong row). As at the period's end: joined
 * the Party by its last day and still on the roster, as the figure counts them.
 */
async function membersByChild(db: Db, dialect: Dialect, path: string, to: string): Keyed<number> {
  const key = childOf(dialect, 'm.residence_path', path.length);
  const result = await sql<{ k: string; n: number | string }>`
    SELECT ${key} AS k, COUNT(*) AS n FROM member m
    WHERE ${pathStartsWith('m.residence_path', path)} AND m.joined_on <= ${to} GROUP BY ${key}`.execute(db);
  return new Map(result.rows.map((r) => [r.k, toNumber(r.n)]));
}

/** Members with a report-in confirmed at a compound of the child (by the compound's path) by the period's end. */
async function reportedInByChild(db: Db, dialect: Dialect, path: string, end: string): Keyed<number> {
  const key = childOf(dialect, 'r.path', path.length);
  const result = await sql<{ k: string; n: number | string }>`
    SELECT ${key} AS k, COUNT(DISTINCT r.member_id) AS n FROM member_report_in r
    WHERE ${pathStartsWith('r.path', path)} AND r.status = 'confirmed' AND r.decided_at < ${end}
    GROUP BY ${key}`.execute(db);
  return new Map(result.rows.map((r) => [r.k, toNumber(r.n)]));
}

function childRow(
  c: Candidate,
  counts: {
    compounds: CompoundCounts | undefined;
    members: number | undefined;
    reportedIn: number | undefined;
    cases: CaseCounts | undefined;
  },
  settings: MetricSettings,
): DashboardChild {
  const cases = counts.cases ?? ZERO_COUNTS;
  const rates = ratesOf(cases, settings);
  return {
    kind: c.kind,
    id: c.id,
    name: c.name,
    compounds: counts.compounds?.compounds ?? 0,
    compoundsWithBranch: counts.compounds?.withBranch ?? 0,
    members: counts.members ?? 0,
    membersReportedIn: counts.reportedIn ?? 0,
    casesReceived: cases.received,
    casesClosed: cases.closed,
    casesOverdueOpen: cases.overdueOpen,
    compositeScore: rates.compositeScore,
    grade: rates.grade,
  };
}

/**
 * The cockpit's drill-down rows: for an org scope, each child org node with at least one compound below it and
 * each compound the org holds directly, both as at the period's end (a compound created later is not there to
 * drill into yet); a compound has no children. Six queries whatever the number of
 * children (two for the candidates, then compounds, members, report-ins and cases each grouped by the child id read
 * from the row's own path — cases from the 民情 tally by compound); stock counts are as at the period's end, cases
 * as the 统计考核 page counts them.
 * Sorted by name in Chinese order.
 */
export async function dashboardChildren(
  db: Db,
  dialect: Dialect,
  input: { scope: ReportScope; period: ReportPeriod; settings: MetricSettings },
): Promise<DashboardChild[]> {
  if (input.scope.kind === 'compound') return [];
  const listed = await candidates(db, input.scope.id);
  if (listed.length === 0) return [];
  const { path } = input.scope;
  const end = periodBounds(input.period).toInstant;
  const [compounds, members, reportedIn, cases] = await Promise.all([
    compoundsByChild(db, dialect, path, end),
    membersByChild(db, dialect, path, input.period.to),
    reportedInByChild(db, dialect, path, end),
    caseCountsByChild(db, dialect, { path, period: input.period, settings: input.settings }),
  ]);
  return listed
    .filter((c) => (compounds.get(c.id)?.compounds ?? 0) > 0)
    .map((c) =>
      childRow(
        c,
        {
          compounds: compounds.get(c.id),
          members: members.get(c.id),
          reportedIn: reportedIn.get(c.id),
          cases: cases.get(c.id),
        },
        input.settings,
      ),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
}
