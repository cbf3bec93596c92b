import type { Permission, ReportScopeRef } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import { assignmentsWith, requireActor } from '../../platform/access/authorize.ts';
import type { ActorAssignment, Ctx } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors/app-error.ts';

/**
 * What a report is about: an org node's subtree or one compound. `path` is what every figure filters on
 * (`path LIKE scope.path || '%'` on each module's own path column). An org node that is a compound's branch
 * reports on its compound: the branch hangs below the compound's path, so its own subtree would count nothing.
 */
export interface ReportScope {
  kind: 'org' | 'compound';
  id: string;
  name: string;
  path: string;
}

export const scopeRef = (scope: ReportScope): ReportScopeRef => ({ kind: scope.kind, id: scope.id, name: scope.name });

const invalid = (path: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message }] } });

/** The assignments that grant `permission` (403 when none do: a grid worker, a resident). */
function grantingAssignments(ctx: Ctx, permission: Permission): ActorAssignment[] {
  const assignments = assignmentsWith(requireActor(ctx), permission).filter((a) => a.scopeKind !== 'grid');
  if (assignments.length === 0) throw forbidden();
  return assignments;
}

/** A scope object by kind and id, 404 when it does not exist; a branch org node becomes its compound. */
export async function loadReportScope(db: Db, kind: 'org' | 'compound', id: string): Promise<ReportScope> {
  if (kind === 'org') {
    const org = await db
      .selectFrom('org_unit')
      .select(['id', 'name', 'path', 'compound_id'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!org) throw notFound('org_unit');
    if (org.compound_id !== null) return loadReportScope(db, 'compound', org.compound_id);
    return { kind, id: org.id, name: org.name, path: org.path };
  }
  const compound = await db
    .selectFrom('compound')
    .select(['id', 'name', 'path'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!compound) throw notFound('compound');
  return { kind, id: compound.id, name: compound.name, path: compound.path };
}

/**
 * The one scope a report, dashboard or ledger is about: the org node or compound asked for, which must lie inside
 * a scope where the caller holds `permission` (403 otherwise — a committee admin never reads another committee,
 * a branch secretary never the town above), or by default the caller's widest such scope.
 */
export async function resolveReportScope(
  ctx: Ctx,
  query: { orgId?: string | undefined; compoundId?: string | undefined },
  permission: Permission = 'report.read',
): Promise<ReportScope> {
  const assignments = grantingAssignments(ctx, permission);
  if (query.orgId && query.compoundId) throw invalid('compoundId', 'one_scope');
  if (query.orgId || query.compoundId) {
    const scope = query.orgId
      ? await loadReportScope(ctx.db, 'org', query.orgId)
      : await loadReportScope(ctx.db, 'compound', query.compoundId ?? '');
    if (!assignments.some((a) => scope.path.startsWith(a.scopePath))) throw forbidden();
    return scope;
  }
  const widest = [...assignments].sort((a, b) => a.scopePath.length - b.scopePath.length)[0] as ActorAssignment;
  return loadReportScope(ctx.db, widest.scopeKind as 'org' | 'compound', widest.scopeId);
}

/**
 * The scopes from the caller's covering assignment down to `scope`, each one the caller may open: the ids along
 * the path below the assignment's own node, named from the org tree and the compound table.
 */
export async function reportBreadcrumb(
  ctx: Ctx,
  scope: ReportScope,
  permission: Permission = 'report.read',
): Promise<ReportScopeRef[]> {
  const covering = grantingAssignments(ctx, permission)
    .filter((a) => scope.path.startsWith(a.scopePath))
    .sort((a, b) => a.scopePath.length - b.scopePath.length)[0];
  if (!covering) throw forbidden();
  const ids = scope.path.split('/').filter(Boolean);
  const from = covering.scopePath.split('/').filter(Boolean).length - 1;
  const wanted = ids.slice(Math.max(from, 0));
  if (wanted.length === 0) return [scopeRef(scope)];
  const [orgs, compounds] = await Promise.all([
    ctx.db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', wanted).execute(),
    ctx.db.selectFrom('compound').select(['id', 'name']).where('id', 'in', wanted).execute(),
  ]);
  const refs: ReportScopeRef[] = [];
  for (const id of wanted) {
    const org = orgs.find((o) => o.id === id);
    const compound = compounds.find((c) => c.id === id);
    if (org) refs.push({ kind: 'org', id, name: org.name });
    else if (compound) refs.push({ kind: 'compound', id, name: compound.name });
  }
  return refs;
}
