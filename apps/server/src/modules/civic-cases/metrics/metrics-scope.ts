import { type Permission, roleHasPermission } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { minimalPrefixes, requireActor } from '../../../platform/access/authorize.ts';
import type { Actor, ActorAssignment, Ctx } from '../../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors/app-error.ts';
import { pathStartsWith } from '../../../platform/sql-helpers.ts';

/** Who may read statistics: supervisors (督办) and the dispatchers of a place, such as a branch secretary. */
const METRIC_PERMISSIONS: readonly Permission[] = ['civic_case.supervise', 'civic_case.dispatch'];

export interface MetricsScope {
  kind: 'org' | 'compound';
  id: string;
  name: string;
  path: string;
}

/** The actor's assignments that grant statistics, or 403 when there is none (a resident, a property company). */
function metricAssignments(ctx: Ctx): { actor: Actor; assignments: ActorAssignment[] } {
  const actor = requireActor(ctx);
  const assignments = actor.assignments.filter((a) => METRIC_PERMISSIONS.some((p) => roleHasPermission(a.role, p)));
  if (assignments.length === 0) throw forbidden();
  return { actor, assignments };
}

const covers = (assignments: ActorAssignment[], path: string): boolean =>
  assignments.some((a) => path.startsWith(a.scopePath));

async function resolveNamed(ctx: Ctx, kind: 'org' | 'compound', id: string): Promise<MetricsScope> {
  const found = await ctx.scopes.resolve(ctx.db, kind, id);
  if (!found) throw notFound(kind === 'org' ? 'org_unit' : 'compound');
  return { kind, id, name: found.name, path: found.path };
}

/**
 * The one scope a metrics query is about: the org node or compound asked for, which must lie inside a scope
 * where the caller supervises or dispatches (403 otherwise — a branch secretary never reads another compound
 * or the town above it), or by default the caller's widest such scope.
 */
export async function resolveMetricsScope(
  ctx: Ctx,
  query: { orgId?: string | undefined; compoundId?: string | undefined },
): Promise<MetricsScope> {
  const { assignments } = metricAssignments(ctx);
  if (query.orgId && query.compoundId) {
    throw new AppError('VALIDATION_FAILED', { details: { issues: [{ path: 'compoundId', message: 'one_scope' }] } });
  }
  if (query.orgId || query.compoundId) {
    const scope = query.orgId
      ? await resolveNamed(ctx, 'org', query.orgId)
      : await resolveNamed(ctx, 'compound', query.compoundId ?? '');
    if (!covers(assignments, scope.path)) throw forbidden();
    return scope;
  }
  const widest = assignments
    .filter((a): a is ActorAssignment & { scopeKind: 'org' | 'compound' } => a.scopeKind !== 'grid')
    .sort((a, b) => a.scopePath.length - b.scopePath.length)[0];
  if (!widest) throw forbidden();
  return resolveNamed(ctx, widest.scopeKind, widest.scopeId);
}

/** The cases a ranking covers: a filter on the alias `c`, and the one org or compound path it amounts to, if any. */
export interface RankingScope {
  filter: Expression<SqlBool>;
  /** Set when the scope is one org node's or compound's subtree, so the tally can answer for it. */
  path: string | undefined;
}

/**
 * The cases a ranking covers: under the org node asked for (inside the caller's statistics scope, else 403), or
 * under any of the caller's statistics scopes.
 */
export async function resolveRankingScope(ctx: Ctx, orgId: string | undefined): Promise<RankingScope> {
  const { assignments } = metricAssignments(ctx);
  if (orgId) {
    const scope = await resolveNamed(ctx, 'org', orgId);
    if (!covers(assignments, scope.path)) throw forbidden();
    return { filter: pathStartsWith('c.path', scope.path), path: scope.path };
  }
  const prefixes = minimalPrefixes(assignments.map((a) => a.scopePath));
  const [only] = prefixes;
  if (only !== undefined && prefixes.length === 1) {
    // A grid's path lies below its compound's, where the tally files nothing: that scope stays with the indexes.
    const isGrid = assignments.some((a) => a.scopePath === only && a.scopeKind === 'grid');
    return { filter: pathStartsWith('c.path', only), path: isGrid ? undefined : only };
  }
  const parts = prefixes.map((p) => pathStartsWith('c.path', p));
  return { filter: sql<SqlBool>`(${sql.join(parts, sql` OR `)})`, path: undefined };
}
