import type { CreatePostBody, Page, Post, PostDetail, PostListQuery } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { authorize, can, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { decodeKeyset, keysetCursor } from '../../../platform/keyset-paging.ts';
import { toBatchedPage } from '../../../platform/pagination.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { findSelfMember } from '../member-access.ts';
import { findPostRow, listPostRows, type PostRow, postHouseholds, visiblePosts } from './post.repository.ts';
import { areaOf, resolveArea, writeAreaHouseholds } from './post-area.ts';
import { claimsOfPost, toPostClaim } from './post-claim.repository.ts';
import {
  authorizeCompoundRead,
  canManage,
  canSeeAsMember,
  getCompound,
  notFoundObject,
  requireActiveCategory,
} from './posts-shared.ts';

export const toPost = (row: PostRow, householdIds: string[] = []): Post => ({
  id: row.id,
  compoundId: row.compound_id,
  compoundName: row.compound_name,
  categoryId: row.category_id,
  categoryName: row.category_name,
  title: row.title,
  duties: row.duties,
  seats: row.seats,
  claimedSeats: row.claimed_seats,
  pendingClaims: row.pending_claims,
  area: areaOf(row, householdIds),
  status: row.status,
  createdAt: row.created_at,
  version: row.version,
});

/** The post or 404. */
export async function getPostRow(db: Db | Trx, id: string): Promise<PostRow> {
  const row = await findPostRow(db, id);
  if (!row) throw notFoundObject('post');
  return row;
}

/** Posts rows with their household areas, a page at a time (one extra query per page, not per row). */
export async function toPosts(db: Db | Trx, rows: PostRow[]): Promise<Post[]> {
  const households = await postHouseholds(
    db,
    rows.filter((r) => r.area_kind === 'households').map((r) => r.id),
  );
  return rows.map((row) => toPost(row, households.get(row.id) ?? []));
}

const sortKey = (query: Pick<PostListQuery, 'sort' | 'order'>): string => `${query.sort}:${query.order}`;
const keyOf = (row: PostRow, sort: PostListQuery['sort']): string => (sort === 'title' ? row.title : row.created_at);

/** The posts of the compounds the caller manages or lives in as a member, filtered and keyset-paged. */
export async function listPosts(ctx: Ctx, query: PostListQuery): Promise<Page<Post>> {
  const actor = requireActor(ctx);
  // Neither permission anywhere: say so (403) instead of serving an always-empty page.
  if (!can(actor, 'member.self')) authorize(ctx, 'post.manage');
  const after = decodeKeyset(query.cursor, sortKey(query));
  const rows = await listPostRows(ctx.db, visiblePosts(actor), query, after);
  return toBatchedPage(
    rows,
    query.limit,
    (page) => toPosts(ctx.db, page),
    (r) => keysetCursor(sortKey(query), keyOf(r, query.sort), r.id),
  );
}

/**
 * A post with its claims. Managers see every claim and may edit; a member of the compound sees the approved
 * claims (the public roll) and their own, and may claim while the post is open, has a free seat, lies in their
 * residence compound and they hold no live claim on it.
 */
export async function loadPostDetail(ctx: Ctx, db: Db | Trx, row: PostRow): Promise<PostDetail> {
  const manager = canManage(ctx.actor, row.path);
  const self = canSeeAsMember(ctx.actor, row.path) ? await findSelfMember(ctx, db) : undefined;
  const claims = await claimsOfPost(db, row.id, manager ? undefined : { memberId: self?.id ?? null });
  const live = claims.some((c) => c.member_id === self?.id && (c.status === 'pending' || c.status === 'approved'));
  const [post] = await toPosts(db, [row]);
  if (!post) throw notFoundObject('post');
  return {
    ...post,
    claims: claims.map(toPostClaim),
    abilities: {
      update: manager,
      claim:
        self !== undefined &&
        self.residenceCompoundId === row.compound_id &&
        row.status === 'open' &&
        row.claimed_seats < row.seats &&
        !live,
    },
  };
}

/** One post, for its compound's managers and members. */
export async function getPost(ctx: Ctx, id: string): Promise<PostDetail> {
  requireActor(ctx);
  const row = await getPostRow(ctx.db, id);
  authorizeCompoundRead(ctx, row.path);
  return loadPostDetail(ctx, ctx.db, row);
}

/**
 * Sets up a post (设岗) in a compound with its duties, seats and responsibility area; `post.manage` over the
 * compound, an active category. The post hangs on the compound's path, so its branch and its members see it.
 */
export async function createPost(ctx: Ctx, body: CreatePostBody): Promise<PostDetail> {
  requireActor(ctx);
  const compound = await getCompound(ctx.db, body.compoundId);
  authorize(ctx, 'post.manage', compound);
  await requireActiveCategory(ctx.db, body.categoryId);
  return transact(ctx, async (trx) => {
    const area = await resolveArea(trx, compound.id, body.area);
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('post')
      .values({
        id,
        compound_id: compound.id,
        path: compound.path,
        category_id: body.categoryId,
        title: body.title,
        duties: body.duties,
        seats: body.seats,
        ...area,
        status: 'open',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await writeAreaHouseholds(trx, id, body.area);
    await appendAudit(trx, ctx, {
      action: 'post.create',
      objectType: 'post',
      objectId: id,
      details: { compoundId: compound.id, title: body.title, seats: body.seats, area: body.area.kind },
    });
    return loadPostDetail(ctx, trx, await getPostRow(trx, id));
  });
}
