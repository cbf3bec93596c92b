import { UpdateVenueBodySchema, type VenueDetail } from '@linli/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { isoNow } from '../../platform/clock.ts';
import { assertUpdated } from '../../platform/concurrency.ts';
import type { Ctx } from '../../platform/context.ts';
import { transact } from '../../platform/transaction.ts';
import { getVenueRow, toVenueDetail } from './venue.service.ts';

/**
 * Edits a venue's name, address, area and equipment at the version the editor read (REL-7), with
 * `compound.write` over its compound. A venue never changes compound: it is a room of that compound.
 */
export async function updateVenue(
  ctx: Ctx,
  id: string,
  input: z.input<typeof UpdateVenueBodySchema>,
  expectedVersion: number,
): Promise<VenueDetail> {
  const body = UpdateVenueBodySchema.parse(input);
  requireActor(ctx);
  const row = await getVenueRow(ctx.db, id);
  authorize(ctx, 'compound.write', row);
  return transact(ctx, async (trx) => {
    const result = await trx
      .updateTable('venue')
      .set({
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.address === undefined ? {} : { address: body.address || null }),
        ...(body.areaSqm === undefined ? {} : { area_sqm: body.areaSqm }),
        ...(body.equipment === undefined ? {} : { equipment: JSON.stringify(body.equipment) }),
        updated_at: isoNow(ctx.clock),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    assertUpdated(result.numUpdatedRows);
    await appendAudit(trx, ctx, {
      action: 'venue.update',
      objectType: 'venue',
      objectId: id,
      details: { compoundId: row.compound_id, fields: Object.keys(body) },
    });
    return toVenueDetail(ctx, await getVenueRow(trx, id));
  });
}
