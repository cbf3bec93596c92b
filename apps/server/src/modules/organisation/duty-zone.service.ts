import {
  CreateDutyZoneBodySchema,
  type DutyZone,
  type DutyZoneDetail,
  type DutyZoneListQuerySchema,
  GeometrySchema,
  type Page,
} from '@linli/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { toPage } from '../../platform/pagination.ts';
import { transact } from '../../platform/transaction.ts';
import { type DutyZoneRow, findDutyZoneRow, listDutyZoneRows } from './duty-zone.repository.ts';
import type { OrgUnitRow } from './org-unit.repository.ts';
import { getOrgUnitRow } from './org-unit.service.ts';
import { dutyZoneAbilities } from './organisation.policy.ts';
import { invalidInput } from './organisation-errors.ts';
import { decodeKeyset, keysetCursor } from './organisation-paging.ts';

const toDutyZone = (row: DutyZoneRow): DutyZone => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  description: row.description,
  holderOrgId: row.holder_org_id,
  holderOrgName: row.holder_org_name,
  // Stored as GeoJSON text by this module; parsed back through the contract so a bad row fails loudly.
  geometry: row.geometry ? GeometrySchema.parse(JSON.parse(row.geometry)) : null,
  version: row.version,
});

/** The zone or 404. */
export async function getDutyZoneRow(db: Db, id: string): Promise<DutyZoneRow> {
  const row = await findDutyZoneRow(db, id);
  if (!row) throw notFound('duty_zone');
  return row;
}

export const toDutyZoneDetail = (ctx: Ctx, row: DutyZoneRow): DutyZoneDetail => ({
  ...toDutyZone(row),
  abilities: dutyZoneAbilities(ctx.actor, row),
});

/** A zone's holder is an organ Party organisation (河道/街道责任区 go to county organs), writable by the caller. */
export async function getHolderOrg(ctx: Ctx, holderOrgId: string): Promise<OrgUnitRow> {
  const holder = await getOrgUnitRow(ctx.db, holderOrgId);
  authorize(ctx, 'org.write', holder);
  if (holder.sector !== 'organ') throw invalidInput('body.holderOrgId', 'holderNotOrgan');
  return holder;
}

/** The river and street duty zones the caller may read, by name. */
export async function listDutyZones(ctx: Ctx, query: z.infer<typeof DutyZoneListQuerySchema>): Promise<Page<DutyZone>> {
  const actor = authorize(ctx, 'org.read');
  const after = decodeKeyset(query.cursor, 'name:asc', 'string');
  const rows = await listDutyZoneRows(ctx.db, actor, query, after, query.limit);
  return toPage(rows, query.limit, toDutyZone, (r) => keysetCursor('name:asc', r.name, r.id));
}

/** One zone with its geometry and whether the caller may edit it. */
export async function getDutyZone(ctx: Ctx, id: string): Promise<DutyZoneDetail> {
  requireActor(ctx);
  const row = await getDutyZoneRow(ctx.db, id);
  authorize(ctx, 'org.read', row);
  return toDutyZoneDetail(ctx, row);
}

/**
 * Assigns a river or street segment (河道/街道责任区) to a county organ's Party organisation: the holder must be
 * an org node of sector `organ` (else 400), and the caller needs `org.write` over it. The zone hangs under the
 * holder, so the holder's committee sees it.
 */
export async function createDutyZone(ctx: Ctx, input: z.input<typeof CreateDutyZoneBodySchema>): Promise<DutyZone> {
  const body = CreateDutyZoneBodySchema.parse(input);
  requireActor(ctx);
  const holder = await getHolderOrg(ctx, body.holderOrgId);
  return transact(ctx, async (trx) => {
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('duty_zone')
      .values({
        id,
        kind: body.kind,
        name: body.name,
        description: body.description || null,
        holder_org_id: holder.id,
        path: `${holder.path}${id}/`,
        geometry: body.geometry ? JSON.stringify(body.geometry) : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'duty_zone.create',
      objectType: 'duty_zone',
      objectId: id,
      details: { kind: body.kind, name: body.name, holderOrgId: holder.id },
    });
    return toDutyZone(await getDutyZoneRow(trx, id));
  });
}
