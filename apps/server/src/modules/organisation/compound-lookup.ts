import type { ScopeKind } from '@linli/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ScopeResolver } from '../../platform/context.ts';
import { likeContains } from '../../platform/sql-helpers.ts';
import type { Trx } from '../../platform/transaction.ts';

/** What other modules may know of a compound: identity, name and place in the tree. */
export interface CompoundRef {
  id: string;
  name: string;
  path: string;
  orgId: string;
  orgName: string;
}

export async function findCompoundRef(db: Db | Trx, id: string): Promise<CompoundRef | undefined> {
  const row = await db
    .selectFrom('compound')
    .innerJoin('org_unit', 'org_unit.id', 'compound.org_id')
    .select(['compound.id', 'compound.name', 'compound.path', 'compound.org_id', 'org_unit.name as org_name'])
    .where('compound.id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, path: row.path, orgId: row.org_id, orgName: row.org_name };
}

/** The registration picker: compound names only, no scope needed (they are public places). */
export async function searchCompoundsPublic(
  db: Db,
  q: string | undefined,
  limit = 20,
): Promise<Array<{ id: string; name: string; orgName: string }>> {
  const rows = await db
    .selectFrom('compound')
    .innerJoin('org_unit', 'org_unit.id', 'compound.org_id')
    .select(['compound.id', 'compound.name', 'org_unit.name as org_name'])
    .$if(Boolean(q), (qb) => qb.where(sql<boolean>`compound.name LIKE ${likeContains(q ?? '')} ESCAPE '\\'`))
    .orderBy('compound.name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, orgName: r.org_name }));
}

const TABLE_BY_KIND = { org: 'org_unit', compound: 'compound', grid: 'grid' } as const;

/** The organisation module's answer to "where does this scope object hang?". */
export const organisationScopeResolver: ScopeResolver = {
  async resolve(db, kind: ScopeKind, id) {
    const row = await db
      .selectFrom(TABLE_BY_KIND[kind])
      .select(['path', 'name'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row;
  },
};
