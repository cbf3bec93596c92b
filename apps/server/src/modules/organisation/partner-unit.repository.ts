import { type Selectable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PartnerUnitTable } from '../../db/schema.ts';
import { inScope } from '../../platform/access/authorize.ts';
import type { Actor } from '../../platform/context.ts';
import { afterKeyset } from '../../platform/pagination.ts';
import { likeContains } from '../../platform/sql-helpers.ts';
import type { Keyset } from './organisation-paging.ts';

export type PartnerUnitRow = Selectable<PartnerUnitTable>;

export const findPartnerUnitRow = (db: Db, id: string): Promise<PartnerUnitRow | undefined> =>
  db.selectFrom('partner_unit').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * A unit is visible where it was registered (its path) and to every compound it supports: a branch secretary
 * sees the 联系单位 of their compound even though the town registered it.
 */
const visibleTo = (actor: Actor) =>
  sql<SqlBool>`(${inScope(actor, 'org.read', 'partner_unit.path')} OR EXISTS (
    SELECT 1 FROM partner_unit_compound puc INNER JOIN compound c ON c.id = puc.compound_id
    WHERE puc.partner_unit_id = partner_unit.id AND ${inScope(actor, 'org.read', 'c.path')}))`;

export interface PartnerUnitFilters {
  q?: string | undefined;
  compoundId?: string | undefined;
}

export const listPartnerUnitRows = (
  db: Db,
  actor: Actor,
  filters: PartnerUnitFilters,
  after: Keyset | undefined,
  limit: number,
) =>
  db
    .selectFrom('partner_unit')
    .selectAll()
    .where(visibleTo(actor))
    .$if(Boolean(filters.q), (qb) =>
      qb.where(sql<SqlBool>`partner_unit.name LIKE ${likeContains(filters.q ?? '')} ESCAPE '\\'`),
    )
    .$if(filters.compoundId !== undefined, (qb) =>
      qb.where(
        sql<SqlBool>`EXISTS (SELECT 1 FROM partner_unit_compound l WHERE l.partner_unit_id = partner_unit.id AND l.compound_id = ${filters.compoundId ?? ''})`,
      ),
    )
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset('partner_unit.name', 'partner_unit.id', 'asc', after ?? { key: '', id: '' })),
    )
    .orderBy('partner_unit.name')
    .orderBy('partner_unit.id')
    .limit(limit + 1)
    .execute();

/** The compounds each unit supports, with their paths (for the detail's scope check). */
export const listLinkedCompounds = (db: Db, unitIds: string[]) =>
  unitIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('partner_unit_compound as l')
        .innerJoin('compound as c', 'c.id', 'l.compound_id')
        .select(['l.partner_unit_id', 'c.id as compound_id', 'c.path'])
        .where('l.partner_unit_id', 'in', unitIds)
        .orderBy('c.name')
        .orderBy('c.id')
        .execute();
