import type { PostArea, PostAreaInput } from '@linli/contracts';
import { z } from 'zod';
import type { Trx } from '../../../platform/transaction.ts';
import type { PostRow } from './post.repository.ts';
import { invalidField } from './posts-shared.ts';

const BuildingsSchema = z.array(z.string());

/** The area columns of a post as stored: buildings as a JSON array, a duty zone by id, households in a side table. */
export interface AreaColumns {
  area_kind: PostAreaInput['kind'];
  area_buildings: string | null;
  duty_zone_id: string | null;
}

/**
 * Checks an area against the post's compound — households must be doors of that compound, a duty zone must
 * exist — and returns its columns (400 naming the field otherwise).
 */
export async function resolveArea(trx: Trx, compoundId: string, area: PostAreaInput): Promise<AreaColumns> {
  if (area.kind === 'buildings') {
    return { area_kind: 'buildings', area_buildings: JSON.stringify([...new Set(area.buildings)]), duty_zone_id: null };
  }
  if (area.kind === 'duty_zone') {
    const zone = await trx.selectFrom('duty_zone').select('id').where('id', '=', area.dutyZoneId).executeTakeFirst();
    if (!zone) throw invalidField('area.dutyZoneId', 'duty_zone');
    return { area_kind: 'duty_zone', area_buildings: null, duty_zone_id: zone.id };
  }
  if (area.kind === 'households') {
    const ids = [...new Set(area.householdIds)];
    const found = await trx
      .selectFrom('household')
      .select('id')
      .where('id', 'in', ids)
      .where('compound_id', '=', compoundId)
      .execute();
    if (found.length !== ids.length) throw invalidField('area.householdIds', 'household');
  }
  return { area_kind: area.kind, area_buildings: null, duty_zone_id: null };
}

/** Replaces the post's household list with the area's (empty unless the area is households). */
export async function writeAreaHouseholds(trx: Trx, postId: string, area: PostAreaInput): Promise<void> {
  await trx.deleteFrom('post_household').where('post_id', '=', postId).execute();
  if (area.kind !== 'households') return;
  const ids = [...new Set(area.householdIds)];
  await trx
    .insertInto('post_household')
    .values(ids.map((householdId) => ({ post_id: postId, household_id: householdId })))
    .execute();
}

export const areaOf = (row: PostRow, householdIds: string[]): PostArea => ({
  kind: row.area_kind,
  buildings: row.area_buildings ? BuildingsSchema.parse(JSON.parse(row.area_buildings)) : [],
  householdIds: row.area_kind === 'households' ? householdIds : [],
  dutyZoneId: row.duty_zone_id,
  dutyZoneName: row.duty_zone_name,
});
