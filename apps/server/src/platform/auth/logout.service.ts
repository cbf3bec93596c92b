import { appendAudit } from '../audit/audit.service.ts';
import type { Ctx } from '../context.ts';
import { transact } from '../transaction.ts';
import { revokeSession } from './session.ts';

/**
 * `POST /auth/logout`: ends this session on the server, so the old cookie is worthless even if it was copied
 * (SEC-4). Without a session there is nothing to end and the answer is the same 204.
 */
export async function logout(ctx: Ctx): Promise<void> {
  const actor = ctx.actor;
  if (!actor) return;
  await transact(ctx, async (trx) => {
    await revokeSession(trx, ctx.clock, actor.sessionId);
    await appendAudit(trx, ctx, { action: 'auth.logout', objectType: 'app_user', objectId: actor.userId });
  });
}
