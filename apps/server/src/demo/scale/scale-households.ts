import { sql } from 'kysely';
import { householdSortKey } from '../../modules/members/index.ts';
import { DAY_MS } from '../../platform/clock.ts';
import { demoNames } from '../demo-names.ts';
import { RowBuffer } from './bulk-insert.ts';
import { accountRows, addAccount } from './scale-accounts.ts';
import { phaseStreams, phoneSeries, type ScaleContext } from './scale-context.ts';
import type { ScaleCompound, ScalePlaces } from './scale-places.ts';
import { apportion } from './scale-random.ts';
import type { StaffDirectory } from './scale-staff.ts';
import { iso } from './scale-time.ts';

/** A compound's registered residents (H5 accounts) and the residents with a phone on record. */
export interface CompoundResidents {
  accounts: Array<{ userId: string; name: string }>;
  contacts: Array<{ name: string; phone: string }>;
}

export interface ScaleHousehold {
  id: string;
  path: string;
  createdMs: number;
  /** The account of a resident who registered for it, if any (they can rate services done there). */
  accountId: string | null;
}

export interface HouseholdsResult {
  residents: Map<string, CompoundResidents>;
  households: Map<string, ScaleHousehold[]>;
}

/** Recorded households stay under the compound's stated count; three units of 18 floors, four doors a floor. */
const RECORDED_SHARE = 0.85;
const UNITS = 3;
const FLOORS = 18;
const DOORS = 4;
const RELATIONS = ['family', 'family', 'tenant', 'owner'] as const;
/** About one household in five has a resident who registered on the H5 (the reporters of H5 cases). */
const REGISTERED_SHARE = 0.2;
/** Rows per transaction. */
const CHUNK = 20_000;

/**
 * Households (building-unit-room, in the grid their building belongs to) and their residents with encrypted
 * phones and blind indexes, spread over the compounds by the room each has left; a fifth of the households have
 * a resident registered on the H5 — an account, a confirmed household claim, the resident role on the compound
 * and the resident row linked to it, as registration and the branch's confirmation leave them.
 */
export async function generateHouseholds(
  ctx: ScaleContext,
  places: ScalePlaces,
  staff: StaffDirectory,
  count: number,
): Promise<HouseholdsResult> {
  const existing = await existingHouseholds(ctx, places);
  const room = places.compounds.map((c) => {
    const capacity = c.buildingCount * UNITS * FLOORS * DOORS;
    const recorded = Math.min(Math.round(c.householdCount * RECORDED_SHARE), capacity);
    return Math.max(0, recorded - (existing.count.get(c.id) ?? 0));
  });
  const shares = apportion(count, room);
  const phase = ctx.progress.phase('households', count);
  const writer = new HouseholdWriter(ctx, existing);
  for (const [index, compound] of places.compounds.entries()) {
    const decider = staff.dispatcher(compound).userId;
    for (let h = 0; h < (shares[index] ?? 0); h += 1) {
      writer.household(compound, decider);
      phase.advance(1);
      if (writer.buffer.size >= CHUNK) await writer.flush();
    }
  }
  await writer.flush();
  phase.end();
  return { residents: existing.residents, households: existing.households };
}

type Existing = Awaited<ReturnType<typeof existingHouseholds>>;
type Address = { building: string; unit: string; room: string };
const TABLES = ['household', 'app_user', 'role_assignment', 'resident', 'resident_claim'] as const;

/** The rows of new households, their residents and the registrations among them, written in chunks. */
class HouseholdWriter {
  buffer = new RowBuffer(TABLES);
  private readonly random;
  private readonly ids;
  private readonly names;
  private readonly phone = phoneSeries('137');

  constructor(
    private readonly ctx: ScaleContext,
    private readonly existing: Existing,
  ) {
    const streams = phaseStreams(ctx, 'households');
    this.random = streams.random;
    this.ids = streams.ids;
    this.names = demoNames(streams.random);
  }

  async flush(): Promise<void> {
    const full = this.buffer;
    this.buffer = new RowBuffer(TABLES);
    await this.ctx.db.transaction().execute((trx) => full.flush(trx, this.ctx.dialect));
  }

  /** A free address in the compound: building, unit and room not yet on the register. */
  private address(compound: ScaleCompound): { building: number; address: Address } {
    const taken = this.existing.addresses.get(compound.id) ?? new Set<string>();
    this.existing.addresses.set(compound.id, taken);
    for (;;) {
      const building = this.random.int(1, compound.buildingCount);
      const address = {
        building: `${building}栋`,
        unit: `${this.random.int(1, UNITS)}单元`,
        room: `${this.random.int(1, FLOORS)}0${this.random.int(1, DOORS)}`,
      };
      const key = `${address.building}/${address.unit}/${address.room}`;
      if (taken.has(key)) continue;
      taken.add(key);
      return { building, address };
    }
  }

