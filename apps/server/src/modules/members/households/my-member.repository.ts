import type { Db } from '../../../db/database.ts';
import { toNumber } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { householdLabel } from './household-address.ts';

/*
 * The reads behind a member's own record and badge. Posts, service records and report-ins belong to the other
 * member areas; their tables are read here directly (same module) so the record is one set of queries.
 */

/** The member with the names of the branch, residence compound and household it points at. */
export function findMemberProfile(db: Db | Trx, memberId: string) {
  return db
    .selectFrom('member')
    .leftJoin('org_unit as branch', 'branch.id', 'member.branch_org_id')
    .leftJoin('compound', 'compound.id', 'member.residence_compound_id')
    .leftJoin('household', 'household.id', 'member.household_id')
    .select([
      'member.id',
      'member.name',
      'member.phone_cipher',
      'member.status',
      'member.employment',
      'member.report_in_status',
      'member.badge_token',
      'branch.name as branch_name',
      'member.residence_compound_id',
      'compound.name as compound_name',
      'member.household_id',
      'household.building',
      'household.unit',
      'household.room',
    ])
    .where('member.id', '=', memberId)
    .executeTakeFirst();
}

/** The member's latest report-in (any state), with the compound it went to. */
export function latestReportIn(db: Db | Trx, memberId: string) {
  return db
    .selectFrom('member_report_in')
    .innerJoin('compound', 'compound.id', 'member_report_in.compound_id')
    .select([
      'member_report_in.status',
      'member_report_in.registered_at',
      'member_report_in.decided_at',
      'compound.name as compound_name',
    ])
    .where('member_report_in.member_id', '=', memberId)
    .orderBy('member_report_in.registered_at', 'desc')
    .orderBy('member_report_in.id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Posts whose claim by the member the branch approved, in the order they were claimed. */
export function approvedPosts(db: Db | Trx, memberId: string) {
  return db
    .selectFrom('post_claim')
    .innerJoin('post', 'post.id', 'post_claim.post_id')
    .innerJoin('compound', 'compound.id', 'post.compound_id')
    .select(['post.id as post_id', 'post.title', 'compound.name as compound_name'])
    .where('post_claim.member_id', '=', memberId)
    .where('post_claim.status', '=', 'approved')
    .orderBy('post_claim.claimed_at')
    .orderBy('post_claim.id')
    .execute();
}

/** Count and hours of the member's service records, all of them or from `fromDay` on. */
export async function serviceTotals(db: Db | Trx, memberId: string, fromDay?: string) {
  const row = await db
    .selectFrom('service_record')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('minutes').as('minutes')])
    .where('member_id', '=', memberId)
    .$if(fromDay !== undefined, (q) => q.where('served_on', '>=', fromDay ?? ''))
    .executeTakeFirst();
  return { count: toNumber(row?.n), hours: Math.round((toNumber(row?.minutes) / 60) * 10) / 10 };
}

/** Rated service records of the member, by rating. */
export async function ratingCounts(db: Db | Trx, memberId: string) {
  const rows = await db
    .selectFrom('service_record')
    .select((eb) => ['rating', eb.fn.countAll<number>().as('n')])
    .where('member_id', '=', memberId)
    .where('rating', 'is not', null)
    .groupBy('rating')
    .execute();
  const of = (rating: string) => toNumber(rows.find((r) => r.rating === rating)?.n);
  return {
    satisfied: of('satisfied'),
    basicallySatisfied: of('basically_satisfied'),
    dissatisfied: of('dissatisfied'),
  };
}

/** The households the member looks after (党员联系住户). */
export async function linkedHouseholds(db: Db | Trx, memberId: string) {
  const rows = await db
    .selectFrom('household_link')
    .innerJoin('household', 'household.id', 'household_link.household_id')
    .innerJoin('compound', 'compound.id', 'household.compound_id')
    .select([
      'household_link.id',
      'household.id as household_id',
      'household.building',
      'household.unit',
      'household.room',
      'compound.name as compound_name',
    ])
    .where('household_link.member_id', '=', memberId)
    .orderBy('household.compound_id')
    .orderBy('household.sort_key')
    .execute();
  return rows.map((r) => ({
    linkId: r.id,
    householdId: r.household_id,
    label: householdLabel(r),
    compoundName: r.compound_name,
  }));
}

/** What a badge shows of a member, found by the member's id or by the badge token in the QR code. */
export async function badgeFacts(
  db: Db | Trx,
  by: { memberId: string } | { token: string },
): Promise<{ memberId: string; name: string; branchName: string | null; posts: string[] } | undefined> {
  const member = await db
    .selectFrom('member')
    .leftJoin('org_unit as branch', 'branch.id', 'member.branch_org_id')
    .select(['member.id', 'member.name', 'branch.name as branch_name'])
    .$if('memberId' in by, (q) => q.where('member.id', '=', 'memberId' in by ? by.memberId : ''))
    .$if('token' in by, (q) => q.where('member.badge_token', '=', 'token' in by ? by.token : ''))
    .executeTakeFirst();
  if (!member) return undefined;
  const posts = await approvedPosts(db, member.id);
  return {
    memberId: member.id,
    name: member.name,
    branchName: member.branch_name ?? null,
    posts: posts.map((p) => p.title),
  };
}
