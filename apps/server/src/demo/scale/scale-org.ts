import { DAY_MS } from '../../platform/clock.ts';
import { demoNames } from '../demo-names.ts';
import { addCompound } from './scale-compounds.ts';
import { phaseStreams, phoneSeries, type ScaleContext } from './scale-context.ts';
import { addGrids } from './scale-grids.ts';
import { COMMUNITY_STEMS, compoundNames, SCALE_TOWNS } from './scale-names.ts';
import { emptiest, OrgRows } from './scale-org-rows.ts';
import type { ScaleCompound, ScalePlaces } from './scale-places.ts';
import type { ScaleCounts } from './scale-plan.ts';

/**
 * Adds towns, communities, compounds (with their four parties, the branch's org node, people, a venue and a
 * branch term) and grids to the demo county, as bulk inserts into the organisation module's tables, keeping what
 * its use cases keep: paths through the tree, depths, the branch party pointing at its org node, person keys.
 * Communities go to the towns with fewest, compounds to the communities with fewest, so the county stays even.
 * Everything new is created two months before the five years of 民情 begin.
 */
export async function generateOrganisation(ctx: ScaleContext, places: ScalePlaces, added: ScaleCounts): Promise<void> {
  const { random, ids } = phaseStreams(ctx, 'organisation');
  const names = demoNames(random);
  const rows = new OrgRows(ids, ctx.span.startMs - 60 * DAY_MS);
  addTowns(rows, places, added.towns);
  addCommunities(rows, places, added.communities);
  rows.nextBatch();
  const nextName = compoundNames(random, new Set(places.compounds.map((c) => c.name)));
  const phone = phoneSeries('135');
  const perCommunity = places.communities.map((m) => places.compounds.filter((c) => c.communityId === m.id).length);
  const newCompounds: ScaleCompound[] = [];
  for (let k = 0; k < added.compounds; k += 1) {
    const index = emptiest(perCommunity);
    const community = places.communities[index];
    if (!community) throw new Error('no community for a compound');
    perCommunity[index] = (perCommunity[index] ?? 0) + 1;
    const town = places.towns.find((t) => t.id === community.townId);
    if (!town) throw new Error('a community outside the towns');
    const compound = addCompound(
      ctx,
      rows,
      { community, town, name: nextName(), stage: stageOf(places, town.path) },
      {
        random,
        names,
        phone,
      },
    );
    places.compounds.push(compound);
    newCompounds.push(compound);
  }
  addGrids(rows, places, newCompounds, added.grids);
  const written = rows.size;
  const phase = ctx.progress.phase('organisation', written);
  await ctx.db.transaction().execute((trx) => rows.flush(trx, ctx.dialect));
  phase.advance(written);
  phase.end();
}

function addTowns(rows: OrgRows, places: ScalePlaces, count: number): void {
  const free = SCALE_TOWNS.filter((t) => !places.towns.some((existing) => existing.name.includes(t)));
  for (let t = 0; t < count; t += 1) {
    const town = free[t];
    if (!town) throw new Error('no town names left');
    const street = town.endsWith('街道');
    const sortOrder = Math.max(0, ...places.towns.map((x) => x.sortOrder)) + 1;
    const name = `中共${town}${street ? '工作委员会' : '委员会'}`;
    const node = rows.org(rows.stamp(), {
      parentId: places.root.id,
      parentPath: places.root.path,
      kind: street ? 'working_committee' : 'party_committee',
      sector: 'community',
      name,
      sortOrder,
    });
    places.towns.push({ ...node, name, sortOrder });
  }
}

function addCommunities(rows: OrgRows, places: ScalePlaces, count: number): void {
  const stems = COMMUNITY_STEMS.filter((s) => !places.communities.some((c) => c.name.startsWith(s)));
  const perTown = places.towns.map((t) => places.communities.filter((c) => c.townId === t.id).length);
  for (let c = 0; c < count; c += 1) {
    const index = emptiest(perTown);
    const town = places.towns[index];
    const stem = stems[c];
    if (!town || !stem) throw new Error('no community names left');
    const sortOrder = perTown[index] ?? 0;
    perTown[index] = sortOrder + 1;
    const name = `${stem}社区党总支`;
    const node = rows.org(rows.stamp(), {
      parentId: town.id,
      parentPath: town.path,
      kind: 'general_branch',
      sector: 'community',
      name,
      sortOrder,
    });
    places.communities.push({ ...node, name, townId: town.id, sortOrder });
  }
}

/** New compounds in a demo town share its stage (金碧镇 piloted, two towns validate); new towns roll out. */
function stageOf(places: ScalePlaces, townPath: string) {
  return places.compounds.find((c) => !c.generated && c.path.startsWith(townPath))?.stage ?? 'rollout';
}
