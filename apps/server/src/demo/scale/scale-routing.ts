import type { RoutingTarget, UnitKind } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import type { ScaleCompound, ScaleGrid } from './scale-places.ts';

/** A lead unit as a dispatch names it. */
export interface ScaleUnit {
  kind: UnitKind;
  id: string;
  name: string;
  path: string;
}

export interface RouteProposal {
  unit: ScaleUnit;
  ruleId: string | null;
  fallback: boolean;
}

interface Rule {
  id: string;
  scopePath: string;
  categoryId: string | null;
  target: RoutingTarget;
  targetOrgId: string | null;
}

/** Every prefix of a materialised path, longest first (`case-units.ts`'s `pathPrefixes`). */
const prefixesOf = (path: string): string[] => {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, parts.length - i).join('/')}/`);
};

/**
 * `routeCase` (settings/routing.resolve.ts) over the county's rules read once: the most specific active rule for
 * the compound and the category — longest scope path first, then the exact category over its parent over "any",
 * then the id — whose target exists for the case; else the compound's community (属地兜底). Proposals are
 * remembered per compound, category and grid.
 */
export async function loadRouter(
  db: Db,
): Promise<(compound: ScaleCompound, categoryId: string, grid: ScaleGrid | null) => RouteProposal> {
  const rules: Rule[] = (
    await db
      .selectFrom('civic_routing_rule')
      .select(['id', 'scope_path', 'category_id', 'target', 'target_org_id'])
      .where('active', '=', 1)
      .execute()
  ).map((r) => ({
    id: r.id,
    scopePath: r.scope_path,
    categoryId: r.category_id,
    target: r.target,
    targetOrgId: r.target_org_id,
  }));
  const parents = new Map(
    (await db.selectFrom('civic_category').select(['id', 'parent_id']).execute()).map((c) => [c.id, c.parent_id]),
  );
  const orgs = new Map(
    (await db.selectFrom('org_unit').select(['id', 'name', 'path']).execute()).map((o) => [o.id, o]),
  );
  const orgUnit = (id: string | null): ScaleUnit | null => {
    const org = id ? orgs.get(id) : undefined;
    return org ? { kind: 'org', id: org.id, name: org.name, path: org.path } : null;
  };
  const memo = new Map<string, RouteProposal>();
  return (compound, categoryId, grid) => {
    const key = `${compound.id}|${categoryId}|${grid?.id ?? ''}`;
    const known = memo.get(key);
    if (known) return known;
    const rank = new Map<string | null, number>([[categoryId, 0]]);
    const parent = parents.get(categoryId);
    if (parent) rank.set(parent, 1);
    rank.set(null, 2);
    const scopes = new Set(prefixesOf(compound.path));
    const applicable = rules
      .filter((r) => scopes.has(r.scopePath) && rank.has(r.categoryId))
      .sort(
        (a, b) =>
          b.scopePath.length - a.scopePath.length ||
          (rank.get(a.categoryId) ?? 2) - (rank.get(b.categoryId) ?? 2) ||
          a.id.localeCompare(b.id),
      );
    let proposal: RouteProposal | null = null;
    for (const rule of applicable) {
      const unit = targetUnit(rule, compound, grid, orgUnit);
      if (unit) {
        proposal = { unit, ruleId: rule.id, fallback: false };
        break;
      }
    }
    const community = orgUnit(compound.communityId);
    if (!proposal && !community) throw new Error(`compound ${compound.id} has no community`);
    const result = proposal ?? { unit: community as ScaleUnit, ruleId: null, fallback: true };
    memo.set(key, result);
    return result;
  };
}

function targetUnit(
  rule: Rule,
  compound: ScaleCompound,
  grid: ScaleGrid | null,
  orgUnit: (id: string | null) => ScaleUnit | null,
): ScaleUnit | null {
  switch (rule.target) {
    case 'property_company': {
      const party = compound.propertyCompany;
      return party ? { kind: 'property_company', id: party.id, name: party.name, path: compound.path } : null;
    }
    case 'branch': {
      const party = compound.branch;
      return party ? { kind: 'branch', id: party.id, name: party.name, path: compound.path } : null;
    }
    case 'grid_worker':
      return grid ? { kind: 'grid', id: grid.id, name: grid.name, path: grid.path } : null;
    case 'org':
      return orgUnit(rule.targetOrgId);
  }
}
