import type { Account, Role, RoleAssignmentView, ScopeKind } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import type { Ctx } from '../context.ts';
import { maskPhone } from '../crypto/index.ts';
import { toBool } from '../sql-helpers.ts';
import type { Trx } from '../transaction.ts';
import { type AccountRow, type AssignmentRow, assignmentsOf } from './account.repository.ts';

/** The scope names of many assignments, each distinct scope looked up once. */
async function scopeNames(ctx: Ctx, db: Db | Trx, rows: AssignmentRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const row of rows) {
    const key = `${row.scope_kind}:${row.scope_id}`;
    if (names.has(key)) continue;
    const found = await ctx.scopes.resolve(db, row.scope_kind, row.scope_id);
    names.set(key, found?.name ?? '');
  }
  return names;
}

/** `locked` is not stored: it is an active account whose lockout (SEC-3) has not run out yet. */
export function statusOf(row: AccountRow, now: Date): Account['status'] {
  if (row.status === 'disabled') return 'disabled';
  return row.locked_until && new Date(row.locked_until).getTime() > now.getTime() ? 'locked' : 'active';
}

/**
 * Rows to `Account` DTOs: phone numbers masked (PI-3), every role assignment with its scope's name. The full
 * phone number never leaves the server here; revealing it is a separate, audited act.
 */
export async function toAccounts(ctx: Ctx, db: Db | Trx, rows: AccountRow[]): Promise<Account[]> {
  const assignments = await assignmentsOf(
    db,
    rows.map((r) => r.id),
  );
  const names = await scopeNames(ctx, db, assignments);
  const now = ctx.clock.now();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    phoneMasked: row.phone_cipher ? maskPhone(ctx.cipher.decrypt(row.phone_cipher)) : null,
    status: statusOf(row, now),
    totpEnrolled: toBool(row.totp_enrolled),
    roles: assignments
      .filter((a) => a.user_id === row.id)
      .map(
        (a): RoleAssignmentView => ({
          id: a.id,
          role: a.role as Role,
          scopeKind: a.scope_kind as ScopeKind,
          scopeId: a.scope_id,
          scopeName: names.get(`${a.scope_kind}:${a.scope_id}`) ?? '',
        }),
      ),
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    version: Number(row.version),
  }));
}

export async function toAccount(ctx: Ctx, db: Db | Trx, row: AccountRow): Promise<Account> {
  const [account] = await toAccounts(ctx, db, [row]);
  if (!account) throw new Error('toAccounts dropped a row');
  return account;
}
