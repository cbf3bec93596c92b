import type { Household, HouseholdDetail, HouseholdListQuery, Page } from '@linli/contracts';
import { authorize, can, requireActor } from '../../../platform/access/authorize.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { decodeCursor, toPage } from '../../../platform/pagination.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { findSelfMember } from '../member-access.ts';
import {
  findHouseholdRow,
  type HouseholdKeyset,
  type HouseholdRow,
  keysetOf,
  listHouseholdRows,
  toHousehold,
} from './household.repository.ts';
import {
  findLinkId,
  listLinkRowsOfHousehold,
  listResidentRows,
  recentVisitRows,
  toHouseholdLink,
  toHouseholdVisit,
  toResident,
} from './household-parts.repository.ts';

/** How many visits the detail shows; the rest are in `GET /household-visits?householdId=`. */
const RECENT_VISITS = 20;

/** A household, or 404. Callers authorise against `row.path` next. */
export async function getHouseholdRow(ctx: Ctx, id: string, db: Ctx['db'] | Trx = ctx.db): Promise<HouseholdRow> {
  const row = await findHouseholdRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', { details: { object: 'household' } });
  return row;
}

/** The list cursor is the last row's (compound, address key, id); anything else is a 400. */
function afterOf(cursor: string | undefined): HouseholdKeyset | undefined {
  const keys = decodeCursor(cursor, ['c', 'k', 'id']);
  return keys && { compoundId: String(keys.c), sortKey: String(keys.k), id: String(keys.id) };
}

/**
 * `GET /households`: the caller's `household.read` scope (a grid worker sees their grid's households, a
 * secretary the compound's), by compound and then natural address order, keyset-paged.
 */
export async function listHouseholds(ctx: Ctx, query: HouseholdListQuery): Promise<Page<Household>> {
  const actor = authorize(ctx, 'household.read');
  const after = afterOf(query.cursor);
  const rows = await listHouseholdRows(ctx.db, actor, query, { after, limit: query.limit });
  return toPage(rows, query.limit, toHousehold, (r) => {
    const k = keysetOf(r);
    return { c: k.compoundId, k: k.sortKey, id: k.id };
  });
}

/**
 * Whether the caller may log a visit to the household as a member linked to it (党员联系住户), besides the
 * `household.write` holders. Only looked up for `member.self` holders.
 */
export async function isLinkedSelf(ctx: Ctx, householdId: string, db: Ctx['db'] | Trx = ctx.db): Promise<boolean> {
  if (!can(ctx.actor, 'member.self')) return false;
  const self = await findSelfMember(ctx, db);
  if (!self) return false;
  return (await findLinkId(db, self.id, householdId)) !== undefined;
}

/** The detail as the caller sees it: residents (phones masked), linked members, the last visits, abilities. */
export async function loadHouseholdDetail(
  ctx: Ctx,
  row: HouseholdRow,
  db: Ctx['db'] | Trx = ctx.db,
): Promise<HouseholdDetail> {
  const [residents, links, visits] = await Promise.all([
    listResidentRows(db, row.id),
    listLinkRowsOfHousehold(db, row.id),
    recentVisitRows(db, row.id, RECENT_VISITS),
  ]);
  const write = can(ctx.actor, 'household.write', { path: row.path });
  return {
    ...toHousehold(row),
    residents: residents.map((r) => toResident(ctx.cipher, r)),
    links: links.map(toHouseholdLink),
    recentVisits: visits.map(toHouseholdVisit),
    abilities: {
      update: write,
      // Linking also needs a member in view: `member.read` somewhere (the member itself is checked on link).
      link: write && can(ctx.actor, 'member.read'),
      visit: write || (await isLinkedSelf(ctx, row.id, db)),
    },
  };
}

/** `GET /households/:id` with `household.read` over the household (its grid's path, else its compound's). */
export async function getHouseholdDetail(ctx: Ctx, id: string): Promise<HouseholdDetail> {
  requireActor(ctx);
  authorize(ctx, 'household.read');
  const row = await getHouseholdRow(ctx, id);
  authorize(ctx, 'household.read', { path: row.path });
  return loadHouseholdDetail(ctx, row);
}
