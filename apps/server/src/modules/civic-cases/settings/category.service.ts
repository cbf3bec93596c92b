import type { CivicCategory, CreateCivicCategoryBodySchema, UpdateCivicCategoryBodySchema } from '@linli/contracts';
import type { z } from 'zod';
import { can, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { fromBool } from '../../../platform/sql-helpers.ts';
import { transact } from '../../../platform/transaction.ts';
import { definedColumns, emptyToNull, updateAtVersion } from '../../../platform/versioned-update.ts';
import { type LoadedCategory, listCategoryRows, loadCategory } from './category.repository.ts';
import { checkParent, nextCategoryCode, nextSortOrder, validateQuestions } from './category.validate.ts';
import { authorizeCountyConfigure } from './settings-access.ts';

type CreateBody = z.infer<typeof CreateCivicCategoryBodySchema>;
type UpdateBody = z.infer<typeof UpdateCivicCategoryBodySchema>;

const toDto = ({ createdAt: _c, updatedAt: _u, ...category }: LoadedCategory): CivicCategory => category;

/**
 * The category tree in order. Everyone signed in reads it (the H5's picker, the console's filters); without
 * `all` only active categories under active roots, and staff-only ones only for those who may file for others.
 * `all=true` (retired ones too) is the configurers' view.
 */
export async function listCategories(
  ctx: Ctx,
  query: { all?: 'true' | 'false' | undefined },
): Promise<CivicCategory[]> {
  const actor = requireActor(ctx);
  const rows = await listCategoryRows(ctx.db);
  if (query.all === 'true') {
    if (!can(actor, 'civic_case.configure')) {
      throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.configure' } });
    }
    return rows.map(toDto);
  }
  const staff = can(actor, 'civic_case.file') || can(actor, 'civic_case.configure');
  const shown = (c: LoadedCategory) => c.active && (staff || !c.staffOnly);
  const shownRoots = new Set(rows.filter((c) => c.parentId === null && shown(c)).map((c) => c.id));
  return rows.filter((c) => shown(c) && (c.parentId === null || shownRoots.has(c.parentId))).map(toDto);
}

/** A new category (county configurers only). Checks the two-level tree, questions and code; audited. */
export async function createCategory(ctx: Ctx, body: CreateBody): Promise<CivicCategory> {
  authorizeCountyConfigure(ctx);
  validateQuestions(body.questions);
  return transact(ctx, async (trx) => {
    const parent = body.parentId ? await checkParent(trx, body.parentId) : null;
    const code = body.code ?? (await nextCategoryCode(trx, parent));
    const taken = await trx.selectFrom('civic_category').select('id').where('code', '=', code).executeTakeFirst();
    if (taken) throw new AppError('DUPLICATE', { details: { field: 'code' } });
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('civic_category')
      .values({
        id,
        parent_id: parent?.id ?? null,
        code,
        name: body.name,
        name_en: emptyToNull(body.nameEn ?? null),
        description: emptyToNull(body.description ?? null),
        keywords: emptyToNull(body.keywords ?? null),
        sort_order: body.sortOrder ?? (await nextSortOrder(trx, parent?.id ?? null)),
        anonymous_allowed: fromBool(body.anonymousAllowed),
        staff_only: fromBool(body.staffOnly),
        default_urgency: body.defaultUrgency,
        duplicate_radius: body.duplicateRadius,
        questions: JSON.stringify(body.questions),
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'civic_category.create',
      objectType: 'civic_category',
      objectId: id,
      details: { code, name: body.name, parentId: parent?.id ?? null },
    });
    const created = await loadCategory(trx, id);
    if (!created) throw notFound('civic_category');
    return toDto(created);
  });
}

/**
 * Edits a category at the version the editor read (REL-7). Retiring (`active: false`) hides it from new reports
 * while its cases keep it; a moved category must still fit the two-level tree. Audited with the changed fields.
 */
export async function updateCategory(
  ctx: Ctx,
  id: string,
  body: UpdateBody,
  readExpectedVersion: () => number,
): Promise<CivicCategory> {
  authorizeCountyConfigure(ctx);
  const expectedVersion = readExpectedVersion();
  if (body.questions) validateQuestions(body.questions);
  return transact(ctx, async (trx) => {
    const before = await loadCategory(trx, id);
    if (!before) throw notFound('civic_category');
    if (body.parentId) await checkParent(trx, body.parentId, id);
    await updateAtVersion(trx, ctx, {
      table: 'civic_category',
      id,
      expectedVersion,
      changes: {
        ...definedColumns(body, {
          parentId: 'parent_id',
          name: 'name',
          nameEn: ['name_en', emptyToNull],
          description: ['description', emptyToNull],
          keywords: ['keywords', emptyToNull],
          sortOrder: 'sort_order',
          anonymousAllowed: ['anonymous_allowed', fromBool],
          staffOnly: ['staff_only', fromBool],
          defaultUrgency: 'default_urgency',
          duplicateRadius: 'duplicate_radius',
          questions: ['questions', (q) => JSON.stringify(q)],
          active: ['active', fromBool],
        }),
      },
    });
    await appendAudit(trx, ctx, {
      action: 'civic_category.update',
      objectType: 'civic_category',
      objectId: id,
      details: {
        code: before.code,
        changed: Object.keys(body).filter((k) => body[k as keyof UpdateBody] !== undefined),
      },
    });
    const after = await loadCategory(trx, id);
    if (!after) throw notFound('civic_category');
    return toDto(after);
  });
}
