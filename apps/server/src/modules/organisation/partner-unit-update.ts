import { type PartnerUnitDetail, UpdatePartnerUnitBodySchema } from '@linli/contracts';
import type { z } from 'zod';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { type Trx, transact } from '../../platform/transaction.ts';
import { definedColumns, emptyToNull, updateAtVersion } from '../../platform/versioned-update.ts';
import { listLinkedCompounds } from './partner-unit.repository.ts';
import { getPartnerUnitRow, toPartnerUnitDetail, writableCompounds } from './partner-unit.service.ts';

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
    await updateAtVersion(trx, ctx, {
      table: 'partner_unit',
      id,
      expectedVersion,
      changes: definedColumns(body, {
        name: 'name',
        contactName: 'contact_name',
        // `null` clears a contact field; a new phone is stored encrypted like on create.
        contactPhone: ['contact_phone_cipher', (phone) => (phone === null ? null : ctx.cipher.encrypt(phone))],
        resources: ['resources', emptyToNull],
      }),
    });
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
