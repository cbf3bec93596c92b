import { hash } from '@node-rs/argon2';
import { isoNow } from '../../src/platform/clock.ts';
import { newId } from '../../src/platform/ids.ts';
import { TEST_PASSWORD } from '../factories.ts';
import type { TestApp } from '../harness.ts';

/**
 * Accounts for the matrix, as `createUser` makes them but with one argon2 hash of the test password computed once:
 * the matrix makes hundreds of accounts (targets of the account routes, twins, claimants), and hashing each one
 * would cost most of its run. Every account still signs in with `TEST_PASSWORD`.
 */
let passwordHash: Promise<string> | undefined;
let sequence = 0;

export async function quickUser(
  t: TestApp,
  overrides: { displayName?: string; phone?: string } = {},
): Promise<{ id: string; username: string }> {
  passwordHash ??= hash(TEST_PASSWORD);
  sequence += 1;
  const id = newId();
  const username = `matrix${sequence}`;
  const p = t.platform;
  const now = isoNow(p.clock);
  await p.db
    .insertInto('app_user')
    .values({
      id,
      username,
      display_name: overrides.displayName ?? `矩阵用户${sequence}`,
      phone_cipher: overrides.phone ? p.cipher.encrypt(overrides.phone) : null,
      phone_index: overrides.phone ? p.blindIndex(overrides.phone) : null,
      password_hash: await passwordHash,
      password_changed_at: now,
      must_change_password: 0,
      totp_secret_cipher: null,
      totp_enrolled: 0,
      totp_last_step: null,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      last_login_at: null,
      locale: 'zh-CN',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, username };
}
