import type { CompoundPartyKind, RolloutStage } from '@linli/contracts';
import { DAY_MS } from '../../platform/clock.ts';
import type { DemoNames } from '../demo-names.ts';
import type { Random } from '../seeded-random.ts';
import type { ScaleContext } from './scale-context.ts';
import { PROPERTY_COMPANIES, STREETS } from './scale-names.ts';
import type { OrgRows } from './scale-org-rows.ts';
import type { ScaleCommunity, ScaleCompound, ScaleParty, ScaleTown } from './scale-places.ts';
import { iso } from './scale-time.ts';

/** Most compounds have a Party branch; the rest are covered by their community's. */
const BRANCH_SHARE = 0.92;
const TERM_POSITIONS = ['secretary', 'deputy_secretary', 'organization', 'propaganda', 'discipline'];

interface Draw {
  random: Random;
  names: DemoNames;
  phone: () => string;
}

/** A person on a party: name, position, and whether a phone is on record. */
type PartyPerson = [name: string, position: string, withPhone: boolean];

/**
 * One compound under its community with its four parties as `createCompound` leaves them: the branch party with
 * its org node (parent: the community, path: through the compound), people with person keys and encrypted
 * phones, plus the branch's venue and committee term.
 */
export function addCompound(
  ctx: ScaleContext,
  rows: OrgRows,
  place: { community: ScaleCommunity; town: ScaleTown; name: string; stage: RolloutStage },
  draw: Draw,
): ScaleCompound {
  const { random, names } = draw;
  const at = rows.stamp();
  const id = rows.ids(at);
  const path = `${place.community.path}${id}/`;
  const compound: ScaleCompound = {
    id,
    name: place.name,
    path,
    communityId: place.community.id,
    createdMs: at,
    householdCount: random.int(300, 1000),
    buildingCount: random.int(6, 28),
    stage: place.stage,
    grids: [],
    propertyCompany: null,
    branch: null,
    generated: true,
  };
  rows.buffer.add('compound', {
    id,
    name: place.name,
    org_id: place.community.id,
    path,
    address: `${place.town.name.replace(/^中共|(工作)?委员会$/g, '')}${random.pick(STREETS)}${random.int(1, 399)}号`,
    household_count: compound.householdCount,
    building_count: compound.buildingCount,
    rollout_stage: place.stage,
    lng: null,
    lat: null,
    created_at: iso(at),
    updated_at: iso(at),
    version: 1,
  });
  const secretary = names.person();
  if (random.next() < BRANCH_SHARE) addBranch(ctx, rows, compound, place.community, secretary, draw);
  // In about half the compounds the branch secretary also chairs the owners' committee (交叉任职).
  const chair = compound.branch && random.next() < 0.5 ? secretary : names.person();
  const owners: PartyPerson[] = [
    [chair, '主任', false],
    [names.person(), '副主任', false],
  ];
  addParty(ctx, rows, compound, 'owners_committee', `${place.name}业主委员会`, owners, draw.phone);
  const supervisors: PartyPerson[] = [[names.person(), '主任', false]];
  addParty(ctx, rows, compound, 'supervisory_committee', `${place.name}居务监督委员会`, supervisors, draw.phone);
  const manager: PartyPerson[] = [[names.person(), '项目经理', true]];
  const company = random.pick(PROPERTY_COMPANIES);
  compound.propertyCompany = addParty(ctx, rows, compound, 'property_company', company, manager, draw.phone);
  return compound;
}

/** The compound's branch: its org node under the community (path through the compound), party, venue, term. */
function addBranch(
  ctx: ScaleContext,
  rows: OrgRows,
  compound: ScaleCompound,
  community: ScaleCommunity,
  secretary: string,
  draw: Draw,
): void {
  const branchName = `${compound.name}党支部`;
  const node = rows.org(compound.createdMs, {
    parentId: community.id,
    parentPath: compound.path,
    kind: 'branch',
    sector: 'compound',
    name: branchName,
    sortOrder: 0,
    compoundId: compound.id,
  });
  const people: PartyPerson[] = [
    [secretary, '书记', true],
    [draw.names.person(), '副书记', false],
    [draw.names.person(), '组织委员', false],
  ];
  const party = addParty(ctx, rows, compound, 'branch', branchName, people, draw.phone, node.id);
  compound.branch = { ...party, orgId: node.id, orgPath: node.path };
  addVenueAndTerm(ctx, rows, compound, draw);
}

function addParty(
  ctx: ScaleContext,
  rows: OrgRows,
  compound: ScaleCompound,
  kind: CompoundPartyKind,
  name: string,
  people: PartyPerson[],
  phone: () => string,
  orgId: string | null = null,
): ScaleParty {
  const at = compound.createdMs;
  const id = rows.ids(at);
  const stamp = iso(at);
  rows.buffer.add('compound_party', {
    id,
    compound_id: compound.id,
    kind,
    name,
    org_id: orgId,
    created_at: stamp,
    updated_at: stamp,
    version: 1,
  });
  people.forEach(([person, position, withPhone], i) => {
    rows.buffer.add('party_person', {
      id: rows.ids(at),
      party_id: id,
      compound_id: compound.id,
      // The key `party-people.ts` writes: the blind index of the NFKC-normalised name without spaces.
      person_key: ctx.blindIndex(person.normalize('NFKC').replace(/\s+/g, '')),
      name: person,
      position,
      phone_cipher: withPhone ? ctx.cipher.encrypt(phone()) : null,
      sort_order: i,
    });
  });
  return { id, name };
}

/** The branch's 党群服务站 and its committee, elected in the first spring of the five years for five years. */
function addVenueAndTerm(ctx: ScaleContext, rows: OrgRows, compound: ScaleCompound, draw: Draw): void {
  const branch = compound.branch;
  if (!branch) return;
  const at = compound.createdMs;
  const stamp = iso(at);
  const venueId = rows.ids(at);
  rows.buffer.add('venue', {
    id: venueId,
    compound_id: compound.id,
    name: `${compound.name}党群服务站`,
    address: `${compound.name}${draw.random.int(1, compound.buildingCount)}栋一楼`,
    area_sqm: draw.random.int(40, 300),
    equipment: JSON.stringify(draw.names.equipment()),
    path: `${compound.path}${venueId}/`,
    created_at: stamp,
    updated_at: stamp,
    version: 1,
  });
  const elected = new Date(ctx.span.startMs + 90 * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);
  const fiveYearsOn = Date.parse(`${Number(elected.slice(0, 4)) + 5}${elected.slice(4)}T00:00:00.000Z`);
  const termId = rows.ids(at);
  rows.buffer.add('branch_term', {
    id: termId,
    branch_org_id: branch.orgId,
    elected_on: elected,
    starts_on: elected,
    ends_on: new Date(fiveYearsOn - DAY_MS).toISOString().slice(0, 10),
    path: `${branch.orgPath}${termId}/`,
    created_at: stamp,
    updated_at: stamp,
    version: 1,
  });
  TERM_POSITIONS.forEach((position, i) => {
    rows.buffer.add('branch_term_member', {
      id: rows.ids(at),
      term_id: termId,
      name: draw.names.person(),
      position,
      sort_order: i,
    });
  });
}
