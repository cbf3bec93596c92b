import type { CreateServiceRecordBody, ServiceRecord } from '@linli/contracts';
import { sql } from 'kysely';
import { authorize, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow, shanghaiDate } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { attachPhotos } from '../../../platform/files/files.service.ts';
import { newId } from '../../../platform/ids.ts';
import { transact } from '../../../platform/transaction.ts';
import type { CompoundRef } from '../../organisation/index.ts';
import { getMemberRef, type MemberRef, requireSelfMember } from '../member-access.ts';
import { conflict, getCompound, hoursToMinutes, invalidField, requireHouseholdIn } from './posts-shared.ts';
import { SERVICE_RECORD_FILES } from './service-record.repository.ts';
import { getServiceRecord } from './service-record.service.ts';

interface Served {
  member: MemberRef;
  compound: CompoundRef;
  onBehalf: boolean;
}

/** Whose service it is: the caller's own (`member.self`), or a member the caller manages posts for. */
async function resolveServed(ctx: Ctx, body: CreateServiceRecordBody): Promise<Served> {
  const onBehalf = body.memberId !== undefined;
  const member = body.memberId === undefined ? await requireSelfMember(ctx) : await getMemberRef(ctx.db, body.memberId);
  if (!member.residenceCompoundId) throw conflict('no_residence_compound');
  const compound = await getCompound(ctx.db, member.residenceCompoundId);
  if (onBehalf) authorize(ctx, 'post.manage', compound);
  return { member, compound, onBehalf };
}

/** The need the service answers: one the member claimed in that compound (400 on `needId` otherwise). */
async function checkNeed(ctx: Ctx, served: Served, needId: string) {
  const need = await ctx.db
    .selectFrom('need')
    .select(['id', 'status', 'household_id', 'compound_id', 'claimed_by_member_id'])
    .where('id', '=', needId)
    .executeTakeFirst();
  const claimed =
    need?.compound_id === served.compound.id &&
    need.claimed_by_member_id === served.member.id &&
    (need.status === 'claimed' || need.status === 'done');
  if (!need || !claimed) throw invalidField('needId', 'not_claimed');
  return need;
}

/** The post the service was done on: the member holds an approved claim on it (400 on `postId` otherwise). */
async function checkPost(ctx: Ctx, served: Served, postId: string): Promise<void> {
  const claim = await ctx.db
    .selectFrom('post_claim')
    .innerJoin('post', 'post.id', 'post_claim.post_id')
    .select('post_claim.id')
    .where('post_claim.post_id', '=', postId)
    .where('post_claim.member_id', '=', served.member.id)
    .where('post_claim.status', '=', 'approved')
    .where('post.compound_id', '=', served.compound.id)
    .executeTakeFirst();
  if (!claim) throw invalidField('postId', 'not_claimed');
}

/**
 * Logs a service (服务登记卡) in the member's residence compound: by the member for themself, or by a manager
 * on the member's behalf (`post.manage` over that compound). `servedOn` may not be after today (Asia/Shanghai,
 * server clock). Photos are attached in the same transaction. A service against a need still `claimed` marks
 * the need `done`: in the 需求清单 flow the service card is what closes a claimed need, and the branch can
 * reopen it if that was premature.
 */
export async function createServiceRecord(ctx: Ctx, body: CreateServiceRecordBody): Promise<ServiceRecord> {
  const actor = requireActor(ctx);
  const served = await resolveServed(ctx, body);
  if (body.servedOn > shanghaiDate(ctx.clock.now())) throw invalidField('servedOn', 'future');
  const need = body.needId ? await checkNeed(ctx, served, body.needId) : undefined;
  if (body.postId) await checkPost(ctx, served, body.postId);
  const householdId = body.householdId ?? need?.household_id ?? null;
  if (body.householdId) await requireHouseholdIn(ctx.db, served.compound.id, body.householdId, 'householdId');
  const id = newId();
  return transact(ctx, async (trx) => {
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('service_record')
      .values({
        id,
        member_id: served.member.id,
        compound_id: served.compound.id,
        path: served.compound.path,
        need_id: need?.id ?? null,
        post_id: body.postId ?? null,
        household_id: householdId,
        served_on: body.servedOn,
        minutes: hoursToMinutes(body.hours),
        content: body.content,
        rating: null,
        rated_by_kind: null,
        rated_by: null,
        rated_at: null,
        rating_comment: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await attachPhotos(trx, ctx, body.photoIds, {
      ownerType: SERVICE_RECORD_FILES,
      ownerId: id,
      path: served.compound.path,
      field: 'photoIds',
    });
    const needDone = need?.status === 'claimed';
    if (need && needDone) {
      await trx
        .updateTable('need')
        .set({ status: 'done', updated_at: now, version: sql`version + 1` })
        .where('id', '=', need.id)
        .where('status', '=', 'claimed')
        .execute();
    }
    await appendAudit(trx, ctx, {
      action: 'service_record.create',
      objectType: 'service_record',
      objectId: id,
      details: {
        memberId: served.member.id,
        compoundId: served.compound.id,
        onBehalf: served.onBehalf,
        needId: need?.id ?? null,
        needDone,
        postId: body.postId ?? null,
        minutes: hoursToMinutes(body.hours),
        photos: body.photoIds.length,
      },
    });
    return getServiceRecord(trx, id);
  });
}