  household(compound: ScaleCompound, decider: string): void {
    const { building, address } = this.address(compound);
    const grid = this.existing.gridOfBuilding.get(`${compound.id}/${address.building}`) ?? gridFor(compound, building);
    const createdMs = compound.createdMs + this.random.int(1, 28) * DAY_MS;
    const id = this.ids(createdMs);
    const path = grid?.path ?? compound.path;
    this.buffer.add('household', {
      id,
      compound_id: compound.id,
      grid_id: grid?.id ?? null,
      path,
      ...address,
      sort_key: householdSortKey(address),
      note: null,
      created_at: iso(createdMs),
      updated_at: iso(createdMs),
      version: 1,
    });
    const household: ScaleHousehold = { id, path, createdMs, accountId: null };
    let registers = this.random.next() < REGISTERED_SHARE;
    const size = this.random.next() < 0.3 ? 1 : this.random.next() < 0.65 ? 2 : 3;
    for (let r = 0; r < size; r += 1) {
      const withPhone = this.random.next() < 0.6;
      const userId = this.resident(compound, household, { address, owner: r === 0, withPhone, registers, decider });
      if (userId) registers = false;
    }
    const list = this.existing.households.get(compound.id) ?? [];
    list.push(household);
    this.existing.households.set(compound.id, list);
  }

  /** One resident, with an encrypted phone for most; the first with a phone registers when the household does. */
  private resident(
    compound: ScaleCompound,
    household: ScaleHousehold,
    who: { address: Address; owner: boolean; withPhone: boolean; registers: boolean; decider: string },
  ): string | null {
    const name = this.names.person();
    const number = who.withPhone ? this.phone() : null;
    const phone = number ? { cipher: this.ctx.cipher.encrypt(number), index: this.ctx.blindIndex(number) } : null;
    const people = this.existing.residents.get(compound.id) ?? { accounts: [], contacts: [] };
    this.existing.residents.set(compound.id, people);
    const userId = who.registers && phone ? this.register(compound, household, name, phone, who) : null;
    if (number) people.contacts.push({ name, phone: number });
    if (userId) people.accounts.push({ userId, name });
    this.buffer.add('resident', {
      id: this.ids(household.createdMs),
      household_id: household.id,
      path: household.path,
      name,
      relation: who.owner ? 'owner' : this.random.pick(RELATIONS),
      phone_cipher: phone?.cipher ?? null,
      phone_index: phone?.index ?? null,
      user_id: userId,
      created_at: iso(household.createdMs),
      updated_at: iso(household.createdMs),
      version: 1,
    });
    return userId;
  }

  /** Registration on the H5 and the branch's confirmation: account, resident role, confirmed claim. */
  private register(
    compound: ScaleCompound,
    household: ScaleHousehold,
    name: string,
    phone: { cipher: string; index: string },
    who: { address: Address; decider: string },
  ): string {
    const registeredMs = household.createdMs + this.random.int(1, 2) * DAY_MS;
    const account = accountRows(this.ids, {
      atMs: registeredMs,
      username: null,
      displayName: name,
      phone,
      role: 'resident',
      scope: { kind: 'compound', id: compound.id, path: compound.path },
      createdBy: who.decider,
    });
    const userId = String(account.user.id);
    household.accountId = userId;
    addAccount(this.buffer, account);
    this.buffer.add('resident_claim', {
      id: this.ids(registeredMs),
      user_id: userId,
      compound_id: compound.id,
      path: compound.path,
      ...who.address,
      status: 'confirmed',
      decided_by: who.decider,
      decided_at: iso(registeredMs + DAY_MS),
      created_at: iso(registeredMs),
    });
    return userId;
  }
}

/** The grid a building belongs to: buildings are shared out among the compound's grids in turn. */
const gridFor = (compound: ScaleCompound, building: number) =>
  compound.grids.length === 0 ? null : (compound.grids[(building - 1) % compound.grids.length] ?? null);

/** The demo county's households and residents: their addresses, their buildings' grids, its resident accounts. */
async function existingHouseholds(ctx: ScaleContext, places: ScalePlaces) {
  const rows = await ctx.db
    .selectFrom('household')
    .select(['id', 'compound_id', 'grid_id', 'path', 'building', 'unit', 'room', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const count = new Map<string, number>();
  const addresses = new Map<string, Set<string>>();
  const households = new Map<string, ScaleHousehold[]>();
  const gridOfBuilding = new Map<string, { id: string; path: string } | null>();
  for (const row of rows) {
    count.set(row.compound_id, (count.get(row.compound_id) ?? 0) + 1);
    const set = addresses.get(row.compound_id) ?? new Set<string>();
    set.add(`${row.building}/${row.unit}/${row.room}`);
    addresses.set(row.compound_id, set);
    const list = households.get(row.compound_id) ?? [];
    list.push({ id: row.id, path: row.path, createdMs: Date.parse(row.created_at), accountId: null });
    households.set(row.compound_id, list);
    gridOfBuilding.set(`${row.compound_id}/${row.building}`, row.grid_id ? { id: row.grid_id, path: row.path } : null);
  }
  const accounts = await sql<{ scope_id: string; id: string; display_name: string }>`
    SELECT r.scope_id, u.id, u.display_name FROM role_assignment r JOIN app_user u ON u.id = r.user_id
    WHERE r.role = 'resident' AND r.scope_kind = 'compound' ORDER BY u.created_at, u.id`.execute(ctx.db);
  const residents = new Map<string, CompoundResidents>();
  for (const compound of places.compounds) residents.set(compound.id, { accounts: [], contacts: [] });
  for (const row of accounts.rows)
    residents.get(row.scope_id)?.accounts.push({ userId: row.id, name: row.display_name });
  return { count, addresses, households, gridOfBuilding, residents };
}
