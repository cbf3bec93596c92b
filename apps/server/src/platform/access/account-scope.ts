import type { Permission } from '@linli/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor, Ctx } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { assignmentsWith, authorize, can, inScope, requireActor } from './authorize.ts';

/**
 * Accounts are platform data with no place in the org tree of their own: an account hangs wherever its role
 * assignments point. One with no assignment yet (just created, or stripped of every role) belongs to the top of
 * the tree, so only an administrator whose scope is the county root sees it.
 */

/** A materialised path of one segment (`/<id>/`): the top of the org tree, i.e. the county. */
export const isRootPath = (path: string): boolean => path.split('/').filter(Boolean).length === 1;

export const holdsAtRoot = (actor: Actor, permission: Permission): boolean =>
  assignmentsWith(actor, permission).some((a) => isRootPath(a.scopePath));

/**
 * For what belongs to the whole county (its audit log, county-wide catalogues): the permission must be held at
 * the county root, so an assignment to one township does not reach the others' data.
 */
export function authorizeAtRoot(ctx: Ctx, permission: Permission): Actor {
  const actor = authorize(ctx, permission);
  if (!holdsAtRoot(actor, permission)) throw new AppError('FORBIDDEN', { details: { permission } });
  return actor;
}

/**
 * Whether the actor may act on an account whose assignments sit at `paths`. Reading needs one of them in scope;
 * changing an account needs all of them, so an administrator of one township cannot disable someone who also
 * works for the county.
 */
export function coversAccount(actor: Actor, permission: Permission, paths: string[], mode: 'any' | 'all'): boolean {
  if (paths.length === 0) return holdsAtRoot(actor, permission);
  const covered = (path: string) => can(actor, permission, { path });
  return mode === 'any' ? paths.some(covered) : paths.every(covered);
}

/** `authorize` for an account: FORBIDDEN unless `coversAccount` holds. */
export function authorizeAccount(ctx: Ctx, permission: Permission, paths: string[], mode: 'any' | 'all'): Actor {
  const actor = requireActor(ctx);
  if (!coversAccount(actor, permission, paths, mode)) {
    throw new AppError('FORBIDDEN', { details: { permission } });
  }
  return actor;
}

/** The SQL twin of `coversAccount(…, 'any')` over `app_user` rows, for the account list. */
export function accountVisible(
  actor: Actor,
  permission: Permission,
): (eb: ExpressionBuilder<DB, 'app_user'>) => Expression<SqlBool> {
  return (eb) => {
    const viaAssignment = eb.exists(
      eb
        .selectFrom('role_assignment as ra')
        .select('ra.id')
        .whereRef('ra.user_id', '=', 'app_user.id')
        .where(inScope(actor, permission, 'ra.scope_path')),
    );
    if (!holdsAtRoot(actor, permission)) return viaAssignment;
    const unassigned = eb.not(
      eb.exists(eb.selectFrom('role_assignment as rb').select('rb.id').whereRef('rb.user_id', '=', 'app_user.id')),
    );
    return eb.or([viaAssignment, unassigned]);
  };
}
