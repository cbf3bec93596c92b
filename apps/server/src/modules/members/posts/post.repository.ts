import type { PostListQuery } from '@linli/contracts';
import { type Expression, type Selectable, type SqlBool, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { PostTable } from '../../../db/schema-members.ts';
import { inScope } from '../../../platform/access/authorize.ts';
import type { Actor } from '../../../platform/context.ts';
import type { Keyset } from '../../../platform/keyset-paging.ts';
import { afterKeyset } from '../../../platform/pagination.ts';
import { likeContains, toNumber } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';

export type PostRow = Selectable<PostTable> & {
  compound_name: string;
  category_name: string;
  duty_zone_name: string | null;
  claimed_seats: number;
  pending_claims: number;
};

const selectPosts = (db: Db | Trx) =>
  db
    .selectFrom('post')
    .innerJoin('compound as c', 'c.id', 'post.compound_id')
    .innerJoin('post_category as pc', 'pc.id', 'post.category_id')
    .leftJoin('duty_zone as dz', 'dz.id', 'post.duty_zone_id')
    .selectAll('post')
    .select(['c.name as compound_name', 'pc.name as category_name', 'dz.name as duty_zone_name'])
    .select((eb) => [
      eb
        .selectFrom('post_claim as a')
        .select(eb.fn.countAll().as('n'))
        .whereRef('a.post_id', '=', 'post.id')
        .where('a.status', '=', 'approved')
        .as('claimed_seats'),
      eb
        .selectFrom('post_claim as p')
        .select(eb.fn.countAll().as('n'))
        .whereRef('p.post_id', '=', 'post.id')
        .where('p.status', '=', 'pending')
        .as('pending_claims'),
    ]);

type RawRow = Awaited<ReturnType<ReturnType<typeof selectPosts>['execute']>>[number];

const normalise = (row: RawRow): PostRow => ({
  ...row,
  claimed_seats: toNumber(row.claimed_seats as number | string | null),
  pending_claims: toNumber(row.pending_claims as number | string | null),
});

export async function findPostRow(db: Db | Trx, id: string): Promise<PostRow | undefined> {
  const row = await selectPosts(db).where('post.id', '=', id).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

/** The household ids of each post whose area is a list of households. */
export async function postHouseholds(db: Db | Trx, postIds: string[]): Promise<Map<string, string[]>> {
  const byPost = new Map<string, string[]>();
  if (postIds.length === 0) return byPost;
  const rows = await db
    .selectFrom('post_household')
    .select(['post_id', 'household_id'])
    .where('post_id', 'in', postIds)
    .orderBy('household_id')
    .execute();
  for (const row of rows) byPost.set(row.post_id, [...(byPost.get(row.post_id) ?? []), row.household_id]);
  return byPost;
}

export const POST_SORT_COLUMNS = { createdAt: 'post.created_at', title: 'post.title' } as const;

/**
 * The posts a caller may see: over the compounds they manage (`post.manage`) or live in as a member
 * (`member.self`, assigned on the compound).
 */
export const visiblePosts = (actor: Actor): Expression<SqlBool> =>
  sql<SqlBool>`(${inScope(actor, 'post.manage', 'post.path')} OR ${inScope(actor, 'member.self', 'post.path')})`;

/** One keyset page (plus one row) of the posts `visible` admits, filtered and sorted as the query says. */
export async function listPostRows(
  db: Db,
  visible: Expression<SqlBool>,
  q: Omit<PostListQuery, 'cursor'>,
  after: Keyset | undefined,
) {
  const sortColumn = POST_SORT_COLUMNS[q.sort];
  const rows = await selectPosts(db)
    .where(visible)
    .$if(q.compoundId !== undefined, (qb) => qb.where('post.compound_id', '=', q.compoundId ?? ''))
    .$if(q.categoryId !== undefined, (qb) => qb.where('post.category_id', '=', q.categoryId ?? ''))
    .$if(q.status !== undefined, (qb) => qb.where('post.status', '=', q.status ?? 'open'))
    .$if(Boolean(q.q), (qb) => qb.where(sql<SqlBool>`post.title LIKE ${likeContains(q.q ?? '')} ESCAPE '\\'`))
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset(sortColumn, 'post.id', q.order, after ?? { key: '', id: '' })),
    )
    .orderBy(sortColumn, q.order)
    .orderBy('post.id', q.order)
    .limit(q.limit + 1)
    .execute();
  return rows.map(normalise);
}
