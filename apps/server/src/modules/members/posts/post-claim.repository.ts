import type { PostClaim, PostClaimListQuery } from '@linli/contracts';
import type { Expression, Selectable, SqlBool } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { PostClaimTable } from '../../../db/schema-members.ts';
import type { Keyset } from '../../../platform/keyset-paging.ts';
import { afterKeyset } from '../../../platform/pagination.ts';
import type { Trx } from '../../../platform/transaction.ts';

export type PostClaimRow = Selectable<PostClaimTable> & {
  post_title: string;
  compound_id: string;
  compound_name: string;
  member_name: string;
  member_user_id: string | null;
};

const selectClaims = (db: Db | Trx) =>
  db
    .selectFrom('post_claim')
    .innerJoin('post', 'post.id', 'post_claim.post_id')
    .innerJoin('compound as c', 'c.id', 'post.compound_id')
    .innerJoin('member as m', 'm.id', 'post_claim.member_id')
    .selectAll('post_claim')
    .select([
      'post.title as post_title',
      'post.compound_id as compound_id',
      'c.name as compound_name',
      'm.name as member_name',
      'm.user_id as member_user_id',
    ]);

export const toPostClaim = (row: PostClaimRow): PostClaim => ({
  id: row.id,
  postId: row.post_id,
  postTitle: row.post_title,
  compoundId: row.compound_id,
  compoundName: row.compound_name,
  memberId: row.member_id,
  memberName: row.member_name,
  status: row.status,
  note: row.note,
  claimedAt: row.claimed_at,
  decidedAt: row.decided_at,
  reason: row.decision_reason,
  version: row.version,
});

export const findClaimRow = (db: Db | Trx, id: string): Promise<PostClaimRow | undefined> =>
  selectClaims(db).where('post_claim.id', '=', id).executeTakeFirst();

/** A post's claims, oldest first; `visibleTo` narrows them to approved ones plus the given member's own. */
export const claimsOfPost = (db: Db | Trx, postId: string, visibleTo?: { memberId: string | null }) =>
  selectClaims(db)
    .where('post_claim.post_id', '=', postId)
    .$if(visibleTo !== undefined, (qb) =>
      qb.where((eb) =>
        eb.or([eb('post_claim.status', '=', 'approved'), eb('post_claim.member_id', '=', visibleTo?.memberId ?? '')]),
      ),
    )
    .orderBy('post_claim.claimed_at')
    .orderBy('post_claim.id')
    .execute();

/** Claims `visible` admits, newest first, one keyset page plus one row. */
export const listClaimRows = (
  db: Db,
  visible: Expression<SqlBool>,
  q: Omit<PostClaimListQuery, 'cursor'>,
  after: Keyset | undefined,
) =>
  selectClaims(db)
    .where(visible)
    .$if(q.compoundId !== undefined, (qb) => qb.where('post.compound_id', '=', q.compoundId ?? ''))
    .$if(q.postId !== undefined, (qb) => qb.where('post_claim.post_id', '=', q.postId ?? ''))
    .$if(q.memberId !== undefined, (qb) => qb.where('post_claim.member_id', '=', q.memberId ?? ''))
    .$if(q.status !== undefined, (qb) => qb.where('post_claim.status', '=', q.status ?? 'pending'))
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset('post_claim.claimed_at', 'post_claim.id', 'desc', after ?? { key: '', id: '' })),
    )
    .orderBy('post_claim.claimed_at', 'desc')
    .orderBy('post_claim.id', 'desc')
    .limit(q.limit + 1)
    .execute();
