import { CivicCaseListQuerySchema, type CreateSavedViewBodySchema, type SavedViewSchema } from '@linli/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { transact } from '../../../platform/transaction.ts';
import { authorizeCaseCentre } from './case-list.service.ts';

type SavedView = z.infer<typeof SavedViewSchema>;

/** A user keeps at most this many views: a short menu, not a second database. */
export const MAX_SAVED_VIEWS = 20;

/** A view stands for a list query: it must be one the list accepts (no cursor — a view is a start, not a page). */
const ViewQuerySchema = CivicCaseListQuerySchema.omit({ cursor: true });

const toView = (row: { id: string; name: string; query: string; created_at: string }): SavedView => ({
  id: row.id,
  name: row.name,
  query: JSON.parse(row.query) as Record<string, string>,
  createdAt: row.created_at,
});

/** `GET /civic-case-views`: my saved views of the case centre, oldest first (the order I made them in). */
export async function listSavedViews(ctx: Ctx): Promise<{ items: SavedView[] }> {
  const actor = authorizeCaseCentre(ctx);
  const rows = await ctx.db
    .selectFrom('civic_saved_view')
    .select(['id', 'name', 'query', 'created_at'])
    .where('user_id', '=', actor.userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return { items: rows.map(toView) };
}

/**
 * `POST /civic-case-views`: saves a named list query for me. The query is checked with the list's own schema
 * (unknown keys and bad values → 400 on `body.query.<key>`), so a saved view always opens; 409 past
 * `MAX_SAVED_VIEWS`. Audited without the query's text search.
 */
export async function createSavedView(ctx: Ctx, body: z.infer<typeof CreateSavedViewBodySchema>): Promise<SavedView> {
  const actor = authorizeCaseCentre(ctx);
  const parsed = ViewQuerySchema.safeParse(body.query);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: ['body', 'query', ...i.path.map(String), ...('keys' in i ? i.keys : [])].join('.'),
      message: i.message,
    }));
    throw new AppError('VALIDATION_FAILED', { details: { issues } });
  }
  return transact(ctx, async (trx) => {
    const count = await trx
      .selectFrom('civic_saved_view')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_SAVED_VIEWS) {
      throw new AppError('CONFLICT', { details: { reason: 'saved_view_limit', max: MAX_SAVED_VIEWS } });
    }
    const row = {
      id: newId(),
      user_id: actor.userId,
      name: body.name,
      query: JSON.stringify(body.query),
      created_at: ctx.clock.now().toISOString(),
    };
    await trx.insertInto('civic_saved_view').values(row).execute();
    await appendAudit(trx, ctx, {
      action: 'civic_case.save_view',
      objectType: 'civic_saved_view',
      objectId: row.id,
      details: { name: body.name, keys: Object.keys(body.query) },
    });
    return toView(row);
  });
}

/** `DELETE /civic-case-views/:id`: removes one of my views; another user's view is a 404 (it is not mine to see). */
export async function deleteSavedView(ctx: Ctx, id: string): Promise<void> {
  const actor = authorizeCaseCentre(ctx);
  await transact(ctx, async (trx) => {
    const result = await trx
      .deleteFrom('civic_saved_view')
      .where('id', '=', id)
      .where('user_id', '=', actor.userId)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) throw notFound('civic_saved_view');
    await appendAudit(trx, ctx, {
      action: 'civic_case.delete_view',
      objectType: 'civic_saved_view',
      objectId: id,
    });
  });
}
