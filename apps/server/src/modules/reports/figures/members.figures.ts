import type { FigureKey } from '@linli/contracts';
import { sql } from 'kysely';
import { pathStartsWith, toNumber } from '../../../platform/sql-helpers.ts';
import { fieldOf, firstNumber, periodEnd, roundTo, shareOf } from './figure-sql.ts';
import type { FigureFn, FigureInput } from './figure-types.ts';

/*
 * 党员, 双报到, 设岗定责 and services. A member is placed once in the tree by `residence_path` (the compound where
 * they live, or their home branch when they live outside the county), so the county's total is the sum of its
 * towns' plus the members living outside every town. The roster keeps no leaving date and only the current
 * employment: a member counts when they joined the Party by the period's end (`joined_on`) and is still on the
 * roster, in the employment they have now.
 */

/** Members by employment, as at the end (one grouped count for the total, in-service and retired figures). */
async function membersByEmployment({ db, scope, period }: FigureInput) {
  const rows = await db
    .selectFrom('member')
    .select(['employment', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where(pathStartsWith('residence_path', scope.path))
    .where('joined_on', '<=', period.to)
    .groupBy('employment')
    .execute();
  const of = (employment: string) => toNumber(rows.find((r) => r.employment === employment)?.n);
  return {
    total: rows.reduce((sum, r) => sum + toNumber(r.n), 0),
    inService: of('in_service'),
    retired: of('retired'),
  };
}

/**
 * Members whose home branch is a compound's branch (编入小区党组织): their `home_path` is the branch's, which hangs
 * below the compound, so the scope test reads the home-path index and the join checks the branch kind.
 */
const membersInCompoundBranches = ({ db, scope, period }: FigureInput) =>
  firstNumber(
    db
      .selectFrom('member as m')
      .innerJoin('org_unit as b', 'b.id', 'm.branch_org_id')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(pathStartsWith('m.home_path', scope.path))
      .where('m.joined_on', '<=', period.to)
      .where('b.kind', '=', 'branch')
      .where('b.compound_id', 'is not', null),
  );

/** Distinct members with a report-in to a compound in scope confirmed by the end. */
const membersReportedIn = ({ db, scope, period }: FigureInput) =>
  firstNumber(
    db
      .selectFrom('member_report_in')
      .select(sql<number | string>`COUNT(DISTINCT member_id)`.as('n'))
      .where(pathStartsWith('path', scope.path))
      .where('status', '=', 'confirmed')
      .where('decided_at', '<', periodEnd(period)),
  );

/**
 * In-service members living in scope with a report-in confirmed by the end, wherever they reported: the share's
 * numerator must come from the same people as its denominator, so it never exceeds 1 even when some members
 * report to a compound outside the scope.
 */
const inServiceReportedIn = ({ db, scope, period }: FigureInput) =>
  firstNumber(
    db
      .selectFrom('member as m')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(pathStartsWith('m.residence_path', scope.path))
      .where('m.joined_on', '<=', period.to)
      .where('m.employment', '=', 'in_service')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('member_report_in as r')
            .select('r.id')
            .whereRef('r.member_id', '=', 'm.id')
            .where('r.status', '=', 'confirmed')
            .where('r.decided_at', '<', periodEnd(period)),
        ),
      ),
  );

/** Distinct Party organisations whose report-in to a compound or community in scope was received by the end. */
const orgsReportedIn: FigureFn = ({ db, scope, period }) =>
  firstNumber(
    db
      .selectFrom('org_report_in')
      .select(sql<number | string>`COUNT(DISTINCT reporting_org_id)`.as('n'))
      .where(pathStartsWith('path', scope.path))
      .where('status', '=', 'received')
      .where('received_at', '<', periodEnd(period)),
  );

/** Open posts created by the end (a closed post keeps no closing date: it drops out of every period). */
const postsTotal: FigureFn = ({ db, scope, period }) =>
  firstNumber(
    db
      .selectFrom('post')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(pathStartsWith('path', scope.path))
      .where('status', '=', 'open')
      .where('created_at', '<', periodEnd(period)),
  );

/** Distinct members holding a post: a claim approved by the end (a withdrawn or rejected claim is not held). */
const postsClaimedMembers: FigureFn = ({ db, scope, period }) =>
  firstNumber(
    db
      .selectFrom('post_claim')
      .select(sql<number | string>`COUNT(DISTINCT member_id)`.as('n'))
      .where(pathStartsWith('path', scope.path))
      .where('status', '=', 'approved')
      .where('decided_at', '<', periodEnd(period)),
  );

/** Distinct households linked to at least one member by the end (党员联系住户). */
const householdsLinked: FigureFn = ({ db, scope, period }) =>
  firstNumber(
    db
      .selectFrom('household_link')
      .select(sql<number | string>`COUNT(DISTINCT household_id)`.as('n'))
      .where(pathStartsWith('path', scope.path))
      .where('created_at', '<', periodEnd(period)),
  );

/** Service records served on a day of the period in a compound in scope, and their minutes. */
async function services({ db, scope, period }: FigureInput) {
  const row = await db
    .selectFrom('service_record')
    .select([
      (eb) => eb.fn.countAll<number | string>().as('n'),
      (eb) => eb.fn.sum<number | string>('minutes').as('minutes'),
    ])
    .where(pathStartsWith('path', scope.path))
    .where('served_on', '>=', period.from)
    .where('served_on', '<=', period.to)
    .executeTakeFirst();
  return { count: toNumber(row?.n), minutes: toNumber(row?.minutes) };
}

const employment = (pick: (m: Awaited<ReturnType<typeof membersByEmployment>>) => number) =>
  fieldOf('members.byEmployment', membersByEmployment, pick);

/** The members module's figures (definitions: docs/work-report-figures.md). */
export const MEMBERS_FIGURES: Partial<Record<FigureKey, FigureFn>> = {
  members_total: employment((m) => m.total),
  members_in_compound_branches: membersInCompoundBranches,
  members_in_service: employment((m) => m.inService),
  members_retired: employment((m) => m.retired),
  members_reported_in: (input) => input.once('members.reportedIn', () => membersReportedIn(input)),
  report_in_share: async (input) => {
    const reported = await inServiceReportedIn(input);
    const { inService } = await input.once('members.byEmployment', () => membersByEmployment(input));
    return shareOf(reported, inService);
  },
  orgs_reported_in: orgsReportedIn,
  posts_total: postsTotal,
  posts_claimed_members: postsClaimedMembers,
  households_linked: householdsLinked,
  service_records: fieldOf('members.services', services, (s) => s.count),
  service_hours: fieldOf('members.services', services, (s) => roundTo(s.minutes / 60, 1)),
};
