import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { type Clock, isoNow } from '../clock.ts';
import type { Trx } from '../transaction.ts';

export type OtpPurpose = 'login' | 'register';

/** When the codes sent to a phone since `since` were created, oldest first (the per-phone send limits). */
export async function listSendTimes(db: Db, phoneIndex: string, since: string): Promise<number[]> {
  const rows = await db
    .selectFrom('otp_code')
    .select('created_at')
    .where('phone_index', '=', phoneIndex)
    .where('created_at', '>', since)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => new Date(r.created_at).getTime());
}

export async function insertOtp(
  trx: Trx,
  row: { id: string; phoneIndex: string; purpose: OtpPurpose; codeHash: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await trx
    .insertInto('otp_code')
    .values({
      id: row.id,
      phone_index: row.phoneIndex,
      purpose: row.purpose,
      code_hash: row.codeHash,
      attempts: 0,
      expires_at: row.expiresAt,
      consumed_at: null,
      created_at: row.createdAt,
    })
    .execute();
}

/** The newest unused, unexpired code for this phone and purpose; sending a new code supersedes older ones. */
export function findLiveOtp(db: Db, clock: Clock, phoneIndex: string, purpose: OtpPurpose) {
  return db
    .selectFrom('otp_code')
    .select(['id', 'code_hash'])
    .where('phone_index', '=', phoneIndex)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', isoNow(clock))
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Counts a wrong guess atomically and burns the code at `maxAttempts`. */
export async function countOtpAttempt(db: Db, clock: Clock, id: string, maxAttempts: number): Promise<void> {
  await db
    .updateTable('otp_code')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      consumed_at: sql<
        string | null
      >`CASE WHEN attempts + 1 >= ${maxAttempts} THEN ${isoNow(clock)} ELSE consumed_at END`,
    }))
    .where('id', '=', id)
    .execute();
}

/** Single use: true only for the request that consumed the code. */
export async function consumeOtp(trx: Trx, clock: Clock, id: string): Promise<boolean> {
  const result = await trx
    .updateTable('otp_code')
    .set({ consumed_at: isoNow(clock) })
    .where('id', '=', id)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
