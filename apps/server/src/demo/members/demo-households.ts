import type { Insertable } from 'kysely';
import type { HouseholdTable, ResidentTable } from '../../db/schema-members.ts';
import { householdSortKey } from '../../modules/members/index.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Platform } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { Trx } from '../../platform/transaction.ts';
import type { DemoNames } from '../demo-names.ts';
import type { Random } from '../seeded-random.ts';
import { insertMany } from './demo-batch.ts';
import type { DemoPlace } from './demo-places.ts';

/** Households recorded per compound: a sample of the compound's dwellings, as a branch enters them over time. */
const HOUSEHOLDS_PER_COMPOUND = 36;
const RELATIONS = ['owner', 'tenant', 'family', 'family', 'owner'] as const;

export interface DemoHousehold {
  id: string;
  compoundId: string;
  path: string;
}

/**
 * Households (building-unit-room) and their residents (name, relation, sometimes a phone) for every compound;
 * the demo resident account lives in the first household of the first compound.
 */
export async function seedDemoHouseholds(
  trx: Trx,
  platform: Platform,
  places: DemoPlace[],
  names: DemoNames,
  random: Random,
  demoResident: { userId: string; phone: string } | null,
): Promise<Map<string, DemoHousehold[]>> {
  const now = isoNow(platform.clock);
  const byCompound = new Map<string, DemoHousehold[]>();
  const households: Insertable<HouseholdTable>[] = [];
  const residents: Insertable<ResidentTable>[] = [];
  for (const place of places) {
    const list: DemoHousehold[] = [];
    const seen = new Set<string>();
    while (list.length < HOUSEHOLDS_PER_COMPOUND) {
      const building = `${random.int(1, Math.min(place.buildingCount, 12))}栋`;
      const unit = `${random.int(1, 3)}单元`;
      const room = `${random.int(1, 18)}0${random.int(1, 4)}`;
      const key = `${building}/${unit}/${room}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const id = newId();
      const path = place.grid?.path ?? place.path;
      households.push({
        id,
        compound_id: place.id,
        grid_id: place.grid?.id ?? null,
        path,
        building,
        unit,
        room,
        sort_key: householdSortKey({ building, unit, room }),
        note: null,
        created_at: now,
        updated_at: now,
      });
      list.push({ id, compoundId: place.id, path });
      const count = random.int(1, 3);
      for (let r = 0; r < count; r += 1) {
        const isDemoResident = demoResident !== null && byCompound.size === 0 && list.length === 1 && r === 0;
        const phone = isDemoResident ? demoResident.phone : random.next() < 0.6 ? names.phone() : null;
        residents.push({
          id: newId(),
          household_id: id,
          path,
          name: names.person(),
          relation: r === 0 ? 'owner' : random.pick(RELATIONS),
          phone_cipher: phone ? platform.cipher.encrypt(phone) : null,
          phone_index: phone ? platform.blindIndex(phone) : null,
          user_id: isDemoResident ? demoResident.userId : null,
          created_at: now,
          updated_at: now,
        });
      }
    }
    byCompound.set(place.id, list);
  }
  await insertMany(trx, 'household', households);
  await insertMany(trx, 'resident', residents);
  return byCompound;
}
