import type { RolloutStage } from '@linli/contracts';
import { type Selectable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CompoundTable } from '../../db/schema.ts';
import { inScope } from '../../platform/access/authorize.ts';
import type { Actor } from '../../platform/context.ts';
import { afterKeyset } from '../../platform/pagination.ts';
import { likeContains, pathStartsWith } from '../../platform/sql-helpers.ts';
import type { Keyset, SortOrder } from './organisation-paging.ts';

export type CompoundRow = Selectable<CompoundTable> & { org_name: string; branch_org_id: string | null };

export interface CompoundFilters {
  q?: string | undefined;
  /** Only compounds below this org node's path. */
  orgPath?: string | undefined;
  rolloutStage?: RolloutStage | undefined;
  hasBranch?: boolean | undefined;
}

export const COMPOUND_SORT_COLUMNS = {
  name: 'compound.name',
  createdAt: 'compound.created_at',
  householdCount: 'compound.household_count',
} as const;
export type CompoundSort = keyof typeof COMPOUND_SORT_COLUMNS;

/** A compound with its org's name and its branch node (小区党支部), if any. */
const selectCompounds = (db: Db) =>
  db
    .selectFrom('compound')
    .innerJoin('org_unit as o', 'o.id', 'compound.org_id')
    .selectAll('compound')
    .select('o.name as org_name')
    .select((eb) =>
      eb
        .selectFrom('org_unit as b')
        .select('b.id')
        .whereRef('b.compound_id', '=', 'compound.id')
        .where('b.kind', '=', 'branch')
        .limit(1)
        .as('branch_org_id'),
    );

export const findCompoundRow = (db: Db, id: string): Promise<CompoundRow | undefined> =>
  selectCompounds(db).where('compound.id', '=', id).executeTakeFirst();

const hasBranchCondition = (hasBranch: boolean) =>
  hasBranch
    ? sql<SqlBool>`EXISTS (SELECT 1 FROM org_unit b WHERE b.compound_id = compound.id AND b.kind = 'branch')`
    : sql<SqlBool>`NOT EXISTS (SELECT 1 FROM org_unit b WHERE b.compound_id = compound.id AND b.kind = 'branch')`;

/** The caller's readable compounds (scope in SQL) narrowed by the list filters. */
const selectCompoundsInScope = (db: Db, actor: Actor, filters: CompoundFilters) =>
  selectCompounds(db)
    .where(inScope(actor, 'compound.read', 'compound.path'))
    .$if(Boolean(filters.q), (qb) => {
      const pattern = likeContains(filters.q ?? '');
      return qb.where(
        sql<SqlBool>`(compound.name LIKE ${pattern} ESCAPE '\\' OR compound.address LIKE ${pattern} ESCAPE '\\')`,
      );
    })
    .$if(filters.orgPath !== undefined, (qb) => qb.where(pathStartsWith('compound.path', filters.orgPath ?? '')))
    .$if(filters.rolloutStage !== undefined, (qb) =>
      qb.where('compound.rollout_stage', '=', filters.rolloutStage ?? 'pilot'),
    )
    .$if(filters.hasBranch !== undefined, (qb) => qb.where(hasBranchCondition(filters.hasBranch ?? true)));

/** One keyset page (plus one row to tell whether another follows), ordered by (sort key, id). */
export function listCompoundRows(
  db: Db,
  actor: Actor,
  filters: CompoundFilters,
  page: { sort: CompoundSort; order: SortOrder; after: Keyset | undefined; limit: number },
): Promise<CompoundRow[]> {
  const column = COMPOUND_SORT_COLUMNS[page.sort];
  return selectCompoundsInScope(db, actor, filters)
    .$if(page.after !== undefined, (qb) =>
      qb.where(afterKeyset(column, 'compound.id', page.order, page.after ?? { key: '', id: '' })),
    )
    .orderBy(column, page.order)
    .orderBy('compound.id', page.order)
    .limit(page.limit + 1)
    .execute();
}

/** The value a compound row sorts by, for its cursor. */
export const sortKeyOf = (row: CompoundRow, sort: CompoundSort): string | number =>
  sort === 'name' ? row.name : sort === 'createdAt' ? row.created_at : row.household_count;

export const countGridsOf = (db: Db, compoundId: string) =>
  db
    .selectFrom('grid')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('compound_id', '=', compoundId)
    .executeTakeFirstOrThrow();

export const countVenuesOf = (db: Db, compoundId: string) =>
  db
    .selectFrom('venue')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('compound_id', '=', compoundId)
    .executeTakeFirstOrThrow();

/**
 * The 镇/街道 of each path: the highest 党委 or 党工委 among its ancestors. One query for a whole page of
 * compounds, instead of one per row.
 */
export async function townNamesByPath(db: Db, paths: string[]): Promise<Map<string, string | null>> {
  const ancestorsOf = (path: string) => path.split('/').filter(Boolean).slice(0, -1);
  const ids = [...new Set(paths.flatMap(ancestorsOf))];
  const committees =
    ids.length === 0
      ? []
      : await db
          .selectFrom('org_unit')
          .select(['id', 'name', 'depth'])
          .where('id', 'in', ids)
          .where('kind', 'in', ['party_committee', 'working_committee'])
          .execute();
  const byId = new Map(committees.map((c) => [c.id, c]));
  const result = new Map<string, string | null>();
  for (const path of paths) {
    const found = ancestorsOf(path)
      .map((id) => byId.get(id))
      .filter((c) => c !== undefined)
      .sort((a, b) => a.depth - b.depth);
    result.set(path, found[0]?.name ?? null);
  }
  return result;
}
