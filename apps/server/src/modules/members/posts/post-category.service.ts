import type { CreatePostCategoryBody, PostCategory, UpdatePostCategoryBody } from '@linli/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { PostCategoryTable } from '../../../db/schema-members.ts';
import { authorizeAtRoot } from '../../../platform/access/account-scope.ts';
import { requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { fromBool } from '../../../platform/sql-helpers.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { definedColumns, updateAtVersion } from '../../../platform/versioned-update.ts';
import { notFoundObject } from './posts-shared.ts';

const toCategory = (row: Selectable<PostCategoryTable>): PostCategory => ({
  id: row.id,
  name: row.name,
  sortOrder: row.sort_order,
  active: row.active === 1,
  version: row.version,
});

async function getCategory(db: Db | Trx, id: string): Promise<PostCategory> {
  const row = await db.selectFrom('post_category').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFoundObject('post_category');
  return toCategory(row);
}

/** Every post category, active and inactive, in display order: any signed-in user picks from them. */
export async function listPostCategories(ctx: Ctx): Promise<{ items: PostCategory[] }> {
  requireActor(ctx);
  const rows = await ctx.db.selectFrom('post_category').selectAll().orderBy('sort_order').orderBy('name').execute();
  return { items: rows.map(toCategory) };
}

/** Adds a category (county-wide, `post_category.write`); it goes last unless `sortOrder` says otherwise. */
export async function createPostCategory(ctx: Ctx, body: CreatePostCategoryBody): Promise<PostCategory> {
  authorizeAtRoot(ctx, 'post_category.write');
  return transact(ctx, async (trx) => {
    const last = await trx
      .selectFrom('post_category')
      .select((eb) => eb.fn.max('sort_order').as('max'))
      .executeTakeFirst();
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('post_category')
      .values({
        id,
        name: body.name,
        sort_order: body.sortOrder ?? Number(last?.max ?? 0) + 1,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'post_category.create',
      objectType: 'post_category',
      objectId: id,
      details: { name: body.name },
    });
    return getCategory(trx, id);
  });
}

/**
 * Renames, reorders or (de)activates a category at the version the editor read. Categories are never deleted:
 * old posts, needs and the quarterly feedback keep naming them.
 */
export async function updatePostCategory(
  ctx: Ctx,
  id: string,
  body: UpdatePostCategoryBody,
  expectedVersion: number,
): Promise<PostCategory> {
  authorizeAtRoot(ctx, 'post_category.write');
  await getCategory(ctx.db, id);
  return transact(ctx, async (trx) => {
    await updateAtVersion(trx, ctx, {
      table: 'post_category',
      id,
      expectedVersion,
      changes: definedColumns(body, { name: 'name', sortOrder: 'sort_order', active: ['active', fromBool] }),
    });
    await appendAudit(trx, ctx, {
      action: 'post_category.update',
      objectType: 'post_category',
      objectId: id,
      details: { ...body },
    });
    return getCategory(trx, id);
  });
}
