import type { RoutingTarget } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { pathPrefixes, type ResolvedUnit } from '../case-units.ts';

export interface RoutingInput {
  compoundId: string;
  categoryId: string;
  gridId: string | null;
}

export interface RoutingResult {
  unit: ResolvedUnit;
  ruleId: string | null;
  fallback: boolean;
}

interface CandidateRule {
  id: string;
  scope_path: string;
  category_id: string | null;
  target: RoutingTarget;
  target_org_id: string | null;
}

interface CompoundFacts {
  id: string;
  orgId: string;
  path: string;
}

/**
 * Where a new case goes: the most specific active rule that applies to the compound and the category — the
 * longest scope path first, then the exact category over its parent over "any" — whose target exists for this
 * case (a `grid_worker` rule is skipped for a case without a grid, a `property_company` rule for a compound
 * without one). With no such rule the case goes to the compound's community (属地兜底, `fallback: true`).
 * Read-only, so intake calls it inside its transaction and the preview outside one.
 */
export async function routeCase(db: Db | Trx, input: RoutingInput): Promise<RoutingResult> {
  const compound = await db
    .selectFrom('compound')
    .select(['id', 'org_id', 'path'])
    .where('id', '=', input.compoundId)
    .executeTakeFirst();
  if (!compound) {
    throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'compoundId', message: 'compound' }] } });
  }
  const facts: CompoundFacts = { id: compound.id, orgId: compound.org_id, path: compound.path };
  const category = await db
    .selectFrom('civic_category')
    .select('parent_id')
    .where('id', '=', input.categoryId)
    .executeTakeFirst();
  const categoryRank = new Map<string | null, number>([[input.categoryId, 0]]);
  if (category?.parent_id) categoryRank.set(category.parent_id, 1);
  categoryRank.set(null, 2);

  const rules = await db
    .selectFrom('civic_routing_rule')
    .select(['id', 'scope_path', 'category_id', 'target', 'target_org_id'])
    .where('active', '=', 1)
    .where('scope_path', 'in', pathPrefixes(facts.path))
    .execute();
  const applicable = rules
    .filter((r) => categoryRank.has(r.category_id))
    .sort(
      (a, b) =>
        b.scope_path.length - a.scope_path.length ||
        (categoryRank.get(a.category_id) ?? 2) - (categoryRank.get(b.category_id) ?? 2) ||
        a.id.localeCompare(b.id),
    );
  for (const rule of applicable) {
    const unit = await targetUnit(db, rule, facts, input.gridId);
    if (unit) return { unit, ruleId: rule.id, fallback: false };
  }
  const community = await orgUnit(db, facts.orgId);
  if (!community) throw new AppError('NOT_FOUND');
  return { unit: community, ruleId: null, fallback: true };
}

/** The unit a rule's target names for this case, or null when there is none (the rule is then skipped). */
async function targetUnit(
  db: Db | Trx,
  rule: CandidateRule,
  compound: CompoundFacts,
  gridId: string | null,
): Promise<ResolvedUnit | null> {
  switch (rule.target) {
    case 'property_company':
    case 'branch': {
      const party = await db
        .selectFrom('compound_party')
        .select(['id', 'name'])
        .where('compound_id', '=', compound.id)
        .where('kind', '=', rule.target)
        .orderBy('created_at')
        .orderBy('id')
        .executeTakeFirst();
      return party ? { kind: rule.target, id: party.id, name: party.name, path: compound.path } : null;
    }
    case 'grid_worker': {
      if (!gridId) return null;
      const grid = await db
        .selectFrom('grid')
        .select(['id', 'name', 'path'])
        .where('id', '=', gridId)
        .executeTakeFirst();
      return grid ? { kind: 'grid', id: grid.id, name: grid.name, path: grid.path } : null;
    }
    case 'org':
      return rule.target_org_id ? orgUnit(db, rule.target_org_id) : null;
  }
}

async function orgUnit(db: Db | Trx, id: string): Promise<ResolvedUnit | null> {
  const org = await db.selectFrom('org_unit').select(['id', 'name', 'path']).where('id', '=', id).executeTakeFirst();
  return org ? { kind: 'org', id: org.id, name: org.name, path: org.path } : null;
}
