import { type DutyZoneDetail, UpdateDutyZoneBodySchema } from '@linli/contracts';
import type { z } from 'zod';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { transact } from '../../platform/transaction.ts';
import { definedColumns, emptyToNull, updateAtVersion } from '../../platform/versioned-update.ts';
import { getDutyZoneRow, getHolderOrg, toDutyZoneDetail } from './duty-zone.service.ts';

/**
 * Edits a duty zone at the version the editor read (REL-7). The caller needs `org.write` over the zone; handing
 * it to another holder also needs `org.write` there, and the new holder must again be an organ Party
 * organisation (else 400). The zone's path follows its holder, so the new holder's committee sees it and the
 * old one no longer does.
 */
export async function updateDutyZone(
  ctx: Ctx,
  id: string,
  input: z.input<typeof UpdateDutyZoneBodySchema>,
  expectedVersion: number,
): Promise<DutyZoneDetail> {
  const body = UpdateDutyZoneBodySchema.parse(input);
  requireActor(ctx);
  const row = await getDutyZoneRow(ctx.db, id);
  authorize(ctx, 'org.write', row);
  const newHolderId = body.holderOrgId === row.holder_org_id ? undefined : body.holderOrgId;
  const holder = newHolderId ? await getHolderOrg(ctx, newHolderId) : undefined;
  return transact(ctx, async (trx) => {
    await updateAtVersion(trx, ctx, {
      table: 'duty_zone',
      id,
      expectedVersion,
      changes: {
        ...definedColumns(body, { kind: 'kind', name: 'name', description: ['description', emptyToNull] }),
        ...(holder ? { holder_org_id: holder.id, path: `${holder.path}${id}/` } : {}),
      },
    });
    await appendAudit(trx, ctx, {
      action: 'duty_zone.update',
      objectType: 'duty_zone',
      objectId: id,
      details: {
        fields: Object.keys(body),
        holderOrgId: holder?.id ?? row.holder_org_id,
        ...(holder ? { fromHolderOrgId: row.holder_org_id } : {}),
      },
    });
    return toDutyZoneDetail(ctx, await getDutyZoneRow(trx, id));
  });
}
