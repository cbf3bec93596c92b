import type { CompoundPartyInput, RolloutStage } from '@linli/contracts';
import {
  createBranchTerm,
  createCompound,
  createDutyZone,
  createGrid,
  createOrgUnit,
  createPartnerUnit,
  createVenue,
} from '../modules/organisation/index.ts';
import type { Ctx } from '../platform/context.ts';
import { type DemoNames, ORGANS, TOWNS } from './demo-names.ts';
import type { Random } from './seeded-random.ts';

/** A fictional area code (province 53, county 9901): valid in form, no real county. */
const AREA_CODE = '539901';
const COMMUNITIES_PER_TOWN = 2;
const COMPOUNDS_PER_COMMUNITY = 3;

export interface DemoCountyRefs {
  /** The first compound of 金碧镇, where the compound- and grid-scoped demo accounts work. */
  firstCompound: { id: string; branchOrgId: string | null };
  firstGrid: { id: string };
  firstTown: { id: string };
}

/** The stage a compound is at: 金碧镇 piloted, the next two towns validate, the rest roll out. */
const stageFor = (townIndex: number): RolloutStage =>
  townIndex === 0 ? 'pilot' : townIndex <= 2 ? 'validation' : 'rollout';

function partiesFor(names: DemoNames, random: Random, compoundName: string, hasBranch: boolean): CompoundPartyInput[] {
  const secretary = names.person();
  const parties: CompoundPartyInput[] = [];
  if (hasBranch) {
    parties.push({
      kind: 'branch',
      name: `${compoundName}党支部`,
      people: [
        { name: secretary, position: '书记', phone: names.phone() },
        { name: names.person(), position: '副书记' },
        { name: names.person(), position: '组织委员' },
      ],
    });
  }
  // In about half the compounds the branch secretary also chairs the owners' committee (交叉任职).
  const chair = hasBranch && random.next() < 0.5 ? secretary : names.person();
  parties.push(
    {
      kind: 'owners_committee',
      name: `${compoundName}业主委员会`,
      people: [
        { name: chair, position: '主任' },
        { name: names.person(), position: '副主任' },
      ],
    },
    {
      kind: 'supervisory_committee',
      name: `${compoundName}居务监督委员会`,
      people: [{ name: names.person(), position: '主任' }],
    },
    {
      kind: 'property_company',
      name: names.propertyCompany(),
      people: [{ name: names.person(), position: '项目经理', phone: names.phone() }],
    },
  );
  return parties;
}

/**
 * Builds 示例县 under `rootId` through the organisation module's own use cases, so the demo data obeys every
 * rule real data does: towns and communities, ~30 compounds with their four parties, grids, venues, branch
 * terms, organ Party organisations holding river and street duty zones, and partner units.
 */
export async function buildDemoCounty(
  ctx: Ctx,
  rootId: string,
  names: DemoNames,
  random: Random,
): Promise<DemoCountyRefs> {
  await createOrgUnit(ctx, {
    parentId: rootId,
    kind: 'organization_department',
    sector: 'other',
    name: '中共示例县委组织部',
    sortOrder: 1,
  });
  const organCommittee = await createOrgUnit(ctx, {
    parentId: rootId,
    kind: 'working_committee',
    sector: 'organ',
    name: '示例县直属机关工作委员会',
    sortOrder: 2,
  });
  const organs = [];
  for (const [i, organ] of ORGANS.entries()) {
    organs.push(
      await createOrgUnit(ctx, {
        parentId: organCommittee.id,
        kind: 'branch',
        sector: 'organ',
        name: `${organ}机关党支部`,
        sortOrder: i,
      }),
    );
  }
  for (const [i, organ] of organs.entries()) {
    const isRiver = i % 2 === 0;
    const name = isRiver ? `${names.river()}（城区段）` : `${names.street()}（${i}号路段）`;
    await createDutyZone(ctx, {
      kind: isRiver ? 'river' : 'street',
      name,
      description: isRiver ? '河道巡查、垃圾清理、劝阻违规垂钓' : '门前三包、文明劝导、占道经营整治',
      holderOrgId: organ.id,
    });
  }

  let refs: DemoCountyRefs | null = null;
  for (const [townIndex, town] of TOWNS.entries()) {
    const townOrg = await createOrgUnit(ctx, {
      parentId: rootId,
      kind: town.endsWith('街道') ? 'working_committee' : 'party_committee',
      sector: 'community',
      name: `中共${town}${town.endsWith('街道') ? '工作委员会' : '委员会'}`,
      sortOrder: 10 + townIndex,
    });
    const townCompoundIds: string[] = [];
    for (let c = 0; c < COMMUNITIES_PER_TOWN; c += 1) {
      const communityName = names.community();
      const community = await createOrgUnit(ctx, {
        parentId: townOrg.id,
        kind: 'general_branch',
        sector: 'community',
        name: `${communityName}党总支`,
        sortOrder: c,
      });
      for (let k = 0; k < COMPOUNDS_PER_COMMUNITY; k += 1) {
        const compoundName = names.compound();
        const hasBranch = !(townIndex === TOWNS.length - 1 && k === COMPOUNDS_PER_COMMUNITY - 1);
        const compound = await createCompound(ctx, {
          name: compoundName,
          orgId: community.id,
          address: names.address(town),
          householdCount: random.int(120, 1600),
          buildingCount: random.int(4, 32),
          rolloutStage: stageFor(townIndex),
          parties: partiesFor(names, random, compoundName, hasBranch),
        });
        townCompoundIds.push(compound.id);
        const gridCode = `${AREA_CODE}${String(townIndex + 1).padStart(3, '0')}${String(c + 1).padStart(3, '0')}${String(k + 1).padStart(3, '0')}`;
        const grid = await createGrid(ctx, {
          code: gridCode,
          name: `${communityName}第${k + 1}网格`,
          orgId: community.id,
          compoundId: compound.id,
        });
        if (compound.branchOrgId) {
          await createVenue(ctx, {
            compoundId: compound.id,
            name: `${compoundName}党群服务站`,
            address: `${compoundName}${random.int(1, 12)}栋一楼`,
            areaSqm: random.int(40, 300),
            equipment: names.equipment(),
          });
          await createBranchTerm(ctx, {
            branchOrgId: compound.branchOrgId,
            electedOn: '2024-03-15',
            startsOn: '2024-03-15',
            endsOn: '2029-03-14',
            members: [
              { name: names.person(), position: 'secretary' },
              { name: names.person(), position: 'deputy_secretary' },
              { name: names.person(), position: 'organization' },
              { name: names.person(), position: 'propaganda' },
              { name: names.person(), position: 'discipline' },
            ],
          });
        }
        refs ??= {
          firstCompound: { id: compound.id, branchOrgId: compound.branchOrgId },
          firstGrid: { id: grid.id },
          firstTown: { id: townOrg.id },
        };
      }
    }
    await createPartnerUnit(ctx, {
      name: `${names.partner()}（${town}共建点）`,
      contactName: names.person(),
      contactPhone: names.phone(),
      resources: '场地共享、志愿服务、政策宣讲、困难帮扶',
      compoundIds: townCompoundIds.slice(0, random.int(2, 4)),
    });
  }
  if (!refs) throw new Error('the demo county has no compound');
  return refs;
}
