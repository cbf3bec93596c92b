import { emptiest, type OrgRows } from './scale-org-rows.ts';
import type { ScaleCompound, ScaleGrid, ScalePlaces } from './scale-places.ts';
import { iso } from './scale-time.ts';

/** A new compound is drawn with four grids; grids beyond that go to the compounds that have fewest. */
const GRIDS_PER_NEW_COMPOUND = 4;
/** The demo county's (fictional) area code, the first six digits of every grid code. */
const AREA_CODE = '539901';

/** Which compound each of `total` new grids goes to: four to each new compound, the rest to those with fewest. */
function gridTargets(places: ScalePlaces, newCompounds: readonly ScaleCompound[], total: number): ScaleCompound[] {
  const targets: ScaleCompound[] = [];
  for (const compound of newCompounds) {
    for (let g = 0; g < GRIDS_PER_NEW_COMPOUND && targets.length < total; g += 1) targets.push(compound);
  }
  const counts = places.compounds.map((c) => c.grids.length + targets.filter((t) => t === c).length);
  while (targets.length < total) {
    const index = emptiest(counts);
    const compound = places.compounds[index];
    if (!compound) throw new Error('no compound for a grid');
    counts[index] = (counts[index] ?? 0) + 1;
    targets.push(compound);
  }
  return targets;
}

/**
 * Grids, as `createGrid` writes them for a compound: under the compound's community, with the path through the
 * compound. The code follows the demo's pattern — area, town, community within the town, sequence — so the demo's
 * one-grid compounds get their second to fourth grid as the next numbers of their community. A grid added to a
 * demo compound is drawn an hour after the compound was set up.
 */
export function addGrids(
  rows: OrgRows,
  places: ScalePlaces,
  newCompounds: readonly ScaleCompound[],
  total: number,
): void {
  const codes = new Set(places.compounds.flatMap((c) => c.grids.map((g) => g.code)));
  for (const compound of gridTargets(places, newCompounds, total)) {
    const community = places.communities.find((m) => m.id === compound.communityId);
    if (!community) throw new Error('a compound outside the communities');
    const townIndex = places.towns.findIndex((t) => t.id === community.townId);
    const communityIndex = places.communities.filter((m) => m.townId === community.townId).indexOf(community);
    const prefix = `${AREA_CODE}${String(townIndex + 1).padStart(3, '0')}${String(communityIndex + 1).padStart(3, '0')}`;
    let seq = 1;
    while (codes.has(`${prefix}${String(seq).padStart(3, '0')}`)) seq += 1;
    const code = `${prefix}${String(seq).padStart(3, '0')}`;
    codes.add(code);
    const at = compound.createdMs + 3_600_000;
    const id = rows.ids(at);
    const grid: ScaleGrid = {
      id,
      code,
      name: `${community.name.replace(/党总支$/, '')}第${seq}网格`,
      path: `${compound.path}${id}/`,
      compoundId: compound.id,
      communityId: community.id,
    };
    rows.buffer.add('grid', {
      id,
      code,
      name: grid.name,
      org_id: community.id,
      compound_id: compound.id,
      path: grid.path,
      created_at: iso(at),
      updated_at: iso(at),
      version: 1,
    });
    compound.grids.push(grid);
  }
}
