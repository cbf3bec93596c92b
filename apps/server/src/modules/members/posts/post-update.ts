import type { PostDetail, UpdatePostBody } from '@linli/contracts';
import { authorize, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { definedColumns, updateAtVersion } from '../../../platform/versioned-update.ts';
import { getPostRow, loadPostDetail } from './post.service.ts';
import { type AreaColumns, resolveArea, writeAreaHouseholds } from './post-area.ts';
import { conflict, requireActiveCategory } from './posts-shared.ts';

/**
 * Takes the post's row lock (PostgreSQL; SQLite serialises writers anyway) and counts its approved claims, so
 * a seat change or an approval decides on numbers no other transaction can move under it.
 */
export async function lockPostSeats(trx: Trx, ctx: Ctx, postId: string): Promise<{ seats: number; approved: number }> {
  const post = await trx
    .selectFrom('post')
    .select(['seats'])
    .where('id', '=', postId)
    .$if(ctx.dialect === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirstOrThrow();
  const approved = await trx
    .selectFrom('post_claim')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('post_id', '=', postId)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return { seats: post.seats, approved: Number(approved.n) };
}

/**
 * Edits a post at the version the editor read (REL-7), `post.manage` over its compound. The post stays in its
 * compound; a new area replaces the old one; seats cannot drop below the approved claims (409) — withdraw or
 * reject claims first. Closing a post stops new claims and leaves approved ones standing.
 */
export async function updatePost(
  ctx: Ctx,
  id: string,
  body: UpdatePostBody,
  expectedVersion: number,
): Promise<PostDetail> {
  requireActor(ctx);
  const row = await getPostRow(ctx.db, id);
  authorize(ctx, 'post.manage', row);
  if (body.categoryId !== undefined && body.categoryId !== row.category_id) {
    await requireActiveCategory(ctx.db, body.categoryId);
  }
  return transact(ctx, async (trx) => {
    if (body.seats !== undefined) {
      const { approved } = await lockPostSeats(trx, ctx, id);
      if (body.seats < approved) throw conflict('seats_below_claims', { claimedSeats: approved });
    }
    const area: Partial<AreaColumns> = body.area ? await resolveArea(trx, row.compound_id, body.area) : {};
    await updateAtVersion(trx, ctx, {
      table: 'post',
      id,
      expectedVersion,
      changes: {
        ...definedColumns(body, {
          categoryId: 'category_id',
          title: 'title',
          duties: 'duties',
          seats: 'seats',
          status: 'status',
        }),
        ...area,
      },
    });
    if (body.area) await writeAreaHouseholds(trx, id, body.area);
    await appendAudit(trx, ctx, {
      action: 'post.update',
      objectType: 'post',
      objectId: id,
      details: { compoundId: row.compound_id, fields: Object.keys(body), status: body.status, seats: body.seats },
    });
    return loadPostDetail(ctx, trx, await getPostRow(trx, id));
  });
}
