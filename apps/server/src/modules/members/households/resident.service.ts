import type { CreateResidentBody, Resident, UpdateResidentBody } from '@linli/contracts';
import { authorize } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { updateAtVersion } from '../../../platform/versioned-update.ts';
import { getHouseholdRow } from './household.service.ts';
import { accountIdByPhoneIndex, findResidentRow, type ResidentRow, toResident } from './household-parts.repository.ts';

/**
 * A resident's phone as stored: encrypted, plus the same blind index as `app_user.phone_index`, and the account
 * that index finds (so a resident who registered on the H5 can rate services done for the household).
 */
async function phoneColumns(ctx: Ctx, trx: Trx, phone: string | null) {
  const phoneIndex = phone === null ? null : ctx.blindIndex(phone);
  return {
    phone_cipher: phone === null ? null : ctx.cipher.encrypt(phone),
    phone_index: phoneIndex,
    user_id: await accountIdByPhoneIndex(trx, phoneIndex),
  };
}

async function getResidentRow(ctx: Ctx, id: string, db: Ctx['db'] | Trx = ctx.db): Promise<ResidentRow> {
  const row = await findResidentRow(db, id);
  if (!row) throw new AppError('NOT_FOUND', { details: { object: 'resident' } });
  return row;
}

/**
 * `POST /households/:id/residents` (`household.write` on the household): minimal PII — name, relation and an
 * optional phone, encrypted at rest and only ever answered masked. Audited without the phone.
 */
export async function addResident(ctx: Ctx, householdId: string, body: CreateResidentBody): Promise<Resident> {
  authorize(ctx, 'household.write');
  const household = await getHouseholdRow(ctx, householdId);
  authorize(ctx, 'household.write', { path: household.path });
  const id = newId();
  return transact(ctx, async (trx) => {
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('resident')
      .values({
        id,
        household_id: householdId,
        path: household.path,
        name: body.name,
        relation: body.relation,
        ...(await phoneColumns(ctx, trx, body.phone ?? null)),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'resident.create',
      objectType: 'resident',
      objectId: id,
      details: { householdId, relation: body.relation, hasPhone: body.phone !== undefined },
    });
    return toResident(ctx.cipher, await getResidentRow(ctx, id, trx));
  });
}

/**
 * `PATCH /residents/:id` (If-Match, `household.write`): an absent `phone` keeps the stored number (the editor
 * only saw it masked), `null` clears it and unlinks the account, a number replaces both.
 */
export async function updateResident(
  ctx: Ctx,
  id: string,
  body: UpdateResidentBody,
  expectedVersion: number,
): Promise<Resident> {
  authorize(ctx, 'household.write');
  const row = await getResidentRow(ctx, id);
  authorize(ctx, 'household.write', { path: row.path });
  return transact(ctx, async (trx) => {
    await updateAtVersion(trx, ctx, {
      table: 'resident',
      id,
      expectedVersion,
      changes: {
        ...(body.name === undefined ? {} : { name: body.name }),
        ...(body.relation === undefined ? {} : { relation: body.relation }),
        ...(body.phone === undefined ? {} : await phoneColumns(ctx, trx, body.phone)),
      },
    });
    await appendAudit(trx, ctx, {
      action: 'resident.update',
      objectType: 'resident',
      objectId: id,
      details: { householdId: row.household_id, fields: Object.keys(body) },
    });
    return toResident(ctx.cipher, await getResidentRow(ctx, id, trx));
  });
}

/** `DELETE /residents/:id` (`household.write`): the resident leaves the household's register. */
export async function removeResident(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx, 'household.write');
  const row = await getResidentRow(ctx, id);
  authorize(ctx, 'household.write', { path: row.path });
  await transact(ctx, async (trx) => {
    await trx.deleteFrom('resident').where('id', '=', id).execute();
    await appendAudit(trx, ctx, {
      action: 'resident.delete',
      objectType: 'resident',
      objectId: id,
      details: { householdId: row.household_id },
    });
  });
}
