import {
  CreatePartnerUnitBodySchema,
  type Page,
  type PartnerUnitDetail,
  type PartnerUnitListQuerySchema,
  type PartnerUnitSchema,
} from '@linli/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { assignmentsWith, authorize, can, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { maskPhone } from '../../platform/crypto/mask.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { toBatchedPage } from '../../platform/pagination.ts';
import { transact } from '../../platform/transaction.ts';
import { getOrgUnitRow } from './org-unit.service.ts';
import { partnerUnitAbilities } from './organisation.policy.ts';
import { decodeKeyset, keysetCursor } from './organisation-paging.ts';
import {
  findPartnerUnitRow,
  listLinkedCompounds,
  listPartnerUnitRows,
  type PartnerUnitRow,
} from './partner-unit.repository.ts';

export type PartnerUnit = z.infer<typeof PartnerUnitSchema>;

async function toPartnerUnits(ctx: Ctx, db: Db, rows: PartnerUnitRow[]): Promise<PartnerUnit[]> {
  const links = await listLinkedCompounds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    contactName: r.contact_name,
    contactPhoneMasked: r.contact_phone_cipher ? maskPhone(ctx.cipher.decrypt(r.contact_phone_cipher)) : null,
    resources: r.resources,
    compoundIds: links.filter((l) => l.partner_unit_id === r.id).map((l) => l.compound_id),
    version: r.version,
  }));
}

/** The partner units the caller may read: registered in their scope or supporting a compound in it. */
export async function listPartnerUnits(
  ctx: Ctx,
  query: z.infer<typeof PartnerUnitListQuerySchema>,
): Promise<Page<PartnerUnit>> {
  const actor = authorize(ctx, 'org.read');
  const after = decodeKeyset(query.cursor, 'name:asc', 'string');
  const rows = await listPartnerUnitRows(ctx.db, actor, query, after, query.limit);
  return toBatchedPage(
    rows,
    query.limit,
    (page) => toPartnerUnits(ctx, ctx.db, page),
    (r) => keysetCursor('name:asc', r.name, r.id),
  );
}

/** The unit or 404. */
export async function getPartnerUnitRow(db: Db, id: string): Promise<PartnerUnitRow> {
  const row = await findPartnerUnitRow(db, id);
  if (!row) throw notFound('partner_unit');
  return row;
}

/** One unit with its linked compounds. */
async function toPartnerUnit(ctx: Ctx, db: Db, row: PartnerUnitRow): Promise<PartnerUnit> {
  const [unit] = await toPartnerUnits(ctx, db, [row]);
  if (!unit) throw notFound('partner_unit');
  return unit;
}

/** One unit with its linked compounds and whether the caller may edit it. */
export async function toPartnerUnitDetail(ctx: Ctx, db: Db, row: PartnerUnitRow): Promise<PartnerUnitDetail> {
  return { ...(await toPartnerUnit(ctx, db, row)), abilities: partnerUnitAbilities(ctx.actor, row) };
}

/** One partner unit, under the same visibility rule as the list. */
export async function getPartnerUnit(ctx: Ctx, id: string): Promise<PartnerUnitDetail> {
  const actor = requireActor(ctx);
  const row = await getPartnerUnitRow(ctx.db, id);
  const links = await listLinkedCompounds(ctx.db, [row.id]);
  const visible = can(actor, 'org.read', row) || links.some((l) => can(actor, 'org.read', l));
  if (!visible) throw new AppError('FORBIDDEN', { details: { permission: 'org.read' } });
  return toPartnerUnitDetail(ctx, ctx.db, row);
}

/**
 * The compounds to link, each known (else 404) and writable by the caller (else 403): a unit is linked only to
 * compounds the caller governs.
 */
export async function writableCompounds(ctx: Ctx, compoundIds: string[]): Promise<{ id: string; path: string }[]> {
  if (compoundIds.length === 0) return [];
  const compounds = await ctx.db.selectFrom('compound').select(['id', 'path']).where('id', 'in', compoundIds).execute();
  if (compounds.length !== compoundIds.length) throw notFound('compound');
  for (const compound of compounds) authorize(ctx, 'compound.write', compound);
  return compounds;
}

/** Without `orgId` a unit is registered by the caller's first org-scoped node where they may write. */
async function registeringOrg(ctx: Ctx, actor: Actor, orgId: string | undefined) {
  const scopeId = orgId ?? assignmentsWith(actor, 'org.write').find((a) => a.scopeKind === 'org')?.scopeId;
  if (!scopeId) throw new AppError('FORBIDDEN', { details: { permission: 'org.write' } });
  return getOrgUnitRow(ctx.db, scopeId);
}

/**
 * Registers a partner unit (联系单位/共建单位) under an org node the caller may write, linked to compounds the
 * caller may write (403 for any outside that scope). The contact phone is stored encrypted, shown masked.
 */
export async function createPartnerUnit(
  ctx: Ctx,
  input: z.input<typeof CreatePartnerUnitBodySchema>,
): Promise<PartnerUnit> {
  const body = CreatePartnerUnitBodySchema.parse(input);
  const actor = requireActor(ctx);
  const org = await registeringOrg(ctx, actor, body.orgId);
  authorize(ctx, 'org.write', org);
  const compoundIds = [...new Set(body.compoundIds)];
  await writableCompounds(ctx, compoundIds);
  return transact(ctx, async (trx) => {
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('partner_unit')
      .values({
        id,
        name: body.name,
        contact_name: body.contactName ?? null,
        contact_phone_cipher: body.contactPhone ? ctx.cipher.encrypt(body.contactPhone) : null,
        resources: body.resources || null,
        org_id: org.id,
        path: `${org.path}${id}/`,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (compoundIds.length > 0) {
      await trx
        .insertInto('partner_unit_compound')
        .values(compoundIds.map((compoundId) => ({ partner_unit_id: id, compound_id: compoundId })))
        .execute();
    }
    await appendAudit(trx, ctx, {
      action: 'partner_unit.create',
      objectType: 'partner_unit',
      objectId: id,
      details: { name: body.name, orgId: org.id, compoundIds },
    });
    return toPartnerUnit(ctx, trx, await getPartnerUnitRow(trx, id));
  });
}
