import { UpdateVenueBodySchema, type VenueDetail } from '@linli/contracts';
import type { z } from 'zod';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { transact } from '../../platform/transaction.ts';
import { definedColumns, emptyToNull, updateAtVersion } from '../../platform/versioned-update.ts';
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
    await updateAtVersion(trx, ctx, {
      table: 'venue',
      id,
      expectedVersion,
      changes: definedColumns(body, {
        name: 'name',
        address: ['address', emptyToNull],
        areaSqm: 'area_sqm',
        equipment: ['equipment', (labels) => JSON.stringify(labels)],
      }),
    });
    await appendAudit(trx, ctx, {
      action: 'venue.update',
      objectType: 'venue',
      objectId: id,
      details: { compoundId: row.compound_id, fields: Object.keys(body) },
    });
    return toVenueDetail(ctx, await getVenueRow(trx, id));
  });
}
