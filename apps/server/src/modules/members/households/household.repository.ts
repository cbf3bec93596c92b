import type { Household, HouseholdExportQuery } from '@linli/contracts';
import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { DB } from '../../../db/schema.ts';
import { inScope } from '../../../platform/access/authorize.ts';
import type { Actor } from '../../../platform/context.ts';
import { likeContains, likeEscape, toNumber } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { householdLabel } from './household-address.ts';

/** Where the list continues: the last row's compound, address key and id (the list's order). */
export interface HouseholdKeyset {
  compoundId: string;
  sortKey: string;
  id: string;
}

type HouseholdEb = ExpressionBuilder<DB, 'household' | 'compound' | 'grid'>;

const counts = (eb: HouseholdEb) => [
  eb
    .selectFrom('resident')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('resident.household_id', '=', 'household.id')
    .as('resident_count'),
  eb
    .selectFrom('household_link')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('household_link.household_id', '=', 'household.id')
    .as('link_count'),
  eb
    .selectFrom('household_visit')
    .select((e) => e.fn.max('household_visit.visited_on').as('m'))
    .whereRef('household_visit.household_id', '=', 'household.id')
    .as('last_visit_on'),
];

/** A household with its compound and grid names and the counts the list shows. */
const householdQuery = (db: Db | Trx) =>
  db
    .selectFrom('household')
    .innerJoin('compound', 'compound.id', 'household.compound_id')
    .leftJoin('grid', 'grid.id', 'household.grid_id')
    .select([
      'household.id',
      'household.compound_id',
      'compound.name as compound_name',
      'household.grid_id',
      'grid.name as grid_name',
      'household.path',
      'household.building',
      'household.unit',
      'household.room',
      'household.sort_key',
      'household.note',
      'household.version',
    ])
    .select(counts);

export type HouseholdRow = Awaited<ReturnType<ReturnType<typeof householdQuery>['executeTakeFirstOrThrow']>>;

export const toHousehold = (r: HouseholdRow): Household => ({
  id: r.id,
  compoundId: r.compound_id,
  compoundName: r.compound_name,
  gridId: r.grid_id,
  gridName: r.grid_name,
  building: r.building,
  unit: r.unit,
  room: r.room,
  label: householdLabel(r),
  note: r.note,
  residentCount: toNumber(r.resident_count),
  linkedMemberCount: toNumber(r.link_count),
  lastVisitOn: r.last_visit_on ?? null,
  version: r.version,
});

export function findHouseholdRow(db: Db | Trx, id: string): Promise<HouseholdRow | undefined> {
  return householdQuery(db).where('household.id', '=', id).executeTakeFirst();
}

/**
 * Households in the caller's `household.read` scope, by compound then natural address order, `limit + 1` rows
 * after `after` (the extra row says whether a next page exists).
 */
export function listHouseholdRows(
  db: Db,
  actor: Actor,
  filters: HouseholdExportQuery,
  page: { after: HouseholdKeyset | undefined; limit: number },
): Promise<HouseholdRow[]> {
  const { after } = page;
  return householdQuery(db)
    .where(inScope(actor, 'household.read', 'household.path'))
    .$if(filters.compoundId !== undefined, (q) => q.where('household.compound_id', '=', filters.compoundId ?? ''))
    .$if(filters.gridId !== undefined, (q) => q.where('household.grid_id', '=', filters.gridId ?? ''))
    .$if(filters.building !== undefined, (q) => q.where('household.building', '=', filters.building ?? ''))
    .$if(filters.q !== undefined, (q) =>
      q.where(
        sql<boolean>`(household.building || household.unit || household.room) LIKE ${likeContains(filters.q ?? '')} ${likeEscape}`,
      ),
    )
    .$if(after !== undefined, (q) =>
      q.where((eb) => {
        const a = after as HouseholdKeyset;
        return eb.or([
          eb('household.compound_id', '>', a.compoundId),
          eb.and([eb('household.compound_id', '=', a.compoundId), eb('household.sort_key', '>', a.sortKey)]),
          eb.and([
            eb('household.compound_id', '=', a.compoundId),
            eb('household.sort_key', '=', a.sortKey),
            eb('household.id', '>', a.id),
          ]),
        ]);
      }),
    )
    .orderBy('household.compound_id')
    .orderBy('household.sort_key')
    .orderBy('household.id')
    .limit(page.limit + 1)
    .execute();
}

export const keysetOf = (r: HouseholdRow): HouseholdKeyset => ({
  compoundId: r.compound_id,
  sortKey: r.sort_key,
  id: r.id,
});

/** The grid a household may be placed in: it must lie in the household's compound. */
export function findGrid(db: Db | Trx, id: string) {
  return db.selectFrom('grid').select(['id', 'path', 'compound_id']).where('id', '=', id).executeTakeFirst();
}

export function findCompound(db: Db | Trx, id: string) {
  return db.selectFrom('compound').select(['id', 'path', 'name']).where('id', '=', id).executeTakeFirst();
}

/** A household moved to another grid carries its residents, links and visits along (they share its path). */
export async function moveHouseholdPath(trx: Trx, householdId: string, path: string): Promise<void> {
  await trx.updateTable('resident').set({ path }).where('household_id', '=', householdId).execute();
  await trx.updateTable('household_link').set({ path }).where('household_id', '=', householdId).execute();
  await trx.updateTable('household_visit').set({ path }).where('household_id', '=', householdId).execute();
}
