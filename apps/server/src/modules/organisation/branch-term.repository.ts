import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { BranchTermTable } from '../../db/schema.ts';
import { inScope } from '../../platform/access/authorize.ts';
import type { Actor } from '../../platform/context.ts';
import { afterKeyset } from '../../platform/pagination.ts';
import type { Keyset } from './organisation-paging.ts';

export type BranchTermRow = Selectable<BranchTermTable> & { branch_name: string };

const selectBranchTerms = (db: Db) =>
  db
    .selectFrom('branch_term')
    .innerJoin('org_unit as b', 'b.id', 'branch_term.branch_org_id')
    .selectAll('branch_term')
    .select('b.name as branch_name');

export const findBranchTermRow = (db: Db, id: string): Promise<BranchTermRow | undefined> =>
  selectBranchTerms(db).where('branch_term.id', '=', id).executeTakeFirst();

/** The caller's readable terms, newest start first, one keyset page (plus one row) at a time. */
export const listBranchTermRows = (
  db: Db,
  actor: Actor,
  filters: { branchOrgId?: string | undefined },
  after: Keyset | undefined,
  limit: number,
) =>
  selectBranchTerms(db)
    .where(inScope(actor, 'org.read', 'branch_term.path'))
    .$if(filters.branchOrgId !== undefined, (qb) =>
      qb.where('branch_term.branch_org_id', '=', filters.branchOrgId ?? ''),
    )
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset('branch_term.starts_on', 'branch_term.id', 'desc', after ?? { key: '', id: '' })),
    )
    .orderBy('branch_term.starts_on', 'desc')
    .orderBy('branch_term.id', 'desc')
    .limit(limit + 1)
    .execute();

export const listTermMemberRows = (db: Db, termIds: string[]) =>
  termIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('branch_term_member').selectAll().where('term_id', 'in', termIds).orderBy('sort_order').execute();
