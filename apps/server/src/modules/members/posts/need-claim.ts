import type { MyListQuery, Need, NeedDetail, NeedStatus, NeedStatusBody, Page } from '@linli/contracts';
import { type SqlBool, sql } from 'kysely';
import { authorize, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transact } from '../../../platform/transaction.ts';
import { requireSelfMember } from '../member-access.ts';
import { getNeedRow, loadNeedDetail, pageOfNeeds } from './need.service.ts';
import { conflict } from './posts-shared.ts';

/** Where the branch may move a need from each status (`open` from claimed releases the claimant). */
const NEXT_STATUSES: Record<NeedStatus, readonly NeedStatusBody['status'][]> = {
  open: ['done', 'cancelled'],
  claimed: ['open', 'done', 'cancelled'],
  done: ['open'],
  cancelled: ['open'],
};

/**
 * A member of the need's compound takes it on (认领). One claimant per need: the claim is one conditional
 * UPDATE on `status = 'open'`, so of two members racing exactly one wins and the other gets 409.
 */
export async function claimNeed(ctx: Ctx, needId: string): Promise<NeedDetail> {
  const self = await requireSelfMember(ctx);
  const need = await getNeedRow(ctx.db, needId);
  if (self.residenceCompoundId !== need.compound_id) {
    throw new AppError('FORBIDDEN', { details: { reason: 'not_in_compound' } });
  }
  return transact(ctx, async (trx) => {
    const now = isoNow(ctx.clock);
    const result = await trx
      .updateTable('need')
      .set({
        status: 'claimed',
        claimed_by_member_id: self.id,
        claimed_at: now,
        updated_at: now,
        version: sql`version + 1`,
      })
      .where('id', '=', need.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw conflict('need_not_open');
    await appendAudit(trx, ctx, {
      action: 'need.claim',
      objectType: 'need',
      objectId: need.id,
      details: { memberId: self.id, compoundId: need.compound_id },
    });
    return loadNeedDetail(ctx, trx, await getNeedRow(trx, need.id));
  });
}

/**
 * The branch closes a need as done or cancelled, or reopens it (`open`), which also releases a claimant who
 * cannot do it. Moves outside `NEXT_STATUSES` — including to the same status — are 409.
 */
export async function setNeedStatus(ctx: Ctx, needId: string, body: NeedStatusBody): Promise<NeedDetail> {
  requireActor(ctx);
  const need = await getNeedRow(ctx.db, needId);
  authorize(ctx, 'post.manage', need);
  if (!NEXT_STATUSES[need.status].includes(body.status)) {
    throw conflict('need_status', { from: need.status, to: body.status });
  }
  return transact(ctx, async (trx) => {
    const release = body.status === 'open' ? { claimed_by_member_id: null, claimed_at: null } : {};
    const result = await trx
      .updateTable('need')
      .set({ status: body.status, ...release, updated_at: isoNow(ctx.clock), version: sql`version + 1` })
      .where('id', '=', need.id)
      .where('version', '=', need.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw conflict('need_changed');
    await appendAudit(trx, ctx, {
      action: 'need.status',
      objectType: 'need',
      objectId: need.id,
      details: {
        from: need.status,
        to: body.status,
        releasedMemberId: body.status === 'open' ? need.claimed_by_member_id : undefined,
      },
    });
    return loadNeedDetail(ctx, trx, await getNeedRow(trx, need.id));
  });
}

/** The open needs of my residence compound and every need I claimed, newest first. */
export async function listMyNeeds(ctx: Ctx, query: MyListQuery): Promise<Page<Need>> {
  const self = await requireSelfMember(ctx);
  const mine = sql<SqlBool>`need.claimed_by_member_id = ${self.id}`;
  const visible = self.residenceCompoundId
    ? sql<SqlBool>`((need.compound_id = ${self.residenceCompoundId} AND need.status = 'open') OR ${mine})`
    : mine;
  return pageOfNeeds(ctx, visible, query);
}
