import type { Actor, Ctx } from '../../../platform/context.ts';
import { notifyUsers } from '../../../platform/notify/notify.ts';
import type { Trx } from '../../../platform/transaction.ts';
import type { EventActor } from '../case-events.ts';
import { nearestHolders } from '../case-units.ts';

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
  const userIds = await nearestHolders(trx, 'civic_case.dispatch', civicCase.path);
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
