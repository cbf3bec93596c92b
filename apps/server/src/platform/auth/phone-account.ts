import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { newId } from '../ids.ts';
import type { Trx } from '../transaction.ts';
import { insertPhoneUser, phoneRegistered } from './auth-user.repository.ts';

/**
 * Creates an account that signs in with SMS codes (resident self-registration) inside the caller's
 * transaction. One account per phone (SEC-8): a registered phone answers 409 DUPLICATE. The phone is stored
 * encrypted with its blind index for look-ups, never in clear.
 */
export async function createPhoneAccount(
  trx: Trx,
  ctx: Ctx,
  input: { phone: string; displayName: string },
): Promise<{ id: string; display_name: string }> {
  const phoneIndex = ctx.blindIndex(input.phone);
  if (await phoneRegistered(trx, phoneIndex)) {
    throw new AppError('DUPLICATE', { details: { reason: 'phone_registered' } });
  }
  const id = newId();
  await insertPhoneUser(trx, {
    id,
    displayName: input.displayName,
    phoneCipher: ctx.cipher.encrypt(input.phone),
    phoneIndex,
    at: isoNow(ctx.clock),
  });
  return { id, display_name: input.displayName };
}
