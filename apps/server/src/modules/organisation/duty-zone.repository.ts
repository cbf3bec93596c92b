import { type Selectable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DutyZoneTable } from '../../db/schema.ts';
import { inScope } from '../../platform/access/authorize.ts';
import type { Actor } from '../../platform/context.ts';
import { afterKeyset } from '../../platform/pagination.ts';
import { likeContains } from '../../platform/sql-helpers.ts';
import type { Keyset } from './organisation-paging.ts';

export type DutyZoneRow = Selectable<DutyZoneTable> & { holder_org_name: string };

const selectDutyZones = (db: Db) =>
  db
    .selectFrom('duty_zone')
    .innerJoin('org_unit as h', 'h.id', 'duty_zone.holder_org_id')
    .selectAll('duty_zone')
    .select('h.name as holder_org_name');

export const findDutyZoneRow = (db: Db, id: string): Promise<DutyZoneRow | undefined> =>
  selectDutyZones(db).where('duty_zone.id', '=', id).executeTakeFirst();

export interface DutyZoneFilters {
  kind?: 'river' | 'street' | undefined;
  holderOrgId?: string | undefined;
  q?: string | undefined;
}

/** The caller's readable zones by name, one keyset page (plus one row) at a time. */
export const listDutyZoneRows = (
  db: Db,
  actor: Actor,
  filters: DutyZoneFilters,
  after: Keyset | undefined,
  limit: number,
) =>
  selectDutyZones(db)
    .where(inScope(actor, 'org.read', 'duty_zone.path'))
    .$if(filters.kind !== undefined, (qb) => qb.where('duty_zone.kind', '=', filters.kind ?? 'river'))
    .$if(filters.holderOrgId !== undefined, (qb) => qb.where('duty_zone.holder_org_id', '=', filters.holderOrgId ?? ''))
    .$if(Boolean(filters.q), (qb) =>
      qb.where(sql<SqlBool>`duty_zone.name LIKE ${likeContains(filters.q ?? '')} ESCAPE '\\'`),
    )
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset('duty_zone.name', 'duty_zone.id', 'asc', after ?? { key: '', id: '' })),
    )
    .orderBy('duty_zone.name')
    .orderBy('duty_zone.id')
    .limit(limit + 1)
    .execute();
