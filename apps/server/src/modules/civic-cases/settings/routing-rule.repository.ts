import type { RoutingRule } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { toBool } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';

/** Rules with the names the console shows: the scope's, the category's and the target organisation's. */
function ruleQuery(db: Db | Trx) {
  return db
    .selectFrom('civic_routing_rule as r')
    .leftJoin('org_unit as scope_org', (j) => j.onRef('scope_org.id', '=', 'r.scope_id').on('r.scope_kind', '=', 'org'))
    .leftJoin('compound as scope_compound', (j) =>
      j.onRef('scope_compound.id', '=', 'r.scope_id').on('r.scope_kind', '=', 'compound'),
    )
    .leftJoin('civic_category as c', 'c.id', 'r.category_id')
    .leftJoin('org_unit as t', 't.id', 'r.target_org_id')
    .select([
      'r.id',
      'r.scope_kind',
      'r.scope_id',
      'r.scope_path',
      'r.category_id',
      'r.target',
      'r.target_org_id',
      'r.active',
      'r.version',
      'scope_org.name as scope_org_name',
      'scope_compound.name as scope_compound_name',
      'c.name as category_name',
      't.name as target_org_name',
    ]);
}

type RuleRow = Awaited<ReturnType<ReturnType<typeof ruleQuery>['executeTakeFirstOrThrow']>>;

const toRule = (row: RuleRow): RoutingRule & { scopePath: string } => ({
  id: row.id,
  scope: { kind: row.scope_kind, id: row.scope_id, name: row.scope_org_name ?? row.scope_compound_name ?? '' },
  categoryId: row.category_id,
  categoryName: row.category_name,
  target: row.target,
  targetOrg: row.target_org_id ? { id: row.target_org_id, name: row.target_org_name ?? '' } : null,
  active: toBool(row.active),
  version: row.version,
  scopePath: row.scope_path,
});

/** Every rule, shallowest scope first, so the console reads from the county down. */
export async function listRoutingRuleRows(db: Db | Trx): Promise<(RoutingRule & { scopePath: string })[]> {
  const rows = await ruleQuery(db).orderBy('r.scope_path').orderBy('r.created_at').orderBy('r.id').execute();
  return rows.map(toRule);
}

export async function findRoutingRule(db: Db | Trx, id: string): Promise<(RoutingRule & { scopePath: string }) | null> {
  const row = await ruleQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toRule(row) : null;
}

/** Another active rule for the same scope and category (which would make routing depend on insertion order). */
export async function findActiveTwin(
  db: Db | Trx,
  rule: { scopeId: string; categoryId: string | null; exceptId?: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('civic_routing_rule')
    .select('id')
    .where('scope_id', '=', rule.scopeId)
    .where('active', '=', 1)
    .$if(rule.categoryId === null, (q) => q.where('category_id', 'is', null))
    .$if(rule.categoryId !== null, (q) => q.where('category_id', '=', rule.categoryId ?? ''))
    .$if(rule.exceptId !== undefined, (q) => q.where('id', '!=', rule.exceptId ?? ''))
    .executeTakeFirst();
  return row !== undefined;
}
