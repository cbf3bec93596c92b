import {
  CreateVenueBodySchema,
  type Page,
  type VenueDetail,
  type VenueListQuerySchema,
  type VenueSchema,
} from '@linli/contracts';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { toPage } from '../../platform/pagination.ts';
import { transact } from '../../platform/transaction.ts';
import { getCompoundRow } from './compound.service.ts';
import { venueAbilities } from './organisation.policy.ts';
import { decodeKeyset, keysetCursor } from './organisation-paging.ts';
import { findVenueRow, listVenueRows, type VenueRow } from './venue.repository.ts';

export type Venue = z.infer<typeof VenueSchema>;

/** Equipment is stored as a JSON array of labels. */
const EquipmentSchema = z.array(z.string());

const toVenue = (row: VenueRow): Venue => ({
  id: row.id,
  compoundId: row.compound_id,
  compoundName: row.compound_name,
  name: row.name,
  address: row.address,
  areaSqm: row.area_sqm,
  equipment: EquipmentSchema.parse(JSON.parse(row.equipment)),
  version: row.version,
});

/** The venue or 404. */
export async function getVenueRow(db: Db, id: string): Promise<VenueRow> {
  const row = await findVenueRow(db, id);
  if (!row) throw notFound('venue');
  return row;
}

export const toVenueDetail = (ctx: Ctx, row: VenueRow): VenueDetail => ({
  ...toVenue(row),
  abilities: venueAbilities(ctx.actor, row),
});

/** The venues (活动场所) the caller may read, by name. */
export async function listVenues(ctx: Ctx, query: z.infer<typeof VenueListQuerySchema>): Promise<Page<Venue>> {
  const actor = authorize(ctx, 'compound.read');
  const after = decodeKeyset(query.cursor, 'name:asc', 'string');
  const rows = await listVenueRows(ctx.db, actor, query, after, query.limit);
  return toPage(rows, query.limit, toVenue, (r) => keysetCursor('name:asc', r.name, r.id));
}

/** One venue and whether the caller may edit it. */
export async function getVenue(ctx: Ctx, id: string): Promise<VenueDetail> {
  requireActor(ctx);
  const row = await getVenueRow(ctx.db, id);
  authorize(ctx, 'compound.read', row);
  return toVenueDetail(ctx, row);
}

/** Registers a venue where a compound's branch meets and serves; `compound.write` over the compound. */
export async function createVenue(ctx: Ctx, input: z.input<typeof CreateVenueBodySchema>): Promise<Venue> {
  const body = CreateVenueBodySchema.parse(input);
  requireActor(ctx);
  const compound = await getCompoundRow(ctx.db, body.compoundId);
  authorize(ctx, 'compound.write', compound);
  return transact(ctx, async (trx) => {
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('venue')
      .values({
        id,
        compound_id: compound.id,
        name: body.name,
        address: body.address || null,
        area_sqm: body.areaSqm,
        equipment: JSON.stringify(body.equipment),
        path: `${compound.path}${id}/`,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'venue.create',
      objectType: 'venue',
      objectId: id,
      details: { compoundId: compound.id, name: body.name },
    });
    return toVenue(await getVenueRow(trx, id));
  });
}
