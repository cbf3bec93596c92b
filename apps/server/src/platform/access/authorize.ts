import { type Permission, type Role, roleHasPermission } from '@linli/contracts';
import type { Expression, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { Actor, ActorAssignment, Ctx } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { pathStartsWith, sqlFalse } from '../sql-helpers.ts';

/** An object as access control sees it: where it hangs in the org tree. */
export interface Scoped {
  path: string;
}

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

export const assignmentsWith = (actor: Actor, permission: Permission): ActorAssignment[] =>
  actor.assignments.filter((a) => roleHasPermission(a.role, permission));

export const hasRole = (actor: Actor, role: Role): boolean => actor.assignments.some((a) => a.role === role);

/** True when some assignment grants the permission over the object's subtree (or anywhere, without an object). */
export function can(actor: Actor | null, permission: Permission, target?: Scoped): boolean {
  if (!actor) return false;
  return assignmentsWith(actor, permission).some((a) => !target || target.path.startsWith(a.scopePath));
}

/**
 * The first line of every use case: deny by default (SEC-10). Throws UNAUTHENTICATED without a user and
 * FORBIDDEN when no assignment grants `permission` over `target`'s subtree.
 */
export function authorize(ctx: Ctx, permission: Permission, target?: Scoped): Actor {
  const actor = requireActor(ctx);
  if (!can(actor, permission, target)) {
    throw new AppError('FORBIDDEN', { details: { permission } });
  }
  return actor;
}

/**
 * The SQL twin of `authorize` for lists: rows whose `pathColumn` lies under a scope where the actor holds
 * `permission`. With no such scope the filter is false, never "everything".
 */
export function inScope(actor: Actor, permission: Permission, pathColumn: string): Expression<SqlBool> {
  const prefixes = minimalPrefixes(assignmentsWith(actor, permission).map((a) => a.scopePath));
  if (prefixes.length === 0) return sqlFalse();
  const parts = prefixes.map((p) => pathStartsWith(pathColumn, p));
  return parts.length === 1 ? (parts[0] as Expression<SqlBool>) : sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** Drops prefixes already covered by a shorter one, so the SQL stays short. */
export function minimalPrefixes(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(q)));
}
