import type {
  CreatePostClaimBody,
  MyListQuery,
  Page,
  PostClaim,
  PostClaimDecisionBody,
  PostClaimListQuery,
} from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { authorize, inScope, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { decodeKeyset, keysetCursor } from '../../../platform/keyset-paging.ts';
import { toPage } from '../../../platform/pagination.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { requireSelfMember } from '../member-access.ts';
import { getPostRow } from './post.service.ts';
import { findClaimRow, listClaimRows, type PostClaimRow, toPostClaim } from './post-claim.repository.ts';
import { lockPostSeats } from './post-update.ts';
import { conflict, notFoundObject } from './posts-shared.ts';

const CLAIM_SORT = 'claimedAt:desc';

async function getClaimRow(db: Ctx['db'] | Trx, id: string): Promise<PostClaimRow> {
  const row = await findClaimRow(db, id);
  if (!row) throw notFoundObject('post_claim');
  return row;
}

/** 409 unless the post still has a seat no approved claim holds. */
async function requireFreeSeat(trx: Trx, ctx: Ctx, postId: string): Promise<void> {
  const { seats, approved } = await lockPostSeats(trx, ctx, postId);
  if (approved >= seats) throw conflict('no_free_seat', { seats, claimedSeats: approved });
}

/**
 * The signed-in member claims a seat on a post of their residence compound (认岗). The post must be open with a
 * free seat; one live (pending or approved) claim per member and post (409 DUPLICATE). The branch decides.
 */
export async function claimPost(ctx: Ctx, postId: string, body: CreatePostClaimBody): Promise<PostClaim> {
  const self = await requireSelfMember(ctx);
  const post = await getPostRow(ctx.db, postId);
  if (self.residenceCompoundId !== post.compound_id) {
    throw new AppError('FORBIDDEN', { details: { reason: 'not_in_compound' } });
  }
  if (post.status !== 'open') throw conflict('post_closed');
  return transact(ctx, async (trx) => {
    await requireFreeSeat(trx, ctx, post.id);
    const live = await trx
      .selectFrom('post_claim')
      .select('id')
      .where('post_id', '=', post.id)
      .where('member_id', '=', self.id)
      .where('status', 'in', ['pending', 'approved'])
      .executeTakeFirst();
    if (live) throw new AppError('DUPLICATE', { details: { reason: 'live_claim', claimId: live.id } });
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('post_claim')
      .values({
        id,
        post_id: post.id,
        member_id: self.id,
        path: post.path,
        status: 'pending',
        note: body.note || null,
        claimed_at: now,
        decided_by: null,
        decided_at: null,
        decision_reason: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'post_claim.create',
      objectType: 'post_claim',
      objectId: id,
      details: { postId: post.id, memberId: self.id },
    });
    return toPostClaim(await getClaimRow(trx, id));
  });
}

/** Moves a claim out of `from` at the version read; a concurrent change shows as 409. */
async function moveClaim(
  trx: Trx,
  ctx: Ctx,
  claim: PostClaimRow,
  from: PostClaimRow['status'][],
  change: { status: PostClaimRow['status']; decided_by?: string; decided_at?: string; decision_reason?: string | null },
): Promise<void> {
  const result = await trx
    .updateTable('post_claim')
    .set({ ...change, updated_at: isoNow(ctx.clock), version: sql`version + 1` })
    .where('id', '=', claim.id)
    .where('version', '=', claim.version)
    .where('status', 'in', from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw conflict('claim_changed');
}

/**
 * The branch approves or rejects a pending claim (`post.manage` over the compound). Approval takes the post's
 * row lock and counts approved claims in the same transaction, so two approvals can never fill more seats than
 * the post has (409 `no_free_seat`); a closed post takes nobody new (409 `post_closed`).
 */
export async function decidePostClaim(ctx: Ctx, claimId: string, body: PostClaimDecisionBody): Promise<PostClaim> {
  const actor = requireActor(ctx);
  const claim = await getClaimRow(ctx.db, claimId);
  authorize(ctx, 'post.manage', claim);
  if (claim.status !== 'pending') throw conflict('claim_not_pending', { status: claim.status });
  return transact(ctx, async (trx) => {
    if (body.decision === 'approved') {
      const post = await getPostRow(trx, claim.post_id);
      if (post.status !== 'open') throw conflict('post_closed');
      await requireFreeSeat(trx, ctx, claim.post_id);
    }
    await moveClaim(trx, ctx, claim, ['pending'], {
      status: body.decision,
      decided_by: actor.userId,
      decided_at: isoNow(ctx.clock),
      decision_reason: body.reason || null,
    });
    await appendAudit(trx, ctx, {
      action: 'post_claim.decide',
      objectType: 'post_claim',
      objectId: claim.id,
      details: { postId: claim.post_id, memberId: claim.member_id, decision: body.decision },
    });
    return toPostClaim(await getClaimRow(trx, claim.id));
  });
}

/** The claiming member withdraws a pending or approved claim, which frees the seat. */
export async function withdrawPostClaim(ctx: Ctx, claimId: string): Promise<PostClaim> {
  const self = await requireSelfMember(ctx);
  const claim = await getClaimRow(ctx.db, claimId);
  if (claim.member_id !== self.id) throw new AppError('FORBIDDEN', { details: { reason: 'not_your_claim' } });
  if (claim.status !== 'pending' && claim.status !== 'approved') {
    throw conflict('claim_not_live', { status: claim.status });
  }
  return transact(ctx, async (trx) => {
    await moveClaim(trx, ctx, claim, ['pending', 'approved'], { status: 'withdrawn' });
    await appendAudit(trx, ctx, {
      action: 'post_claim.withdraw',
      objectType: 'post_claim',
      objectId: claim.id,
      details: { postId: claim.post_id, from: claim.status },
    });
    return toPostClaim(await getClaimRow(trx, claim.id));
  });
}

async function pageOfClaims(
  ctx: Ctx,
  visible: Expression<SqlBool>,
  query: Omit<PostClaimListQuery, 'cursor'> & { cursor?: string | undefined },
): Promise<Page<PostClaim>> {
  const after = decodeKeyset(query.cursor, CLAIM_SORT);
  const rows = await listClaimRows(ctx.db, visible, query, after);
  return toPage(rows, query.limit, toPostClaim, (r) => keysetCursor(CLAIM_SORT, r.claimed_at, r.id));
}

/** Claims over the compounds the caller manages, newest first (the secretary's approval queue with `status`). */
export async function listPostClaims(ctx: Ctx, query: PostClaimListQuery): Promise<Page<PostClaim>> {
  const actor = authorize(ctx, 'post.manage');
  return pageOfClaims(ctx, inScope(actor, 'post.manage', 'post_claim.path'), query);
}

/** The signed-in member's own claims, newest first. */
export async function listMyClaims(ctx: Ctx, query: MyListQuery): Promise<Page<PostClaim>> {
  const self = await requireSelfMember(ctx);
  return pageOfClaims(ctx, sql<SqlBool>`post_claim.member_id = ${self.id}`, query);
}
