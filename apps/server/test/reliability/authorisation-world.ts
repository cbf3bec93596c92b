import type { Role } from '@linli/contracts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { insertHousehold, insertMember, testPhone } from '../../src/modules/members/members.test-support.ts';
import { freshIp } from '../../src/platform/auth/auth-test-kit.ts';
import { isoNow } from '../../src/platform/clock.ts';
import { newId } from '../../src/platform/ids.ts';
import { assignRole, createCompound, createGrid, createOrgUnit, type OrgNode, sessionFor } from '../factories.ts';
import type { Session, TestApp } from '../harness.ts';
import type { Caller, Side } from './authorisation-cells.ts';
import { quickUser } from './authorisation-users.ts';
import {
  type SharedObjects,
  type SideObjects,
  seedSharedObjects,
  seedSideObjects,
} from './authorisation-world-objects.ts';

/**
 * The world the matrix runs in: one county with two towns. Side A (金碧镇) holds every matrix actor's scope, side
 * B (龙泉镇) is the same shape and out of every A-scoped actor's reach. Each side has a community, a compound
 * with its branch, property company and owners' committee, a grid, an organ Party branch, its own resident and
 * member, and one object of every kind the routes address (`SideObjects`).
 */

/** Where a matrix actor's assignment points: the county root or a node of side A. */
export type ActorScope = 'county' | 'town' | 'compound' | 'grid';

export interface ActorSpec {
  key: string;
  role: Role;
  at: ActorScope;
}

/**
 * The actors, in the order of the expected file. Every role once, scoped to side A at the level its scope kind
 * names (an org role on town A, compound roles on compound A, the grid worker on grid A). Then the four
 * county-level roles once more at the county root, where the county-wide settings are written (`holdsAtRoot`):
 * without them no cell would show those writes allowed.
 */
export const ACTOR_SPECS: readonly ActorSpec[] = [
  { key: 'county_admin', role: 'county_admin', at: 'town' },
  { key: 'committee_admin', role: 'committee_admin', at: 'town' },
  { key: 'branch_secretary', role: 'branch_secretary', at: 'compound' },
  { key: 'branch_committee', role: 'branch_committee', at: 'compound' },
  { key: 'grid_worker', role: 'grid_worker', at: 'grid' },
  { key: 'handler', role: 'handler', at: 'compound' },
  { key: 'owners_committee', role: 'owners_committee', at: 'compound' },
  { key: 'supervisory_committee', role: 'supervisory_committee', at: 'compound' },
  { key: 'member', role: 'member', at: 'compound' },
  { key: 'resident', role: 'resident', at: 'compound' },
  { key: 'sys_admin', role: 'sys_admin', at: 'town' },
  { key: 'security_admin', role: 'security_admin', at: 'town' },
  { key: 'auditor', role: 'auditor', at: 'town' },
  { key: 'county_admin@county', role: 'county_admin', at: 'county' },
  { key: 'sys_admin@county', role: 'sys_admin', at: 'county' },
  { key: 'security_admin@county', role: 'security_admin', at: 'county' },
  { key: 'auditor@county', role: 'auditor', at: 'county' },
];

/** The row of the expected file for calls without a session. */
export const ANONYMOUS = 'anonymous';

export interface SidePlaces {
  town: OrgNode;
  community: OrgNode;
  compound: OrgNode;
  branch: OrgNode;
  grid: OrgNode & { code: string };
  /** An organ Party branch of the town: holds duty zones and files organisations' report-ins. */
  organ: OrgNode;
  propertyCompany: string;
  ownersCommittee: string;
  branchParty: string;
  /** A household of the compound in the grid, where the side's resident lives. */
  household: string;
  /** The side's resident (on side A: the `resident` actor) and member (on side A: the `member` actor). */
  resident: { userId: string; residentId: string };
  member: { userId: string; memberId: string };
}

export type SideWorld = SidePlaces & SideObjects;

export interface World {
  t: TestApp;
  county: OrgNode;
  sides: Record<Side, SideWorld>;
  shared: SharedObjects;
  actors: Map<string, Caller>;
  /** A county admin at the root who builds objects through the API: never part of the matrix. */
  operators: { county: Session };
  /** An actor's twin: a new account with the same role and scope (and, for a member, a roster entry). */
  twinOf(caller: Caller): Promise<Session>;
}

type Api = (
  session: Session | null,
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<LightMyRequestResponse>;

/** `inject` as a session, failing loudly on anything but 2xx: the world must exist before the matrix runs. */
export function apiOf(t: TestApp): Api & { ok: <T>(...args: Parameters<Api>) => Promise<T> } {
  const call: Api = (session, method, url, body, headers = {}) =>
    t.app.inject({
      method,
      url,
      remoteAddress: freshIp(),
      headers: { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}), ...headers },
      ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
    }) as Promise<LightMyRequestResponse>;
  const ok = async <T>(...args: Parameters<Api>): Promise<T> => {
    const response = await call(...args);
    if (response.statusCode < 200 || response.statusCode >= 300) {
      throw new Error(`world: ${args[1]} ${args[2]} → ${response.statusCode} ${response.body}`);
    }
    return (response.body ? response.json() : null) as T;
  };
  return Object.assign(call, { ok });
}

