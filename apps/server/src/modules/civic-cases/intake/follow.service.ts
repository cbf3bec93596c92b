import { sql } from 'kysely';
import { can, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { caseRelations } from '../case-access.ts';
import { appendCaseEvent } from '../case-events.ts';
import { loadCaseFacts } from '../case-facts.repository.ts';
import { isOpenStatus } from '../workflow/civic-case-status.ts';

/** The follower count moves with the follower row, in the same transaction; the row lock orders the event. */
async function bumpFollowers(trx: Trx, caseId: string, delta: 1 | -1): Promise<number> {
  const row = await trx
    .updateTable('civic_case')
    .set({ follower_count: sql<number>`follower_count + ${delta}` })
    .where('id', '=', caseId)
    .returning('follower_count')
    .executeTakeFirstOrThrow();
  return Number(row.follower_count);
}

/**
 * `POST` / `DELETE /civic-cases/:id/follow` ("me too"). Anyone who may report may follow a case they found
 * among the duplicate suggestions, wherever it is — following shows them only its public timeline — and so may
 * anyone who can open it. Following needs an open case (409 CIVIC_CASE_TRANSITION otherwise); leaving works
 * always. Both are idempotent (following twice counts once), and the reporter following their own case changes
 * nothing. The `follow` event on the case's log carries no identity: the timeline shows that someone joined.
 */
export async function setFollowing(ctx: Ctx, caseId: string, following: boolean): Promise<void> {
  const actor = requireActor(ctx);
  const facts = await loadCaseFacts(ctx.db, caseId);
  if (!facts) throw notFound('civic_case');
  if (!can(actor, 'civic_case.report') && !caseRelations(actor, facts).has('reader')) {
    throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.report' } });
  }
  if (facts.reporter_user_id === actor.userId) return;
  await transact(ctx, async (trx) => {
    const current = await trx
      .selectFrom('civic_case')
      .select('status')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    if (following && !isOpenStatus(current.status)) {
      throw new AppError('CIVIC_CASE_TRANSITION', { details: { action: 'follow', status: current.status } });
    }
    const changed = following
      ? await trx
          .insertInto('civic_case_follower')
          .values({ case_id: caseId, user_id: actor.userId, created_at: ctx.clock.now().toISOString() })
          .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
          .executeTakeFirst()
          .then((r) => Number(r.numInsertedOrUpdatedRows ?? 0))
      : await trx
          .deleteFrom('civic_case_follower')
          .where('case_id', '=', caseId)
          .where('user_id', '=', actor.userId)
          .executeTakeFirst()
          .then((r) => Number(r.numDeletedRows));
    if (changed === 0) return;
    const followers = await bumpFollowers(trx, caseId, following ? 1 : -1);
    await appendCaseEvent(trx, {
      caseId,
      type: 'follow',
      from: current.status,
      to: current.status,
      actor: { userId: null, name: null, role: null },
      at: ctx.clock.now().toISOString(),
      data: { following, followers },
    });
    await appendAudit(trx, ctx, {
      action: following ? 'civic_case.follow' : 'civic_case.unfollow',
      objectType: 'civic_case',
      objectId: caseId,
      details: { followers },
    });
  });
}
