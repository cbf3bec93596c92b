import type { Page, ResidentClaim, ResidentClaimDecision, ResidentClaimListQuery } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import { authorize } from '../../platform/access/index.ts';
import { appendAudit } from '../../platform/audit/index.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { maskPhone } from '../../platform/crypto/index.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toBatchedPage } from '../../platform/pagination.ts';
import { type Trx, transact } from '../../platform/transaction.ts';
import { recordClaimedResident } from '../members/index.ts';
import { findCompoundRef } from '../organisation/index.ts';
import { type ClaimRow, decideClaim, findClaim, grantResidentRole, listClaims } from './resident-claim.repository.ts';

/** 3栋 2单元 501: the household as the resident typed it. */
const addressOf = (row: Pick<ClaimRow, 'building' | 'unit' | 'room'>): string =>
  [row.building, row.unit, row.room].filter((part): part is string => Boolean(part)).join(' ');

/** Claim rows to DTOs: phones masked (PI-3), compound names looked up once per compound. */
async function toClaims(ctx: Ctx, db: Db | Trx, rows: ClaimRow[]): Promise<ResidentClaim[]> {
  const names = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.compound_id))) {
    names.set(id, (await findCompoundRef(db, id))?.name ?? '');
  }
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    phoneMasked: row.phone_cipher ? maskPhone(ctx.cipher.decrypt(row.phone_cipher)) : '',
    compoundId: row.compound_id,
    compoundName: names.get(row.compound_id) ?? '',
    address: addressOf(row),
    status: row.status,
    createdAt: row.created_at,
  }));
}

/**
 * `GET /resident-claims`: household claims in the compounds the caller may edit (`compound.write`), filtered in
 * SQL by scope, newest first. Every status unless one is asked for.
 */
export async function listResidentClaims(ctx: Ctx, query: ResidentClaimListQuery): Promise<Page<ResidentClaim>> {
  const actor = authorize(ctx, 'compound.write');
  const cursor = decodeCursor(query.cursor, ['id']);
  const rows = await listClaims(ctx.db, actor, query, cursor ? String(cursor.id) : null);
  return toBatchedPage(
    rows,
    query.limit,
    (page) => toClaims(ctx, ctx.db, page),
    (row) => ({ id: row.id }),
  );
}

/**
 * `POST /resident-claims/:id/decision`: the compound's branch (or anyone holding `compound.write` over it)
 * confirms or rejects a pending claim. Confirming makes the user a `resident` of the compound, which takes
 * effect on their next request since sessions read roles fresh (SEC-13), and puts them on the household
 * register at the claimed address. A claim already decided answers 409.
 */
export async function decideResidentClaim(ctx: Ctx, id: string, body: ResidentClaimDecision): Promise<ResidentClaim> {
  const claim = await findClaim(ctx.db, id);
  if (!claim) throw notFound('resident_claim');
  const actor = authorize(ctx, 'compound.write', claim);
  if (claim.status !== 'pending') throw new AppError('CONFLICT', { details: { reason: 'claim_decided' } });
  const compound = await findCompoundRef(ctx.db, claim.compound_id);
  if (!compound) throw notFound('compound');
  return transact(ctx, async (trx) => {
    const at = isoNow(ctx.clock);
    if (!(await decideClaim(trx, id, { status: body.decision, by: actor.userId, at }))) {
      throw new AppError('CONFLICT', { details: { reason: 'claim_decided' } });
    }
    const granted =
      body.decision === 'confirmed' &&
      (await grantResidentRole(trx, {
        id: newId(),
        userId: claim.user_id,
        compoundId: compound.id,
        compoundPath: compound.path,
        by: actor.userId,
        at,
      }));
    const householdId =
      body.decision === 'confirmed'
        ? await recordClaimedResident(trx, ctx, {
            userId: claim.user_id,
            displayName: claim.display_name,
            phoneCipher: claim.phone_cipher,
            phoneIndex: claim.phone_index,
            compound: { id: compound.id, path: compound.path },
            building: claim.building,
            unit: claim.unit,
            room: claim.room,
          })
        : null;
    await appendAudit(trx, ctx, {
      action: 'resident_claim.decide',
      objectType: 'resident_claim',
      objectId: id,
      details: {
        decision: body.decision,
        compoundId: compound.id,
        userId: claim.user_id,
        roleGranted: granted,
        householdId,
      },
    });
    const decided = await findClaim(trx, id);
    if (!decided) throw notFound('resident_claim');
    const [dto] = await toClaims(ctx, trx, [decided]);
    if (!dto) throw notFound('resident_claim');
    return dto;
  });
}
