import { randomBytes, randomInt } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isStaffRole, type Role, SCOPE_KIND_BY_ROLE, type ScopeKind } from '@linli/contracts';
import { hashPassword, newTotpSecret } from '../platform/auth/index.ts';
import { isoNow } from '../platform/clock.ts';
import type { Platform } from '../platform/context.ts';
import { newId } from '../platform/ids.ts';
import type { Trx } from '../platform/transaction.ts';

export interface DemoAccount {
  role: Role;
  username: string;
  password: string;
  /** Base32 TOTP secret for staff roles, already enrolled; null for residents and members. */
  totpSecret: string | null;
  phone: string | null;
}

export interface DemoScope {
  kind: ScopeKind;
  id: string;
  path: string;
}

/**
 * A random password that meets the staff policy (≥10 characters, four character classes): 12 random base64url
 * characters plus one of each class, so it is never weaker than the policy whatever the random part holds.
 */
export function randomPassword(): string {
  const lower = 'abcdefghijkmnpqrstuvwxyz';
  const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const pick = (chars: string) => chars[randomInt(chars.length)] ?? 'x';
  return `${randomBytes(9).toString('base64url')}${pick(lower)}${pick(upper)}${randomInt(10)}!`;
}

/** Creates one demo account with its role over `scope`; staff accounts are enrolled in TOTP already. */
export async function createDemoAccount(
  trx: Trx,
  platform: Platform,
  input: { role: Role; username: string; displayName: string; scope: DemoScope; phone?: string },
): Promise<DemoAccount & { userId: string }> {
  if (SCOPE_KIND_BY_ROLE[input.role] !== input.scope.kind) {
    throw new Error(`role ${input.role} is assigned on a ${SCOPE_KIND_BY_ROLE[input.role]}, not a ${input.scope.kind}`);
  }
  const now = isoNow(platform.clock);
  const password = randomPassword();
  const totpSecret = isStaffRole(input.role) ? newTotpSecret() : null;
  const userId = newId();
  await trx
    .insertInto('app_user')
    .values({
      id: userId,
      username: input.username,
      display_name: input.displayName,
      phone_cipher: input.phone ? platform.cipher.encrypt(input.phone) : null,
      phone_index: input.phone ? platform.blindIndex(input.phone) : null,
      password_hash: await hashPassword(password),
      password_changed_at: now,
      must_change_password: 0,
      totp_secret_cipher: totpSecret ? platform.cipher.encrypt(totpSecret) : null,
      totp_enrolled: totpSecret ? 1 : 0,
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
  await trx
    .insertInto('role_assignment')
    .values({
      id: newId(),
      user_id: userId,
      role: input.role,
      scope_kind: input.scope.kind,
      scope_id: input.scope.id,
      scope_path: input.scope.path,
      created_at: now,
      created_by: null,
    })
    .execute();
  return { userId, role: input.role, username: input.username, password, totpSecret, phone: input.phone ?? null };
}

/** `role<TAB>username<TAB>password<TAB>totp-secret`, `-` where the role has no TOTP; mode 600. */
export function writeDemoAccountsFile(dataDir: string, accounts: DemoAccount[]): string {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'demo-accounts.txt');
  const lines = accounts.map((a) => [a.role, a.username, a.password, a.totpSecret ?? '-'].join('\t'));
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}
