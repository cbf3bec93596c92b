import { IdSchema, type Location } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { badRequest } from './open311-errors.ts';
import type { CreateArgs } from './open311-form.ts';

/** A point farther than this from every compound is not near any of them: the client must name one. */
export const NEAREST_COMPOUND_MAX_METRES = 5_000;

/** Where a new request is: the compound every case needs, the map point and the address as sent. */
export interface Open311Place {
  compoundId: string;
  location: Location | undefined;
  addressText: string | undefined;
}

const MISSING =
  'A location is required: address_id (a compound id), lat and long within 5 km of a compound, ' +
  'or an address_string naming a compound.';

function pointOf(args: CreateArgs): Location | undefined {
  if (args.lat === undefined && args.long === undefined) return undefined;
  if (args.lat === undefined || args.long === undefined) throw badRequest('lat and long must be given together.');
  const lat = Number(args.lat);
  const lng = Number(args.long);
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    throw badRequest('lat and long must be WGS84 decimal degrees.');
  }
  return { lat, lng };
}

const EARTH_RADIUS_METRES = 6_371_000;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance (haversine): plenty for choosing among compounds a few kilometres apart. */
export function metresBetween(a: Location, b: Location): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.sqrt(h));
}

async function nearestCompound(db: Db, point: Location): Promise<string | undefined> {
  const rows = await db
    .selectFrom('compound')
    .select(['id', 'lat', 'lng'])
    .where('lat', 'is not', null)
    .where('lng', 'is not', null)
    .execute();
  let best: { id: string; metres: number } | undefined;
  for (const row of rows) {
    if (row.lat === null || row.lng === null) continue;
    const metres = metresBetween(point, { lat: row.lat, lng: row.lng });
    if (metres <= NEAREST_COMPOUND_MAX_METRES && (!best || metres < best.metres)) best = { id: row.id, metres };
  }
  return best?.id;
}

/** The compound whose name the address mentions; the longest name wins (金碧花园二期 over 金碧花园). */
async function compoundNamedIn(db: Db, address: string): Promise<string | undefined> {
  const rows = await db.selectFrom('compound').select(['id', 'name']).execute();
  const named = rows.filter((r) => r.name.length > 0 && address.includes(r.name));
  named.sort((a, b) => b.name.length - a.name.length);
  return named[0]?.id;
}

/**
 * Every case belongs to a compound, which plain Open311 has no notion of. In order: our extension `address_id` is
 * a compound id; else the compound nearest to `lat`/`long` among those with coordinates (within 5 km); else a
 * compound whose name appears in `address_string`. Nothing resolvable is the spec's 400.
 */
export async function locate(db: Db, args: CreateArgs): Promise<Open311Place> {
  const location = pointOf(args);
  if (args.addressString !== undefined && args.addressString.length > 200) {
    throw badRequest('address_string is longer than 200 characters.');
  }
  const place = (compoundId: string): Open311Place => ({ compoundId, location, addressText: args.addressString });
  if (args.addressId !== undefined) {
    const id = IdSchema.safeParse(args.addressId);
    const row = id.success
      ? await db.selectFrom('compound').select('id').where('id', '=', id.data).executeTakeFirst()
      : undefined;
    if (!row) throw badRequest('address_id is not a known compound id.');
    return place(row.id);
  }
  const near = location ? await nearestCompound(db, location) : undefined;
  if (near) return place(near);
  const named = args.addressString ? await compoundNamedIn(db, args.addressString) : undefined;
  if (named) return place(named);
  throw badRequest(MISSING);
}
