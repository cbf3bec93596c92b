import type { MyPost, MyPostListQuery, Page, PostClaimStatus } from '@linli/contracts';
import { type SqlBool, sql } from 'kysely';
import type { Ctx } from '../../../platform/context.ts';
import { decodeKeyset, keysetCursor } from '../../../platform/keyset-paging.ts';
import { toBatchedPage } from '../../../platform/pagination.ts';
import { sqlFalse } from '../../../platform/sql-helpers.ts';
import { requireSelfMember } from '../member-access.ts';
import { listPostRows, type PostRow } from './post.repository.ts';
import { toPosts } from './post.service.ts';

const MY_POSTS_SORT = 'createdAt:desc';

/** The member's latest claim on each of the posts (any status, so a rejection shows too). */
async function latestClaims(ctx: Ctx, memberId: string, postIds: string[]) {
  const byPost = new Map<string, { id: string; status: PostClaimStatus }>();
  if (postIds.length === 0) return byPost;
  const rows = await ctx.db
    .selectFrom('post_claim')
    .select(['id', 'post_id', 'status'])
    .where('member_id', '=', memberId)
    .where('post_id', 'in', postIds)
    .orderBy('claimed_at')
    .orderBy('id')
    .execute();
  for (const row of rows) byPost.set(row.post_id, { id: row.id, status: row.status });
  return byPost;
}

/** The open posts of my residence compound, newest first, each with my latest claim on it. */
export async function listMyPosts(ctx: Ctx, query: MyPostListQuery): Promise<Page<MyPost>> {
  const self = await requireSelfMember(ctx);
  const visible = self.residenceCompoundId
    ? query.categoryId
      ? sql<SqlBool>`(post.compound_id = ${self.residenceCompoundId} AND post.status = 'open' AND post.category_id = ${query.categoryId})`
      : sql<SqlBool>`(post.compound_id = ${self.residenceCompoundId} AND post.status = 'open')`
    : sqlFalse();
  const after = decodeKeyset(query.cursor, MY_POSTS_SORT);
  const rows = await listPostRows(ctx.db, visible, { sort: 'createdAt', order: 'desc', limit: query.limit }, after);
  return toBatchedPage(
    rows,
    query.limit,
    async (page: PostRow[]) => {
      const claims = await latestClaims(
        ctx,
        self.id,
        page.map((r) => r.id),
      );
      const posts = await toPosts(ctx.db, page);
      return posts.map((post) => ({ ...post, myClaim: claims.get(post.id) ?? null }));
    },
    (r) => keysetCursor(MY_POSTS_SORT, r.created_at, r.id),
  );
}
