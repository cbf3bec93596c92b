import type { RolloutStage } from '@linli/contracts';
import type { Db } from '../../db/database.ts';

export interface ScaleTown {
  id: string;
  name: string;
  path: string;
  sortOrder: number;
}

export interface ScaleCommunity {
  id: string;
  name: string;
  path: string;
  townId: string;
  sortOrder: number;
}

export interface ScaleGrid {
  id: string;
  code: string;
  name: string;
  path: string;
  compoundId: string;
  communityId: string;
}

export interface ScaleParty {
  id: string;
  name: string;
}

/** A compound as the later phases need it: where it hangs, how big it is, its units and grids. */
export interface ScaleCompound {
  id: string;
  name: string;
  path: string;
  communityId: string;
  createdMs: number;
  householdCount: number;
  buildingCount: number;
  stage: RolloutStage;
  grids: ScaleGrid[];
  propertyCompany: ScaleParty | null;
  /** The compound's branch party and its org node, when it has a branch. */
  branch: (ScaleParty & { orgId: string; orgPath: string }) | null;
  /** False for the demo county's own compounds. */
  generated: boolean;
}

/** The organisation of 示例县, demo and generated alike, in creation order. */
export interface ScalePlaces {
  root: { id: string; path: string };
  towns: ScaleTown[];
  communities: ScaleCommunity[];
  compounds: ScaleCompound[];
  /** The organ Party branches (机关党支部), with their parent (the organ working committee). */
  organs: Array<{ id: string; name: string; path: string; parent: { id: string; name: string; path: string } }>;
}

/** The demo county's organisation as the generator builds on it. */
export async function loadPlaces(db: Db): Promise<ScalePlaces> {
  const orgs = await db
    .selectFrom('org_unit')
    .select(['id', 'parent_id', 'kind', 'sector', 'name', 'path', 'sort_order', 'compound_id'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const root = orgs.find((o) => o.parent_id === null);
  if (!root) throw new Error('the demo county has no root');
  const towns = orgs
    .filter((o) => o.parent_id === root.id && o.sector === 'community')
    .map((o) => ({ id: o.id, name: o.name, path: o.path, sortOrder: o.sort_order }));
  const townIds = new Set(towns.map((t) => t.id));
  const communities = orgs
    .filter((o) => o.parent_id !== null && townIds.has(o.parent_id) && o.compound_id === null)
    .map((o) => ({ id: o.id, name: o.name, path: o.path, townId: o.parent_id ?? '', sortOrder: o.sort_order }));
  const organs = orgs
    .filter((o) => o.sector === 'organ' && o.kind === 'branch')
    .map((o) => {
      const parent = orgs.find((p) => p.id === o.parent_id) ?? root;
      return { id: o.id, name: o.name, path: o.path, parent: { id: parent.id, name: parent.name, path: parent.path } };
    });
  const compounds = await loadCompounds(db, orgs);
  return { root: { id: root.id, path: root.path }, towns, communities, compounds, organs };
}

async function loadCompounds(
  db: Db,
  orgs: ReadonlyArray<{ id: string; path: string; compound_id: string | null; kind: string }>,
): Promise<ScaleCompound[]> {
  const rows = await db.selectFrom('compound').selectAll().orderBy('created_at').orderBy('id').execute();
  const parties = await db
    .selectFrom('compound_party')
    .select(['id', 'compound_id', 'kind', 'name', 'org_id'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const grids = await db.selectFrom('grid').selectAll().orderBy('code').execute();
  return rows.map((c) => {
    const party = (kind: string) => parties.find((p) => p.compound_id === c.id && p.kind === kind);
    const property = party('property_company');
    const branchParty = party('branch');
    const branchOrg = orgs.find((o) => o.compound_id === c.id && o.kind === 'branch');
    return {
      id: c.id,
      name: c.name,
      path: c.path,
      communityId: c.org_id,
      createdMs: Date.parse(c.created_at),
      householdCount: c.household_count,
      buildingCount: c.building_count,
      stage: c.rollout_stage,
      grids: grids
        .filter((g) => g.compound_id === c.id)
        .map((g) => ({
          id: g.id,
          code: g.code,
          name: g.name,
          path: g.path,
          compoundId: c.id,
          communityId: g.org_id,
        })),
      propertyCompany: property ? { id: property.id, name: property.name } : null,
      branch:
        branchParty && branchOrg
          ? { id: branchParty.id, name: branchParty.name, orgId: branchOrg.id, orgPath: branchOrg.path }
          : null,
      generated: false,
    };
  });
}
