import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { householdSortKey } from './household-address.ts';

export interface ClaimedResident {
  userId: string;
  displayName: string;
  /** The account's encrypted phone and its blind index, copied as they are. */
  phoneCipher: string | null;
  phoneIndex: string | null;
  compound: { id: string; path: string };
  building: string;
  unit: string | null;
  room: string;
}

/**
 * A household claim the branch confirmed (residents module) puts the account on the household register: the
 * household at that address is found or created, and the account becomes one of its residents (or the resident
 * row staff entered with the same phone gets linked). Then the resident can rate services done for the
 * household. Runs in the caller's transaction; the caller audits the decision.
 */
export async function recordClaimedResident(trx: Trx, ctx: Ctx, claim: ClaimedResident): Promise<string> {
  const now = isoNow(ctx.clock);
  const unit = claim.unit ?? '';
  const found = await trx
    .selectFrom('household')
    .select(['id', 'path'])
    .where('compound_id', '=', claim.compound.id)
    .where('building', '=', claim.building)
    .where('unit', '=', unit)
    .where('room', '=', claim.room)
    .executeTakeFirst();
  const household = found ?? { id: newId(), path: claim.compound.path };
  if (!found) {
    await trx
      .insertInto('household')
      .values({
        id: household.id,
        compound_id: claim.compound.id,
        grid_id: null,
        path: household.path,
        building: claim.building,
        unit,
        room: claim.room,
        sort_key: householdSortKey({ building: claim.building, unit, room: claim.room }),
        note: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const samePhone = claim.phoneIndex
    ? await trx
        .selectFrom('resident')
        .select('id')
        .where('household_id', '=', household.id)
        .where('phone_index', '=', claim.phoneIndex)
        .executeTakeFirst()
    : undefined;
  if (samePhone) {
    await trx
      .updateTable('resident')
      .set({ user_id: claim.userId, updated_at: now })
      .where('id', '=', samePhone.id)
      .execute();
  } else {
    await trx
      .insertInto('resident')
      .values({
        id: newId(),
        household_id: household.id,
        path: household.path,
        name: claim.displayName,
        relation: 'other',
        phone_cipher: claim.phoneCipher,
        phone_index: claim.phoneIndex,
        user_id: claim.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  return household.id;
}
