import type { Account, CreateAccountBody, CreatedAccount, SetAccountStatusBody } from '@linli/contracts';
import { appendAudit } from '../audit/audit.service.ts';
import { getPasswordPolicy, hashPassword } from '../auth/index.ts';
import { revokeUserSessions } from '../auth/session.ts';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { maskPhone } from '../crypto/index.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import { newId } from '../ids.ts';
import { type Trx, transact } from '../transaction.ts';
import {
  type AccountRow,
  assignmentsOf,
  clearLockout,
  findAccountRow,
  insertUser,
  phoneTaken,
  usernameTaken,
  setAccountStatus as writeStatus,
} from './account.repository.ts';
import { authorizeAccount } from './account-scope.ts';
import { statusOf, toAccount } from './account-view.ts';
import { authorize } from './authorize.ts';
import { generateOneTimePassword } from './one-time-password.ts';

/**
 * sys_admin creates an account with no role (the security administrator grants roles — SEC-9) and a random
 * one-time password that passes the current policy, returned once and never stored in clear; the account must
 * change it at first login (SEC-7). A taken username or phone number → DUPLICATE.
 */
export async function createAccount(ctx: Ctx, body: CreateAccountBody): Promise<CreatedAccount> {
  authorize(ctx, 'account.write');
  const phoneIndex = body.phone ? ctx.blindIndex(body.phone) : null;
  const policy = await getPasswordPolicy(ctx.db);
  const oneTimePassword = generateOneTimePassword(policy, { username: body.username, phone: body.phone ?? null });
  // Hashing takes ~100 ms: done before the transaction opens so it does not hold the write lock.
  const passwordHash = await hashPassword(oneTimePassword);
  return transact(ctx, async (trx) => {
    if (await usernameTaken(trx, body.username)) throw new AppError('DUPLICATE', { details: { field: 'username' } });
    if (phoneIndex && (await phoneTaken(trx, phoneIndex))) {
      throw new AppError('DUPLICATE', { details: { field: 'phone' } });
    }
    const id = newId();
    const now = isoNow(ctx.clock);
    await insertUser(trx, {
      id,
      username: body.username,
      display_name: body.displayName,
      phone_cipher: body.phone ? ctx.cipher.encrypt(body.phone) : null,
      phone_index: phoneIndex,
      password_hash: passwordHash,
      password_changed_at: now,
      must_change_password: 1,
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
    });
    await appendAudit(trx, ctx, {
      action: 'account.create',
      objectType: 'account',
      objectId: id,
      details: {
        username: body.username,
        displayName: body.displayName,
        phoneMasked: body.phone ? maskPhone(body.phone) : null,
      },
    });
    return { account: await reloadAccount(ctx, trx, id), oneTimePassword };
  });
}

/**
 * Enables or disables an account. Disabling ends every session of the account at once (SEC-4); nobody changes
 * their own status, so an administrator cannot lock themselves out by accident. Setting the current status
 * again changes nothing and writes no audit entry.
 */
export async function setAccountStatus(ctx: Ctx, id: string, body: SetAccountStatusBody): Promise<Account> {
  authorize(ctx, 'account.write');
  const row = await requireAccountRow(ctx, id);
  const actor = authorizeAccount(ctx, 'account.write', await assignmentPaths(ctx, id), 'all');
  if (actor.userId === id) throw new AppError('FORBIDDEN', { details: { reason: 'self' } });
  if (row.status === body.status) return toAccount(ctx, ctx.db, row);
  return transact(ctx, async (trx) => {
    if (body.status === 'disabled') {
      await disableAccount(trx, ctx, id, { reason: 'administrator' });
    } else {
      await writeStatus(trx, id, 'active', isoNow(ctx.clock));
      await appendAudit(trx, ctx, { action: 'account.enable', objectType: 'account', objectId: id });
    }
    return reloadAccount(ctx, trx, id);
  });
}

/** The security administrator lifts a login lockout (SEC-3): failed attempts and `locked_until` are cleared. */
export async function unlockAccount(ctx: Ctx, id: string): Promise<Account> {
  authorize(ctx, 'security.policy');
  const row = await requireAccountRow(ctx, id);
  authorizeAccount(ctx, 'security.policy', await assignmentPaths(ctx, id), 'all');
  return transact(ctx, async (trx) => {
    await clearLockout(trx, id, isoNow(ctx.clock));
    await appendAudit(trx, ctx, {
      action: 'account.unlock',
      objectType: 'account',
      objectId: id,
      details: { wasLocked: statusOf(row, ctx.clock.now()) === 'locked' },
    });
    return reloadAccount(ctx, trx, id);
  });
}

/**
 * Disables an account inside the caller's transaction: status, every session revoked, one audit entry with
 * `details` saying why. Shared by the administrator's action and the dormant-account job (SEC-8).
 */
export async function disableAccount(trx: Trx, ctx: Ctx, id: string, details: Record<string, unknown>): Promise<void> {
  await writeStatus(trx, id, 'disabled', isoNow(ctx.clock));
  await revokeUserSessions(trx, ctx.clock, id);
  await appendAudit(trx, ctx, { action: 'account.disable', objectType: 'account', objectId: id, details });
}

async function requireAccountRow(ctx: Ctx, id: string): Promise<AccountRow> {
  const row = await findAccountRow(ctx.db, id);
  if (!row) throw notFound('account');
  return row;
}

/** Where an account hangs in the org tree: the scope paths of its role assignments (see account-scope.ts). */
export async function assignmentPaths(ctx: Ctx, id: string): Promise<string[]> {
  return (await assignmentsOf(ctx.db, [id])).map((a) => a.scope_path);
}

/** The account as the write left it, read inside the same transaction so the response matches the commit. */
export async function reloadAccount(ctx: Ctx, trx: Trx, id: string): Promise<Account> {
  const row = await findAccountRow(trx, id);
  if (!row) throw notFound('account');
  return toAccount(ctx, trx, row);
}
