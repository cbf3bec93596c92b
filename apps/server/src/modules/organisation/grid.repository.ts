import { type Selectable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { GridTable } from '../../db/schema.ts';
import { inScope } from '../../platform/access/authorize.ts';
import type { Actor } from '../../platform/context.ts';
import { afterKeyset } from '../../platform/pagination.ts';
import { likeContains, pathStartsWith } from '../../platform/sql-helpers.ts';
import type { Keyset } from './organisation-paging.ts';

export type GridRow = Selectable<GridTable> & { org_name: string; compound_name: string | null };

const selectGrids = (db: Db) =>
  db
    .selectFrom('grid')
    .innerJoin('org_unit as o', 'o.id', 'grid.org_id')
    .leftJoin('compound as c', 'c.id', 'grid.compound_id')
    .selectAll('grid')
    .select(['o.name as org_name', 'c.name as compound_name']);

export const findGridRow = (db: Db, id: string): Promise<GridRow | undefined> =>
  selectGrids(db).where('grid.id', '=', id).executeTakeFirst();

export const findGridByCode = (db: Db, code: string) =>
  db.selectFrom('grid').select('id').where('code', '=', code).executeTakeFirst();

export interface GridFilters {
  q?: string | undefined;
  orgPath?: string | undefined;
  compoundId?: string | undefined;
}

/** The caller's readable grids by code, one keyset page (plus one row) at a time. */
export const listGridRows = (db: Db, actor: Actor, filters: GridFilters, after: Keyset | undefined, limit: number) =>
  selectGrids(db)
    .where(inScope(actor, 'grid.read', 'grid.path'))
    .$if(Boolean(filters.q), (qb) => {
      const pattern = likeContains(filters.q ?? '');
      return qb.where(sql<SqlBool>`(grid.name LIKE ${pattern} ESCAPE '\\' OR grid.code LIKE ${pattern} ESCAPE '\\')`);
    })
    .$if(filters.orgPath !== undefined, (qb) => qb.where(pathStartsWith('grid.path', filters.orgPath ?? '')))
    .$if(filters.compoundId !== undefined, (qb) => qb.where('grid.compound_id', '=', filters.compoundId ?? ''))
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset('grid.code', 'grid.id', 'asc', after ?? { key: '', id: '' })),
    )
    .orderBy('grid.code')
    .orderBy('grid.id')
    .limit(limit + 1)
    .execute();

/** 网格员: the users holding a `grid_worker` assignment on each of these grids. */
export const listGridWorkerRows = (db: Db, gridIds: string[]) =>
  gridIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('role_assignment as ra')
        .innerJoin('app_user as u', 'u.id', 'ra.user_id')
        .select(['ra.scope_id as grid_id', 'u.id as user_id', 'u.display_name'])
        .where('ra.role', '=', 'grid_worker')
        .where('ra.scope_kind', '=', 'grid')
        .where('ra.scope_id', 'in', gridIds)
        .orderBy('u.display_name')
        .orderBy('u.id')
        .execute();
