import { type PartnerUnitDetail, UpdatePartnerUnitBodySchema } from '@linli/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { isoNow } from '../../platform/clock.ts';
import { assertUpdated } from '../../platform/concurrency.ts';
import type { Ctx } from '../../platform/context.ts';
import { type Trx, transact } from '../../platform/transaction.ts';
import { listLinkedCompounds } from './partner-unit.repository.ts';
import { getPartnerUnitRow, toPartnerUnitDetail, writableCompounds } from './partner-unit.service.ts';

type UpdatePartnerUnitBody = z.infer<typeof UpdatePartnerUnitBodySchema>;

interface LinkChanges {
  added: string[];
  removed: string[];
}

/**
 * The links to add and to drop so the unit supports exactly `compoundIds`. Every compound that changes, either
 * way, must be writable by the caller: nobody unlinks a compound they do not govern, while links outside their
 * scope that they leave alone stay as they are.
 */
async function planLinkChanges(ctx: Ctx, unitId: string, compoundIds: string[]): Promise<LinkChanges> {
  const wanted = new Set(compoundIds);
  const current = await listLinkedCompounds(ctx.db, [unitId]);
  const linked = new Set(current.map((l) => l.compound_id));
  const added = [...wanted].filter((id) => !linked.has(id));
  const removed = current.filter((l) => !wanted.has(l.compound_id));
  await writableCompounds(ctx, added);
  for (const link of removed) authorize(ctx, 'compound.write', link);
  return { added, removed: removed.map((l) => l.compound_id) };
}

async function applyLinkChanges(trx: Trx, unitId: string, changes: LinkChanges): Promise<void> {
  if (changes.removed.length > 0) {
    await trx
      .deleteFrom('partner_unit_compound')
      .where('partner_unit_id', '=', unitId)
      .where('compound_id', 'in', changes.removed)
      .execute();
  }
  if (changes.added.length > 0) {
    await trx
      .insertInto('partner_unit_compound')
      .values(changes.added.map((compoundId) => ({ partner_unit_id: unitId, compound_id: compoundId })))
      .execute();
  }
}

/** `null` clears a contact field; a new phone is stored encrypted like on create. */
const contactColumns = (ctx: Ctx, body: UpdatePartnerUnitBody) => ({
  ...(body.contactName === undefined ? {} : { contact_name: body.contactName }),
  ...(body.contactPhone === undefined
    ? {}
    : { contact_phone_cipher: body.contactPhone === null ? null : ctx.cipher.encrypt(body.contactPhone) }),
});

/**
 * Edits a partner unit at the version the editor read (REL-7), with `org.write` where it was registered.
 * `compoundIds` replaces its linked compounds (403 for a change outside the caller's `compound.write` scope,
 * 404 for an unknown compound). The audit row names the fields and the links changed, never the phone.
 */
export async function updatePartnerUnit(
  ctx: Ctx,
  id: string,
  input: z.input<typeof UpdatePartnerUnitBodySchema>,
  expectedVersion: number,
): Promise<PartnerUnitDetail> {
  const body = UpdatePartnerUnitBodySchema.parse(input);
  requireActor(ctx);
  const row = await getPartnerUnitRow(ctx.db, id);
  authorize(ctx, 'org.write', row);
  const links = body.compoundIds === undefined ? undefined : await planLinkChanges(ctx, id, body.compoundIds);
  return transact(ctx, async (trx) => {
    // The version guard also guards the links: every link change goes through here and bumps the version.
    const result = await trx
      .updateTable('partner_unit')
      .set({
        ...(body.name === undefined ? {} : { name: body.name }),
        ...contactColumns(ctx, body),
        ...(body.resources === undefined ? {} : { resources: body.resources || null }),
        updated_at: isoNow(ctx.clock),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    assertUpdated(result.numUpdatedRows);
    if (links) await applyLinkChanges(trx, id, links);
    await appendAudit(trx, ctx, {
      action: 'partner_unit.update',
      objectType: 'partner_unit',
      objectId: id,
      details: {
        fields: Object.keys(body),
        ...(links ? { compoundIdsAdded: links.added, compoundIdsRemoved: links.removed } : {}),
      },
    });
    return toPartnerUnitDetail(ctx, trx, await getPartnerUnitRow(trx, id));
  });
}
