import { ROLES, roleHasPermission } from '@linli/contracts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { notifyUsers } from '../../../platform/notify/notify.ts';
import type { Trx } from '../../../platform/transaction.ts';
import type { EventActor } from '../case-events.ts';
import { pathPrefixes } from '../case-units.ts';

/**
 * The context for the audit row of a reporter's own anonymous submission (PI-8): no user, roles, IP or user
 * agent, and no request id either — the request id is what the access log shares with the audit log, and the
 * access log holds the IP.
 */
export const anonymisedCtx = (ctx: Ctx): Ctx => ({
  ...ctx,
  actor: null,
  request: { ...ctx.request, ip: null, userAgent: null, requestId: null },
});

/** The acting user as a timeline shows them (name and the role they hold), or nobody for the system. */
export function eventActorOf(actor: Actor | null): EventActor {
  if (!actor) return { userId: null, name: null, role: null };
  return { userId: actor.userId, name: actor.displayName, role: actor.assignments[0]?.role ?? null };
}

const DISPATCH_ROLES = ROLES.filter((role) => roleHasPermission(role, 'civic_case.dispatch'));

/**
 * Tells the dispatchers a new case is waiting: the active users holding a dispatching role on the nearest level
 * of the case's path that has any (a compound's branch secretary before the town's committee), so the county
 * hears only of places without their own dispatcher.
 */
export async function notifyDispatchers(
  trx: Trx,
  civicCase: { id: string; number: string; title: string; path: string },
  at: string,
): Promise<void> {
  const prefixes = pathPrefixes(civicCase.path);
  const rows = await trx
    .selectFrom('role_assignment')
    .innerJoin('app_user', 'app_user.id', 'role_assignment.user_id')
    .select(['role_assignment.user_id', 'role_assignment.scope_path'])
    .where('role_assignment.role', 'in', DISPATCH_ROLES)
    .where('role_assignment.scope_path', 'in', prefixes)
    .where('app_user.status', '=', 'active')
    .execute();
  const nearest = prefixes.find((prefix) => rows.some((r) => r.scope_path === prefix));
  if (!nearest) return;
  const userIds = rows.filter((r) => r.scope_path === nearest).map((r) => r.user_id);
  await notifyUsers(
    trx,
    userIds,
    {
      kind: 'civic_case.submitted',
      title: `新民情 ${civicCase.number}`,
      body: civicCase.title,
      link: `/civic-cases/${civicCase.id}`,
    },
    at,
  );
}
