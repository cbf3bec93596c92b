import {
  isStaffRole,
  type Locale,
  LocaleSchema,
  type Me,
  type Role,
  type RoleAssignmentView,
  type ScopeKind,
} from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import type { Ctx, Platform } from '../context.ts';
import { maskPhone } from '../crypto/index.ts';
import { AppError } from '../errors/app-error.ts';
import type { Trx } from '../transaction.ts';
import { findAuthUserById } from './auth-user.repository.ts';
import { getPasswordPolicy, passwordExpiresAt } from './password-policy.ts';

async function roleViews(db: Db | Trx, platform: Platform, userId: string): Promise<RoleAssignmentView[]> {
  const rows = await db
    .selectFrom('role_assignment')
    .select(['id', 'role', 'scope_kind', 'scope_id'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const views: RoleAssignmentView[] = [];
  for (const row of rows) {
    const scope = await platform.scopes.resolve(db, row.scope_kind as ScopeKind, row.scope_id);
    views.push({
      id: row.id,
      role: row.role as Role,
      scopeKind: row.scope_kind as ScopeKind,
      scopeId: row.scope_id,
      scopeName: scope?.name ?? '',
    });
  }
  return views;
}

/**
 * The signed-in user as the front ends need it: roles with the names of their scopes, the phone masked (PI-3),
 * the CSRF token of this session, and when a staff password expires (SEC-2), so the UI can warn in time.
 * Reads through `db`, which may be the transaction that just created the session.
 */
export async function buildMe(db: Db | Trx, platform: Platform, userId: string, csrfToken: string): Promise<Me> {
  const user = await findAuthUserById(db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const roles = await roleViews(db, platform, userId);
  const isStaff = roles.some((r) => isStaffRole(r.role));
  const policy = await getPasswordPolicy(db);
  const expires = isStaff && user.password_hash ? passwordExpiresAt(user.password_changed_at, policy) : null;
  const locale = LocaleSchema.safeParse(user.locale);
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    phoneMasked: user.phone_cipher ? maskPhone(platform.cipher.decrypt(user.phone_cipher)) : null,
    locale: locale.success ? locale.data : ('zh-CN' satisfies Locale),
    roles,
    totpEnrolled: user.totp_enrolled === 1,
    passwordExpiresAt: expires,
    csrfToken,
  };
}

/** `GET /auth/me`: the current session's user. */
export async function getMe(ctx: Ctx, csrfToken: string | null): Promise<Me> {
  if (!ctx.actor || !csrfToken) throw new AppError('UNAUTHENTICATED');
  return buildMe(ctx.db, ctx, ctx.actor.userId, csrfToken);
}
