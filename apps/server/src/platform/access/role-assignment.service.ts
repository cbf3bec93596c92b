import type { Account, AssignRoleBody, Role } from '@linli/contracts';
import { appendAudit } from '../audit/audit.service.ts';
import { isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import { newId } from '../ids.ts';
import { transact } from '../transaction.ts';
import {
  assignmentsOf,
  deleteAssignment,
  findAssignment,
  insertAssignment,
  lockAccount,
} from './account.repository.ts';
import { reloadAccount } from './account.service.ts';
import { authorize } from './authorize.ts';
import { adminRoleConflict, scopeKindFits } from './role-rules.ts';

const badScope = (message: string): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'body.scopeId', message }] } });

/** Nobody grants or takes away their own roles, whatever permissions they hold (SEC-9). */
function refuseSelf(actorId: string, userId: string): void {
  if (actorId === userId) throw new AppError('FORBIDDEN', { details: { reason: 'self' } });
}

/**
 * The security administrator gives an account a role over a scope (SEC-9, SEC-10). The scope kind must be the
 * role's (`SCOPE_KIND_BY_ROLE`), the scope object must exist, and the assigner must hold `role.assign` over it.
 * A second, different administrator role → ROLE_CONFLICT; the same assignment twice → DUPLICATE. The account's
 * row is locked first, so two concurrent grants cannot both pass the conflict check.
 */
export async function assignRole(ctx: Ctx, userId: string, body: AssignRoleBody): Promise<Account> {
  const actor = authorize(ctx, 'role.assign');
  refuseSelf(actor.userId, userId);
  if (!scopeKindFits(body.role, body.scopeKind)) throw badScope('scope_kind');
  return transact(ctx, async (trx) => {
    // The scope is read in the transaction that stores its path, so the path cannot be a moment out of date.
    const scope = await ctx.scopes.resolve(trx, body.scopeKind, body.scopeId);
    if (!scope) throw badScope('not_found');
    authorize(ctx, 'role.assign', { path: scope.path });
    const now = isoNow(ctx.clock);
    if (!(await lockAccount(trx, userId, now))) throw notFound('account');
    const held = await assignmentsOf(trx, [userId]);
    const conflict = adminRoleConflict(
      held.map((a) => a.role as Role),
      body.role,
    );
    if (conflict) throw new AppError('ROLE_CONFLICT', { details: { held: conflict, requested: body.role } });
    if (held.some((a) => a.role === body.role && a.scope_kind === body.scopeKind && a.scope_id === body.scopeId)) {
      throw new AppError('DUPLICATE', { details: { field: 'role' } });
    }
    const id = newId();
    await insertAssignment(trx, {
      id,
      user_id: userId,
      role: body.role,
      scope_kind: body.scopeKind,
      scope_id: body.scopeId,
      scope_path: scope.path,
      created_at: now,
      created_by: actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'role.assign',
      objectType: 'account',
      objectId: userId,
      details: {
        assignmentId: id,
        role: body.role,
        scopeKind: body.scopeKind,
        scopeId: body.scopeId,
        scopeName: scope.name,
      },
    });
    return reloadAccount(ctx, trx, userId);
  });
}

/**
 * Takes a role assignment away. Sessions are kept: the session reads its roles fresh on every request, so the
 * user's very next request runs without the role (SEC-13). The revoker needs `role.assign` over its scope.
 */
export async function revokeRole(ctx: Ctx, userId: string, assignmentId: string): Promise<Account> {
  const actor = authorize(ctx, 'role.assign');
  refuseSelf(actor.userId, userId);
  const assignment = await findAssignment(ctx.db, userId, assignmentId);
  if (!assignment) throw notFound('role_assignment');
  authorize(ctx, 'role.assign', { path: assignment.scope_path });
  return transact(ctx, async (trx) => {
    if (!(await lockAccount(trx, userId, isoNow(ctx.clock)))) throw notFound('account');
    if (!(await deleteAssignment(trx, assignmentId))) throw notFound('role_assignment');
    await appendAudit(trx, ctx, {
      action: 'role.revoke',
      objectType: 'account',
      objectId: userId,
      details: {
        assignmentId,
        role: assignment.role,
        scopeKind: assignment.scope_kind,
        scopeId: assignment.scope_id,
      },
    });
    return reloadAccount(ctx, trx, userId);
  });
}
