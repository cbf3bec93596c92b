import type { Db } from '../../db/database.ts';
import type { Trx } from '../transaction.ts';

/** The columns the sign-in flows read. */
const AUTH_COLUMNS = [
  'id',
  'username',
  'display_name',
  'phone_cipher',
  'password_hash',
  'password_changed_at',
  'must_change_password',
  'totp_secret_cipher',
  'totp_enrolled',
  'totp_last_step',
  'status',
  'failed_logins',
  'last_failed_login_at',
  'locked_until',
  'locale',
] as const;

export type AuthUser = {
  id: string;
  username: string | null;
  display_name: string;
  phone_cipher: string | null;
  password_hash: string | null;
  password_changed_at: string | null;
  must_change_password: number;
  totp_secret_cipher: string | null;
  totp_enrolled: number;
  totp_last_step: number | null;
  status: 'active' | 'disabled';
  failed_logins: number;
  last_failed_login_at: string | null;
  locked_until: string | null;
  locale: string;
};

/** PostgreSQL hands bigint columns back as strings. */
const normalise = <T extends { totp_last_step: number | string | null }>(row: T) => ({
  ...row,
  totp_last_step: row.totp_last_step === null ? null : Number(row.totp_last_step),
});

export async function findAuthUserById(db: Db | Trx, id: string): Promise<AuthUser | undefined> {
  const row = await db.selectFrom('app_user').select(AUTH_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && normalise(row);
}

export async function findAuthUserByUsername(db: Db | Trx, username: string): Promise<AuthUser | undefined> {
  const row = await db.selectFrom('app_user').select(AUTH_COLUMNS).where('username', '=', username).executeTakeFirst();
  return row && normalise(row);
}

export async function findAuthUserByPhoneIndex(db: Db | Trx, phoneIndex: string): Promise<AuthUser | undefined> {
  const row = await db
    .selectFrom('app_user')
    .select(AUTH_COLUMNS)
    .where('phone_index', '=', phoneIndex)
    .executeTakeFirst();
  return row && normalise(row);
}

/** Re-reads the failure counters under a row lock on PostgreSQL so concurrent failures all count. */
export async function lockAuthUserForUpdate(trx: Trx, id: string, isPostgres: boolean): Promise<AuthUser | undefined> {
  const row = await trx
    .selectFrom('app_user')
    .select(AUTH_COLUMNS)
    .where('id', '=', id)
    .$if(isPostgres, (q) => q.forUpdate())
    .executeTakeFirst();
  return row && normalise(row);
}

export async function saveFailureCounters(
  trx: Trx,
  id: string,
  counters: { failedLogins: number; lastFailedLoginAt: string | null; lockedUntil: string | null },
): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({
      failed_logins: counters.failedLogins,
      last_failed_login_at: counters.lastFailedLoginAt,
      locked_until: counters.lockedUntil,
    })
    .where('id', '=', id)
    .execute();
}

/** A completed sign-in clears the failure streak and any expired lock. */
export async function markSignedIn(trx: Trx, id: string, at: string): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({ last_login_at: at, failed_logins: 0, last_failed_login_at: null, locked_until: null })
    .where('id', '=', id)
    .execute();
}

export async function savePassword(trx: Trx, id: string, passwordHash: string, at: string): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({ password_hash: passwordHash, password_changed_at: at, must_change_password: 0, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Accepts a TOTP step only if it is later than the last one used, atomically: two requests racing with the same
 * code cannot both win (ASVS 6.5.1).
 */
export async function claimTotpStep(trx: Trx, id: string, step: number): Promise<boolean> {
  const result = await trx
    .updateTable('app_user')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function saveTotpSecret(db: Db | Trx, id: string, secretCipher: string, at: string): Promise<void> {
  await db
    .updateTable('app_user')
    .set({ totp_secret_cipher: secretCipher, totp_enrolled: 1, updated_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * An account that signs in by SMS code alone (a self-registered resident): no username, no password, the phone
 * encrypted and findable by its blind index.
 */
export async function insertPhoneUser(
  trx: Trx,
  values: { id: string; displayName: string; phoneCipher: string; phoneIndex: string; at: string },
): Promise<void> {
  await trx
    .insertInto('app_user')
    .values({
      id: values.id,
      username: null,
      display_name: values.displayName,
      phone_cipher: values.phoneCipher,
      phone_index: values.phoneIndex,
      password_hash: null,
      password_changed_at: null,
      must_change_password: 0,
      totp_secret_cipher: null,
      totp_enrolled: 0,
      totp_last_step: null,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      locale: 'zh-CN',
      created_at: values.at,
      updated_at: values.at,
    })
    .execute();
}

export async function phoneRegistered(db: Db | Trx, phoneIndex: string): Promise<boolean> {
  const row = await db.selectFrom('app_user').select('id').where('phone_index', '=', phoneIndex).executeTakeFirst();
  return row !== undefined;
}