async function buildPlaces(
  t: TestApp,
  county: OrgNode,
  name: string,
): Promise<Omit<SidePlaces, 'resident' | 'member'>> {
  const p = t.platform;
  const town = await createOrgUnit(p, { parent: county, kind: 'party_committee', name: `${name}镇党委` });
  const community = await createOrgUnit(p, { parent: town, kind: 'general_branch', name: `${name}社区党总支` });
  const compound = await createCompound(p, community, { name: `${name}花园`, withBranch: true });
  if (!compound.branch) throw new Error('world: compound without branch');
  const grid = await createGrid(p, community, compound);
  const organ = await createOrgUnit(p, { parent: town, kind: 'branch', sector: 'organ', name: `${name}镇机关党支部` });
  const party = async (kind: 'property_company' | 'owners_committee', label: string) => {
    const id = newId();
    const now = isoNow(p.clock);
    await p.db
      .insertInto('compound_party')
      .values({
        id,
        compound_id: compound.id,
        kind,
        name: `${name}${label}`,
        org_id: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return id;
  };
  const branchParty = await p.db
    .selectFrom('compound_party')
    .select('id')
    .where('compound_id', '=', compound.id)
    .where('kind', '=', 'branch')
    .executeTakeFirstOrThrow();
  return {
    town,
    community,
    compound,
    branch: compound.branch,
    grid,
    organ,
    propertyCompany: await party('property_company', '物业服务有限公司'),
    ownersCommittee: await party('owners_committee', '业主委员会'),
    branchParty: branchParty.id,
    household: await insertHousehold(p, compound, { building: '3栋', unit: '2单元', room: '501' }, grid),
  };
}

/** A resident account: the `resident` role on the compound and a resident row of its household linked to it. */
async function createResidentPerson(t: TestApp, places: Omit<SidePlaces, 'resident' | 'member'>) {
  const p = t.platform;
  const user = await quickUser(t, { phone: testPhone() });
  await assignRole(p, user.id, 'resident', places.compound);
  const residentId = newId();
  const now = isoNow(p.clock);
  await p.db
    .insertInto('resident')
    .values({
      id: residentId,
      household_id: places.household,
      path: places.grid.path,
      name: '住户',
      relation: 'owner',
      phone_cipher: null,
      phone_index: null,
      user_id: user.id,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { userId: user.id, residentId };
}

/** A Party member account: the `member` role on the compound and a roster entry of its branch, linked to it. */
async function createMemberPerson(t: TestApp, places: Omit<SidePlaces, 'resident' | 'member'>) {
  const p = t.platform;
  const phone = testPhone();
  const user = await quickUser(t, { phone });
  await assignRole(p, user.id, 'member', places.compound);
  const member = await insertMember(p, { residence: places.compound, branch: places.branch, phone, userId: user.id });
  return { userId: user.id, memberId: member.id };
}

function scopeNode(county: OrgNode, a: SidePlaces, at: ActorScope): OrgNode {
  if (at === 'county') return county;
  if (at === 'town') return a.town;
  if (at === 'grid') return a.grid;
  return a.compound;
}

/** Builds the world on a fresh app: places, people, operators, actors, then every side's objects. */
export async function buildWorld(t: TestApp): Promise<World> {
  const p = t.platform;
  const county = await createOrgUnit(p, { kind: 'county_committee', sector: 'other', name: '矩阵县委' });
  const operatorUser = await quickUser(t, { displayName: '矩阵操作员' });
  await assignRole(p, operatorUser.id, 'county_admin', county);
  const operators = { county: await sessionFor(p, operatorUser.id) };
  const placesA = await buildPlaces(t, county, '金碧');
  const placesB = await buildPlaces(t, county, '龙泉');
  const a: SidePlaces = {
    ...placesA,
    resident: await createResidentPerson(t, placesA),
    member: await createMemberPerson(t, placesA),
  };
  const b: SidePlaces = {
    ...placesB,
    resident: await createResidentPerson(t, placesB),
    member: await createMemberPerson(t, placesB),
  };

  const actors = new Map<string, Caller>();
  for (const spec of ACTOR_SPECS) {
    let userId: string;
    if (spec.key === 'resident') userId = a.resident.userId;
    else if (spec.key === 'member') userId = a.member.userId;
    else {
      userId = (await quickUser(t, { displayName: spec.key })).id;
      await assignRole(p, userId, spec.role, scopeNode(county, a, spec.at));
    }
    actors.set(spec.key, { key: spec.key, role: spec.role, session: await sessionFor(p, userId), userId });
  }

  const twinOf = async (caller: Caller): Promise<Session> => {
    const spec = ACTOR_SPECS.find((s) => s.key === caller.key);
    if (!spec) throw new Error(`world: no twin for ${caller.key}`);
    if (spec.role === 'member') return sessionFor(p, (await createMemberPerson(t, a)).userId);
    if (spec.role === 'resident') return sessionFor(p, (await createResidentPerson(t, a)).userId);
    const user = await quickUser(t, { displayName: `${spec.key}-twin` });
    await assignRole(p, user.id, spec.role, scopeNode(county, a, spec.at));
    return sessionFor(p, user.id);
  };

  const partial = { t, county, actors, operators, twinOf };
  const shared = await seedSharedObjects(t, operators.county, a, b);
  const sides = {
    in: { ...a, ...(await seedSideObjects({ ...partial, places: a })) },
    out: { ...b, ...(await seedSideObjects({ ...partial, places: b })) },
  };
  // The year-end flags of the seeded members, so their list has rows to scope.
  await apiOf(t).ok(operators.county, 'POST', '/api/v1/member-year-flags/compute', { year: 2025 });
  return { ...partial, shared, sides };
}

/** Every id among a side's places, people and objects: what an answer to a caller of the other side must not name. */
export function idsOnSide(world: World, side: Side): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) {
      ids.add(value);
    } else if (value && typeof value === 'object') {
      for (const nested of Object.values(value)) walk(nested);
    }
  };
  walk(world.sides[side]);
  return ids;
}
