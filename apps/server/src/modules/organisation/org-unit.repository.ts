import { type Insertable, type Selectable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { OrgUnitTable } from '../../db/schema.ts';
import { inScope } from '../../platform/access/authorize.ts';
import type { Actor } from '../../platform/context.ts';
import { pathStartsWith, toNumber } from '../../platform/sql-helpers.ts';

export type OrgUnitRow = Selectable<OrgUnitTable> & { child_count: string | number | bigint | null };

/** Every org read carries its child count, so the tree knows which nodes expand without another request. */
const selectOrgUnits = (db: Db) =>
  db
    .selectFrom('org_unit')
    .selectAll('org_unit')
    .select((eb) =>
      eb
        .selectFrom('org_unit as c')
        .select((c) => c.fn.countAll().as('n'))
        .whereRef('c.parent_id', '=', 'org_unit.id')
        .as('child_count'),
    );

export const findOrgUnitRow = (db: Db, id: string): Promise<OrgUnitRow | undefined> =>
  selectOrgUnits(db).where('org_unit.id', '=', id).executeTakeFirst();

export const listChildRows = (db: Db, parentId: string): Promise<OrgUnitRow[]> =>
  selectOrgUnits(db)
    .where('org_unit.parent_id', '=', parentId)
    .orderBy('org_unit.sort_order')
    .orderBy('org_unit.name')
    .orderBy('org_unit.id')
    .execute();

/**
 * The tops of the caller's readable subtrees: nodes in scope whose parent is not. For an org-scoped admin that
 * is the scope node itself; for a compound-scoped secretary it is the compound's branch (its parent, the
 * community, lies outside the compound's path).
 */
export const listScopeRootRows = (db: Db, actor: Actor): Promise<OrgUnitRow[]> =>
  selectOrgUnits(db)
    .leftJoin('org_unit as p', 'p.id', 'org_unit.parent_id')
    .where(inScope(actor, 'org.read', 'org_unit.path'))
    .where((eb) => eb.or([eb('p.id', 'is', null), eb.not(inScope(actor, 'org.read', 'p.path'))]))
    .orderBy('org_unit.depth')
    .orderBy('org_unit.sort_order')
    .orderBy('org_unit.name')
    .orderBy('org_unit.id')
    .execute();

export const listOrgUnitsByIds = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('org_unit')
        .select(['id', 'name', 'kind', 'depth'])
        .where('id', 'in', ids)
        .orderBy('depth')
        .execute();

export const insertOrgUnitRow = (db: Db, row: Insertable<OrgUnitTable>) =>
  db.insertInto('org_unit').values(row).execute();

export const deleteOrgUnitRow = (db: Db, id: string) => db.deleteFrom('org_unit').where('id', '=', id).execute();

/** Tables whose rows hang below an org node by `path` and would be orphaned by deleting it. */
const DEPENDENT_TABLES = ['compound', 'grid', 'duty_zone', 'partner_unit', 'venue', 'branch_term'] as const;

/** What still hangs below a node: child nodes, then every scoped row and role assignment under its path. */
export async function countOrgDependents(db: Db, node: { id: string; path: string }) {
  const counts: Record<string, number> = {};
  const children = await db
    .selectFrom('org_unit')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('parent_id', '=', node.id)
    .executeTakeFirstOrThrow();
  counts.children = toNumber(children.n as string | number);
  for (const table of DEPENDENT_TABLES) {
    const row = await sql<{ n: string | number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${pathStartsWith(
      'path',
      node.path,
    )}`.execute(db);
    counts[table] = toNumber(row.rows[0]?.n);
  }
  const assignments = await db
    .selectFrom('role_assignment')
    .select((eb) => eb.fn.countAll().as('n'))
    .where(pathStartsWith('scope_path', node.path))
    .executeTakeFirstOrThrow();
  counts.role_assignment = toNumber(assignments.n as string | number);
  return counts;
}
