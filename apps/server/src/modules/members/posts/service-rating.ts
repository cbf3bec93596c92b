import type { ServiceRatingBody, ServiceRecord } from '@linli/contracts';
import { sql } from 'kysely';
import { can, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/transaction.ts';
import { conflict } from './posts-shared.ts';
import { getServiceRecord, getServiceRecordRow, isLinkedResident } from './service-record.service.ts';

/**
 * Rates a service once (群众评单 / 组织评): a resident whose account is linked to the served household rates as
 * `resident`; otherwise a manager of the compound (`post.manage`) as `branch`. The member who served cannot rate
 * their own service. The rating is one conditional UPDATE on `rating IS NULL`, so a second rating — by anyone,
 * however close in time — is 409.
 */
export async function rateService(ctx: Ctx, id: string, body: ServiceRatingBody): Promise<ServiceRecord> {
  const actor = requireActor(ctx);
  const row = await getServiceRecordRow(ctx.db, id);
  if (row.member_user_id === actor.userId) throw new AppError('FORBIDDEN', { details: { reason: 'own_service' } });
  const resident = await isLinkedResident(ctx.db, actor.userId, row.household_id);
  if (!resident && !can(actor, 'post.manage', row)) {
    throw new AppError('FORBIDDEN', { details: { permission: 'post.manage' } });
  }
  if (row.rating !== null) throw conflict('already_rated');
  const kind = resident ? 'resident' : 'branch';
  return transact(ctx, async (trx) => {
    const now = isoNow(ctx.clock);
    const result = await trx
      .updateTable('service_record')
      .set({
        rating: body.rating,
        rated_by_kind: kind,
        rated_by: actor.userId,
        rated_at: now,
        rating_comment: body.comment || null,
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('rating', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw conflict('already_rated');
    await appendAudit(trx, ctx, {
      action: 'service_record.rate',
      objectType: 'service_record',
      objectId: id,
      details: { rating: body.rating, ratedByKind: kind, memberId: row.member_id },
    });
    return getServiceRecord(trx, id);
  });
}
