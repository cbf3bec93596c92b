import {
  CreateWorkUnitBodySchema,
  type Page,
  UpdateWorkUnitBodySchema,
  type WorkUnit,
  type WorkUnitDetail,
  type WorkUnitListQuery,
} from '@linli/contracts';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../../db/database.ts';
import type { WorkUnitTable } from '../../../db/schema-members.ts';
import { authorize, can } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { maskPhone } from '../../../platform/crypto/index.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { decodeCursor, encodeCursor } from '../../../platform/pagination.ts';
import { likeContains } from '../../../platform/sql-helpers.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { definedColumns, emptyToNull, updateAtVersion } from '../../../platform/versioned-update.ts';

/*
 * Work units (工作单位) are shared reference data of the county: anyone who reads the roster may list them. A unit
 * tied to a Party organisation of the county belongs to that organisation's place: `work_unit.write` must cover
 * it to register or edit the unit (and to tie a unit to it), so one township's staff cannot rename another's
 * organs. A unit whose Party organisation lies outside the county (a name only) has no place: any holder of
 * `work_unit.write` (county and committee staff) keeps it up to date.
 */

type WorkUnitRow = Selectable<WorkUnitTable>;
/** A unit with the path of its Party organisation when that is a node of the county's tree. */
type PlacedWorkUnitRow = WorkUnitRow & { party_org_path: string | null };

const placeOf = (path: string | null) => (path === null ? undefined : { path });

function toWorkUnit(ctx: Ctx, row: WorkUnitRow): WorkUnit {
  return {
    id: row.id,
    name: row.name,
    partyOrgName: row.party_org_name,
    partyOrgId: row.party_org_id,
    contactName: row.contact_name,
    contactPhoneMasked: row.contact_phone_cipher ? maskPhone(ctx.cipher.decrypt(row.contact_phone_cipher)) : null,
    address: row.address,
    version: row.version,
  };
}

const toDetail = (ctx: Ctx, row: PlacedWorkUnitRow): WorkUnitDetail => ({
  ...toWorkUnit(ctx, row),
  abilities: { update: can(ctx.actor, 'work_unit.write', placeOf(row.party_org_path)) },
});

async function getRow(db: Db | Trx, id: string): Promise<PlacedWorkUnitRow> {
  const row = await db
    .selectFrom('work_unit')
    .leftJoin('org_unit', 'org_unit.id', 'work_unit.party_org_id')
    .selectAll('work_unit')
    .select('org_unit.path as party_org_path')
    .where('work_unit.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { details: { object: 'work_unit' } });
  return row;
}

/**
 * The Party organisation named by id must be a node of the county's tree (404 otherwise) that the caller's
 * `work_unit.write` covers (403 otherwise); gives its name.
 */
async function coveredPartyOrg(ctx: Ctx, id: string): Promise<string> {
  const org = await ctx.db.selectFrom('org_unit').select(['name', 'path']).where('id', '=', id).executeTakeFirst();
  if (!org) throw new AppError('NOT_FOUND', { details: { object: 'org_unit' } });
  authorize(ctx, 'work_unit.write', { path: org.path });
  return org.name;
}

/** `GET /work-units`: by name, `q` matching anywhere in the name; `member.read` anywhere. */
export async function listWorkUnits(ctx: Ctx, query: WorkUnitListQuery): Promise<Page<WorkUnit>> {
  authorize(ctx, 'member.read');
  const after = decodeCursor(query.cursor, ['k', 'id']);
  const rows = await ctx.db
    .selectFrom('work_unit')
    .selectAll()
    .$if(Boolean(query.q), (qb) => qb.where(sql<boolean>`name LIKE ${likeContains(query.q ?? '')} ESCAPE '\\'`))
    .$if(after !== undefined, (qb) =>
      qb.where(sql<boolean>`(name > ${after?.k} OR (name = ${after?.k} AND id > ${after?.id}))`),
    )
    .orderBy('name')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toWorkUnit(ctx, row)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.name, id: last.id }) : null,
  };
}

export async function getWorkUnit(ctx: Ctx, id: string): Promise<WorkUnitDetail> {
  authorize(ctx, 'member.read');
  return toDetail(ctx, await getRow(ctx.db, id));
}

/**
 * Registers a work unit (`work_unit.write`, covering its Party organisation when that is an org unit of the
 * county; the name then defaults to that unit's) or only a name, since many lie outside the county. A taken name → 409 DUPLICATE.
 * The contact phone is stored encrypted; the audit row never holds it.
 */
export async function createWorkUnit(
  ctx: Ctx,
  input: z.input<typeof CreateWorkUnitBodySchema>,
): Promise<WorkUnitDetail> {
  authorize(ctx, 'work_unit.write');
  const body = CreateWorkUnitBodySchema.parse(input);
  const orgName = body.partyOrgId ? await coveredPartyOrg(ctx, body.partyOrgId) : '';
  const id = newId();
  const now = isoNow(ctx.clock);
  return transact(ctx, async (trx) => {
    await trx
      .insertInto('work_unit')
      .values({
        id,
        name: body.name,
        party_org_name: body.partyOrgName ?? orgName,
        party_org_id: body.partyOrgId ?? null,
        contact_name: body.contactName ?? null,
        contact_phone_cipher: body.contactPhone ? ctx.cipher.encrypt(body.contactPhone) : null,
        address: body.address || null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'work_unit.create',
      objectType: 'work_unit',
      objectId: id,
      details: { name: body.name, partyOrgId: body.partyOrgId ?? null },
    });
    return toDetail(ctx, await getRow(trx, id));
  });
}

/** Edits a work unit at the version the editor read (REL-7); `null` clears an optional field. */
export async function updateWorkUnit(
  ctx: Ctx,
  id: string,
  input: z.input<typeof UpdateWorkUnitBodySchema>,
  expectedVersion: number,
): Promise<WorkUnitDetail> {
  authorize(ctx, 'work_unit.write');
  const body = UpdateWorkUnitBodySchema.parse(input);
  const current = await getRow(ctx.db, id);
  authorize(ctx, 'work_unit.write', placeOf(current.party_org_path));
  const orgName = body.partyOrgId ? await coveredPartyOrg(ctx, body.partyOrgId) : undefined;
  return transact(ctx, async (trx) => {
    await updateAtVersion(trx, ctx, {
      table: 'work_unit',
      id,
      expectedVersion,
      changes: {
        ...definedColumns(body, {
          name: 'name',
          partyOrgId: 'party_org_id',
          contactName: 'contact_name',
          contactPhone: ['contact_phone_cipher', (phone) => (phone === null ? null : ctx.cipher.encrypt(phone))],
          address: ['address', emptyToNull],
        }),
        ...(body.partyOrgName !== undefined || orgName !== undefined
          ? { party_org_name: body.partyOrgName ?? orgName }
          : {}),
      },
    });
    await appendAudit(trx, ctx, {
      action: 'work_unit.update',
      objectType: 'work_unit',
      objectId: id,
      details: { fields: Object.keys(body) },
    });
    return toDetail(ctx, await getRow(trx, id));
  });
}
