import type { Db } from '../../db/database.ts';

/** A demo compound as the member seeders need it: where its branch and its grid hang. */
export interface DemoPlace {
  id: string;
  name: string;
  path: string;
  buildingCount: number;
  branch: { id: string; path: string; name: string } | null;
  grid: { id: string; path: string } | null;
}

/** Every compound of the demo county with its branch (if any) and its first grid, in creation order. */
export async function loadDemoPlaces(db: Db): Promise<DemoPlace[]> {
  const compounds = await db
    .selectFrom('compound')
    .select(['id', 'name', 'path', 'building_count'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const branches = await db
    .selectFrom('compound_party')
    .innerJoin('org_unit', 'org_unit.id', 'compound_party.org_id')
    .select(['compound_party.compound_id', 'org_unit.id', 'org_unit.path', 'org_unit.name'])
    .where('compound_party.kind', '=', 'branch')
    .execute();
  const grids = await db.selectFrom('grid').select(['id', 'path', 'compound_id']).orderBy('code').execute();
  return compounds.map((c) => {
    const branch = branches.find((b) => b.compound_id === c.id);
    const grid = grids.find((g) => g.compound_id === c.id);
    return {
      id: c.id,
      name: c.name,
      path: c.path,
      buildingCount: c.building_count,
      branch: branch ? { id: branch.id, path: branch.path, name: branch.name } : null,
      grid: grid ? { id: grid.id, path: grid.path } : null,
    };
  });
}

/** The organ Party branches (机关党支部) of the demo county: the in-service members' work units. */
export async function loadDemoOrgans(db: Db): Promise<Array<{ id: string; name: string; path: string }>> {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path'])
    .where('sector', '=', 'organ')
    .where('kind', '=', 'branch')
    .orderBy('sort_order')
    .execute();
}
