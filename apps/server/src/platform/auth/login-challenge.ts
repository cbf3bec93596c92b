import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { type Clock, isoIn, isoNow, MINUTE_MS } from '../clock.ts';
import { hashToken, newToken } from '../crypto/index.ts';
import { AppError } from '../errors/app-error.ts';
import type { Trx } from '../transaction.ts';

export type ChallengeKind = 'mfa' | 'password_change';

/** SEC-6: the TOTP step must follow the password within minutes; choosing a new password may take longer. */
const LIFETIME_MS: Record<ChallengeKind, number> = { mfa: 5 * MINUTE_MS, password_change: 10 * MINUTE_MS };
/** Wrong TOTP codes a challenge survives; the next one burns it and the user signs in again. */
export const MAX_CHALLENGE_ATTEMPTS = 5;

export interface LiveChallenge {
  id: string;
  userId: string;
  pendingTotpSecretCipher: string | null;
}

/** Issues the token handed to the client between login steps; only its hash is stored. */
export async function issueChallenge(trx: Trx, clock: Clock, userId: string, kind: ChallengeKind): Promise<string> {
  const token = newToken();
  await trx
    .insertInto('login_challenge')
    .values({
      id: hashToken(token),
      user_id: userId,
      kind,
      pending_totp_secret_cipher: null,
      attempts: 0,
      expires_at: isoIn(clock, LIFETIME_MS[kind]),
      consumed_at: null,
      created_at: isoNow(clock),
    })
    .execute();
  return token;
}

/**
 * The unexpired, unused challenge a token stands for. Anything else means "start again from the login form",
 * hence UNAUTHENTICATED rather than a code error.
 */
export async function getLiveChallenge(
  db: Db | Trx,
  clock: Clock,
  token: string,
  kind: ChallengeKind,
): Promise<LiveChallenge> {
  const row = await db
    .selectFrom('login_challenge')
    .select(['id', 'user_id', 'pending_totp_secret_cipher'])
    .where('id', '=', hashToken(token))
    .where('kind', '=', kind)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', isoNow(clock))
    .where('attempts', '<', MAX_CHALLENGE_ATTEMPTS)
    .executeTakeFirst();
  if (!row) throw new AppError('UNAUTHENTICATED', { details: { reason: 'challenge_expired' } });
  return { id: row.id, userId: row.user_id, pendingTotpSecretCipher: row.pending_totp_secret_cipher };
}

export async function setPendingTotpSecret(db: Db, challengeId: string, secretCipher: string): Promise<void> {
  await db
    .updateTable('login_challenge')
    .set({ pending_totp_secret_cipher: secretCipher })
    .where('id', '=', challengeId)
    .execute();
}

/** Counts a wrong code atomically; the fifth one consumes the challenge so it cannot be guessed further. */
export async function countChallengeAttempt(db: Db, clock: Clock, challengeId: string): Promise<void> {
  await db
    .updateTable('login_challenge')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      consumed_at: sql<
        string | null
      >`CASE WHEN attempts + 1 >= ${MAX_CHALLENGE_ATTEMPTS} THEN ${isoNow(clock)} ELSE consumed_at END`,
    }))
    .where('id', '=', challengeId)
    .execute();
}

/** Single use: of two requests racing with the same token only one consumes it. */
export async function consumeChallenge(trx: Trx, clock: Clock, challengeId: string): Promise<void> {
  const result = await trx
    .updateTable('login_challenge')
    .set({ consumed_at: isoNow(clock) })
    .where('id', '=', challengeId)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new AppError('UNAUTHENTICATED', { details: { reason: 'challenge_expired' } });
  }
}

/** A finished sign-in ends every other half-done one of the same user. */
export async function consumeUserChallenges(trx: Trx, clock: Clock, userId: string): Promise<void> {
  await trx
    .updateTable('login_challenge')
    .set({ consumed_at: isoNow(clock) })
    .where('user_id', '=', userId)
    .where('consumed_at', 'is', null)
    .execute();
}
