import type { HouseholdLink, HouseholdVisit, Resident } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import type { FieldCipher } from '../../../platform/crypto/index.ts';
import { maskPhone } from '../../../platform/crypto/index.ts';
import { toBool } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { householdLabel } from './household-address.ts';

/*
 * The parts of a household: residents, 党员联系住户 links and visits, each read with what its DTO shows.
 */

// ── Residents ─────────────────────────────────────────────────────────────────

const residentQuery = (db: Db | Trx) =>
  db
    .selectFrom('resident')
    .select(['id', 'household_id', 'path', 'name', 'relation', 'phone_cipher', 'user_id', 'version']);

export type ResidentRow = Awaited<ReturnType<ReturnType<typeof residentQuery>['executeTakeFirstOrThrow']>>;

/** The phone is only ever shown masked (PI-3). */
export const toResident = (cipher: FieldCipher, r: ResidentRow): Resident => ({
  id: r.id,
  householdId: r.household_id,
  name: r.name,
  relation: r.relation,
  phoneMasked: r.phone_cipher ? maskPhone(cipher.decrypt(r.phone_cipher)) : null,
  hasAccount: r.user_id !== null,
  version: r.version,
});

export const findResidentRow = (db: Db | Trx, id: string): Promise<ResidentRow | undefined> =>
  residentQuery(db).where('id', '=', id).executeTakeFirst();

export const listResidentRows = (db: Db | Trx, householdId: string): Promise<ResidentRow[]> =>
  residentQuery(db).where('household_id', '=', householdId).orderBy('created_at').orderBy('id').execute();

/** The account a resident's phone belongs to (the same blind index as `app_user.phone_index`), if any. */
export async function accountIdByPhoneIndex(db: Db | Trx, phoneIndex: string | null): Promise<string | null> {
  if (phoneIndex === null) return null;
  const user = await db.selectFrom('app_user').select('id').where('phone_index', '=', phoneIndex).executeTakeFirst();
  return user?.id ?? null;
}

// ── Links ─────────────────────────────────────────────────────────────────────

export const linkQuery = (db: Db | Trx) =>
  db
    .selectFrom('household_link')
    .innerJoin('member', 'member.id', 'household_link.member_id')
    .innerJoin('household', 'household.id', 'household_link.household_id')
    .innerJoin('compound', 'compound.id', 'household.compound_id')
    .select([
      'household_link.id',
      'household_link.member_id',
      'member.name as member_name',
      'household_link.household_id',
      'household.building',
      'household.unit',
      'household.room',
      'household.compound_id',
      'compound.name as compound_name',
      'household_link.path',
      'household_link.created_at',
    ]);

export type LinkRow = Awaited<ReturnType<ReturnType<typeof linkQuery>['executeTakeFirstOrThrow']>>;

export const toHouseholdLink = (r: LinkRow): HouseholdLink => ({
  id: r.id,
  memberId: r.member_id,
  memberName: r.member_name,
  householdId: r.household_id,
  householdLabel: householdLabel(r),
  compoundId: r.compound_id,
  compoundName: r.compound_name,
  createdAt: r.created_at,
});

export const findLinkRow = (db: Db | Trx, id: string): Promise<LinkRow | undefined> =>
  linkQuery(db).where('household_link.id', '=', id).executeTakeFirst();

/** The id of the link between the member and the household, if the member looks after it. */
export async function findLinkId(db: Db | Trx, memberId: string, householdId: string): Promise<string | undefined> {
  const link = await db
    .selectFrom('household_link')
    .select('id')
    .where('member_id', '=', memberId)
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  return link?.id;
}

export const listLinkRowsOfHousehold = (db: Db | Trx, householdId: string): Promise<LinkRow[]> =>
  linkQuery(db)
    .where('household_link.household_id', '=', householdId)
    .orderBy('household_link.created_at')
    .orderBy('household_link.id')
    .execute();

// ── Visits ────────────────────────────────────────────────────────────────────

export const visitQuery = (db: Db | Trx) =>
  db
    .selectFrom('household_visit')
    .innerJoin('household', 'household.id', 'household_visit.household_id')
    .innerJoin('compound', 'compound.id', 'household.compound_id')
    .innerJoin('app_user', 'app_user.id', 'household_visit.visitor_user_id')
    .leftJoin('member', 'member.id', 'household_visit.member_id')
    .select([
      'household_visit.id',
      'household_visit.household_id',
      'household.building',
      'household.unit',
      'household.room',
      'household.compound_id',
      'compound.name as compound_name',
      'household_visit.visited_on',
      'household_visit.visitor_user_id',
      'app_user.display_name as visitor_name',
      'household_visit.member_id',
      'member.name as member_name',
      'household_visit.summary',
      'household_visit.findings',
      'household_visit.follow_up',
      'household_visit.civic_case_id',
      'household_visit.created_at',
    ]);

export type VisitRow = Awaited<ReturnType<ReturnType<typeof visitQuery>['executeTakeFirstOrThrow']>>;

export const toHouseholdVisit = (r: VisitRow): HouseholdVisit => ({
  id: r.id,
  householdId: r.household_id,
  householdLabel: householdLabel(r),
  compoundId: r.compound_id,
  compoundName: r.compound_name,
  visitedOn: r.visited_on,
  visitorUserId: r.visitor_user_id,
  visitorName: r.visitor_name,
  memberId: r.member_id,
  memberName: r.member_name ?? null,
  summary: r.summary,
  findings: r.findings,
  followUp: toBool(r.follow_up),
  civicCaseId: r.civic_case_id,
  createdAt: r.created_at,
});

/** Newest first: by the day visited, then by when it was logged. */
export const recentVisitRows = (db: Db | Trx, householdId: string, limit: number): Promise<VisitRow[]> =>
  visitQuery(db)
    .where('household_visit.household_id', '=', householdId)
    .orderBy('household_visit.visited_on', 'desc')
    .orderBy('household_visit.id', 'desc')
    .limit(limit)
    .execute();
