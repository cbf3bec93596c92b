import type { RegisterBody, SignedInResult } from '@linli/contracts';
import { appendAudit, recordAudit } from '../../platform/audit/index.ts';
import {
  type AuthOutcome,
  consumeOtpCode,
  createPhoneAccount,
  matchOtpCode,
  openSession,
} from '../../platform/auth/index.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { maskPhone } from '../../platform/crypto/index.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { transact } from '../../platform/transaction.ts';
import { findCompoundRef } from '../organisation/index.ts';
import { insertClaim } from './resident-claim.repository.ts';

/**
 * `POST /auth/register`: a resident signs up with a phone proven by a `register` SMS code, names the household
 * they live in, and is signed in at once as a resident without roles. The household claim waits for the
 * compound's branch to confirm it (`/resident-claims`). One transaction: the code is used up only if the
 * account, the claim, the audit entry and the session are all written.
 */
export async function registerResident(ctx: Ctx, body: RegisterBody): Promise<AuthOutcome<SignedInResult>> {
  const compound = await findCompoundRef(ctx.db, body.compoundId);
  if (!compound) throw notFound('compound');
  const otpId = await matchOtpCode(ctx, body.phone, 'register', body.code);
  if (!otpId) {
    await recordAudit(ctx, {
      action: 'resident.register',
      outcome: 'failure',
      details: { reason: 'otp', phoneMasked: maskPhone(body.phone), compoundId: compound.id },
    });
    throw new AppError('OTP_INVALID');
  }
  return transact(ctx, async (trx) => {
    await consumeOtpCode(trx, ctx, otpId);
    const user = await createPhoneAccount(trx, ctx, { phone: body.phone, displayName: body.displayName });
    const claimId = newId();
    await insertClaim(trx, {
      id: claimId,
      userId: user.id,
      compoundId: compound.id,
      path: compound.path,
      building: body.building,
      unit: body.unit?.trim() ? body.unit.trim() : null,
      room: body.room,
      at: isoNow(ctx.clock),
    });
    await appendAudit(trx, ctx, {
      action: 'resident.register',
      actorId: user.id,
      actorName: user.display_name,
      objectType: 'resident_claim',
      objectId: claimId,
      details: { userId: user.id, compoundId: compound.id },
    });
    return openSession(trx, ctx, user, 'register');
  });
}
