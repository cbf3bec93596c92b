import type { CreateHouseholdBody, HouseholdDetail, UpdateHouseholdBody } from '@linli/contracts';
import { authorize } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { definedColumns, emptyToNull, updateAtVersion } from '../../../platform/versioned-update.ts';
import { findCompound, findGrid, moveHouseholdPath } from './household.repository.ts';
import { getHouseholdRow, loadHouseholdDetail } from './household.service.ts';
import { type AddressParts, householdLabel, householdSortKey } from './household-address.ts';

/** A rule about the input that needs the database, reported like a schema failure (400 on the field). */
export const invalidInput = (path: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message }] } });

/**
 * The path a household is authorised by: its grid's when it lies in one (so the grid worker manages it),
 * otherwise its compound's. A grid must lie in the household's compound.
 */
async function placePath(db: Ctx['db'] | Trx, compound: { id: string; path: string }, gridId: string | null) {
  if (gridId === null) return compound.path;
  const grid = await findGrid(db, gridId);
  if (!grid) throw invalidInput('body.gridId', 'unknownGrid');
  if (grid.compound_id !== compound.id) throw invalidInput('body.gridId', 'gridNotInCompound');
  return grid.path;
}

/** 409 DUPLICATE before the unique index says it, so the form can name the field. */
async function assertAddressFree(trx: Trx, compoundId: string, a: AddressParts, exceptId?: string): Promise<void> {
  const twin = await trx
    .selectFrom('household')
    .select('id')
    .where('compound_id', '=', compoundId)
    .where('building', '=', a.building)
    .where('unit', '=', a.unit)
    .where('room', '=', a.room)
    .$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId ?? ''))
    .executeTakeFirst();
  if (twin) throw new AppError('DUPLICATE', { details: { field: 'address', householdId: twin.id } });
}

/**
 * `POST /households`: `household.write` over the place the household goes (the grid when given, else the
 * compound), so a grid worker registers households only in their grid. Building-unit-room is unique per
 * compound (409 DUPLICATE). Audited with the address label (no resident data).
 */
export async function createHousehold(ctx: Ctx, body: CreateHouseholdBody): Promise<HouseholdDetail> {
  authorize(ctx, 'household.write');
  const compound = await findCompound(ctx.db, body.compoundId);
  if (!compound) throw new AppError('NOT_FOUND', { details: { object: 'compound' } });
  const path = await placePath(ctx.db, compound, body.gridId ?? null);
  authorize(ctx, 'household.write', { path });
  const address = { building: body.building, unit: body.unit, room: body.room };
  const id = newId();
  return transact(ctx, async (trx) => {
    await assertAddressFree(trx, compound.id, address);
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('household')
      .values({
        id,
        compound_id: compound.id,
        grid_id: body.gridId ?? null,
        path,
        ...address,
        sort_key: householdSortKey(address),
        note: emptyToNull(body.note ?? null),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'household.create',
      objectType: 'household',
      objectId: id,
      details: { compoundId: compound.id, gridId: body.gridId ?? null, label: householdLabel(address) },
    });
    return loadHouseholdDetail(ctx, await getHouseholdRow(ctx, id, trx), trx);
  });
}

/**
 * `PATCH /households/:id` (If-Match): address, grid and note. `household.write` over the household where it
 * is and, when the grid changes, where it goes; its residents, links and visits move with it (same path).
 */
export async function updateHousehold(
  ctx: Ctx,
  id: string,
  body: UpdateHouseholdBody,
  expectedVersion: number,
): Promise<HouseholdDetail> {
  authorize(ctx, 'household.write');
  const row = await getHouseholdRow(ctx, id);
  authorize(ctx, 'household.write', { path: row.path });
  let path = row.path;
  if (body.gridId !== undefined) {
    const compound = await findCompound(ctx.db, row.compound_id);
    if (!compound) throw new AppError('NOT_FOUND', { details: { object: 'compound' } });
    path = await placePath(ctx.db, compound, body.gridId);
    authorize(ctx, 'household.write', { path });
  }
  const address = {
    building: body.building ?? row.building,
    unit: body.unit ?? row.unit,
    room: body.room ?? row.room,
  };
  return transact(ctx, async (trx) => {
    await assertAddressFree(trx, row.compound_id, address, id);
    await updateAtVersion(trx, ctx, {
      table: 'household',
      id,
      expectedVersion,
      changes: {
        ...definedColumns(body, {
          gridId: 'grid_id',
          building: 'building',
          unit: 'unit',
          room: 'room',
          note: ['note', emptyToNull],
        }),
        sort_key: householdSortKey(address),
        path,
      },
    });
    if (path !== row.path) await moveHouseholdPath(trx, id, path);
    await appendAudit(trx, ctx, {
      action: 'household.update',
      objectType: 'household',
      objectId: id,
      details: { fields: Object.keys(body), label: householdLabel(address), moved: path !== row.path },
    });
    return loadHouseholdDetail(ctx, await getHouseholdRow(ctx, id, trx), trx);
  });
}
