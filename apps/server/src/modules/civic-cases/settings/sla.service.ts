import type { PutSlaRuleBody, SlaRule } from '@linli/contracts';
import type { Selectable } from 'kysely';
import type { CivicSlaTable } from '../../../db/schema-civic.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { transact } from '../../../platform/transaction.ts';
import { updateAtVersion } from '../../../platform/versioned-update.ts';
import { invalid } from './category.validate.ts';
import { authorizeCountyConfigure, authorizeSettingsRead } from './settings-access.ts';

/** The key of the county default row of a cell; a category row's key is its category id. */
const DEFAULT_KEY = '*';
const URGENCY_ORDER = ['emergency', 'utility', 'ordinary', 'complex'];
const STEP_ORDER = ['accept', 'sign', 'handle', 'verify'];

const toRule = (row: Selectable<CivicSlaTable>): SlaRule => ({
  id: row.id,
  categoryId: row.category_id,
  urgency: row.urgency,
  step: row.step,
  minutes: row.minutes,
  basis: row.basis,
  version: row.version,
});

const cellOrder = (a: Selectable<CivicSlaTable>, b: Selectable<CivicSlaTable>) =>
  Number(b.category_key === DEFAULT_KEY) - Number(a.category_key === DEFAULT_KEY) ||
  a.category_key.localeCompare(b.category_key) ||
  URGENCY_ORDER.indexOf(a.urgency) - URGENCY_ORDER.indexOf(b.urgency) ||
  STEP_ORDER.indexOf(a.step) - STEP_ORDER.indexOf(b.step);

/** The whole SLA table: the county defaults first, then each category's own cells. */
export async function listSlaRules(ctx: Ctx): Promise<SlaRule[]> {
  authorizeSettingsRead(ctx);
  const rows = await ctx.db.selectFrom('civic_sla').selectAll().execute();
  return rows.sort(cellOrder).map(toRule);
}

/**
 * Sets one cell (category or default × urgency × step): replaces the row when there is one, else adds it. New
 * limits apply to steps that start afterwards; running deadlines keep the limit they started with. Audited.
 */
export async function putSlaRule(ctx: Ctx, body: PutSlaRuleBody): Promise<SlaRule> {
  authorizeCountyConfigure(ctx);
  return transact(ctx, async (trx) => {
    if (body.categoryId) {
      const category = await trx
        .selectFrom('civic_category')
        .select('id')
        .where('id', '=', body.categoryId)
        .executeTakeFirst();
      if (!category) throw invalid('body.categoryId', 'category_not_found');
    }
    const key = body.categoryId ?? DEFAULT_KEY;
    const before = await trx
      .selectFrom('civic_sla')
      .selectAll()
      .where('category_key', '=', key)
      .where('urgency', '=', body.urgency)
      .where('step', '=', body.step)
      .executeTakeFirst();
    const id = before?.id ?? newId();
    if (before) {
      await updateAtVersion(trx, ctx, {
        table: 'civic_sla',
        id,
        expectedVersion: before.version,
        changes: { minutes: body.minutes, basis: body.basis },
      });
    } else {
      const now = isoNow(ctx.clock);
      await trx
        .insertInto('civic_sla')
        .values({
          id,
          category_id: body.categoryId,
          category_key: key,
          urgency: body.urgency,
          step: body.step,
          minutes: body.minutes,
          basis: body.basis,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await appendAudit(trx, ctx, {
      action: 'civic_sla.update',
      objectType: 'civic_sla',
      objectId: id,
      details: {
        cell: { categoryId: body.categoryId, urgency: body.urgency, step: body.step },
        before: before ? { minutes: before.minutes, basis: before.basis } : null,
        after: { minutes: body.minutes, basis: body.basis },
      },
    });
    const row = await trx.selectFrom('civic_sla').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toRule(row);
  });
}

/**
 * Removes a category's own cell, so the category falls back to its parent's or the county default. The default
 * rows are the floor every case relies on and cannot be removed (409). Audited.
 */
export async function deleteSlaRule(ctx: Ctx, id: string): Promise<void> {
  authorizeCountyConfigure(ctx);
  await transact(ctx, async (trx) => {
    const row = await trx.selectFrom('civic_sla').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('civic_sla');
    if (row.category_key === DEFAULT_KEY) throw new AppError('CONFLICT', { details: { reason: 'default_row' } });
    await trx.deleteFrom('civic_sla').where('id', '=', id).execute();
    await appendAudit(trx, ctx, {
      action: 'civic_sla.delete',
      objectType: 'civic_sla',
      objectId: id,
      details: {
        cell: { categoryId: row.category_id, urgency: row.urgency, step: row.step },
        before: { minutes: row.minutes, basis: row.basis },
      },
    });
  });
}
