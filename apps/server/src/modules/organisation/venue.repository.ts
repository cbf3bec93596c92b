import { type Selectable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { VenueTable } from '../../db/schema.ts';
import { inScope } from '../../platform/access/authorize.ts';
import type { Actor } from '../../platform/context.ts';
import { afterKeyset } from '../../platform/pagination.ts';
import { likeContains } from '../../platform/sql-helpers.ts';
import type { Keyset } from './organisation-paging.ts';

export type VenueRow = Selectable<VenueTable> & { compound_name: string };

const selectVenues = (db: Db) =>
  db
    .selectFrom('venue')
    .innerJoin('compound as c', 'c.id', 'venue.compound_id')
    .selectAll('venue')
    .select('c.name as compound_name');

export const findVenueRow = (db: Db, id: string): Promise<VenueRow | undefined> =>
  selectVenues(db).where('venue.id', '=', id).executeTakeFirst();

export interface VenueFilters {
  compoundId?: string | undefined;
  q?: string | undefined;
}

/** The caller's readable venues by name, one keyset page (plus one row) at a time. */
export const listVenueRows = (db: Db, actor: Actor, filters: VenueFilters, after: Keyset | undefined, limit: number) =>
  selectVenues(db)
    .where(inScope(actor, 'compound.read', 'venue.path'))
    .$if(filters.compoundId !== undefined, (qb) => qb.where('venue.compound_id', '=', filters.compoundId ?? ''))
    .$if(Boolean(filters.q), (qb) =>
      qb.where(sql<SqlBool>`venue.name LIKE ${likeContains(filters.q ?? '')} ESCAPE '\\'`),
    )
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset('venue.name', 'venue.id', 'asc', after ?? { key: '', id: '' })),
    )
    .orderBy('venue.name')
    .orderBy('venue.id')
    .limit(limit + 1)
    .execute();
