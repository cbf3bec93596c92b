import {
  BUILTIN_TEMPLATE_ID,
  type SaveWorkReportTemplateBody,
  type TemplateCheck,
  type WorkReportTemplate,
} from '@linli/contracts';
import { holdsAtRoot } from '../../../platform/access/account-scope.ts';
import { authorize } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import { assertUpdated } from '../../../platform/concurrency.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { fromBool } from '../../../platform/sql-helpers.ts';
import { transact } from '../../../platform/transaction.ts';
import { updateAtVersion } from '../../../platform/versioned-update.ts';
import {
  builtinSource,
  builtinTemplate,
  clearOtherDefaults,
  findTemplate,
  selectTemplates,
  type TemplateSource,
  toTemplate,
} from './template.repository.ts';
import { assertTemplateValid, checkTemplate } from './template-syntax.ts';

/** Templates are county-wide: only a configurer assigned at the county root may change them. */
function authorizeConfigure(ctx: Ctx): Actor {
  const actor = authorize(ctx, 'report.configure');
  if (!holdsAtRoot(actor, 'report.configure')) {
    throw new AppError('FORBIDDEN', { details: { permission: 'report.configure' } });
  }
  return actor;
}

/** The built-in template first (the default unless the county marked one), then the county's, oldest first. */
export async function listTemplates(ctx: Ctx): Promise<WorkReportTemplate[]> {
  authorize(ctx, 'report.read');
  const rows = await selectTemplates(ctx.db).orderBy('t.created_at').orderBy('t.id').execute();
  const own = rows.map(toTemplate);
  return [builtinTemplate(!own.some((t) => t.isDefault)), ...own];
}

/** What the editor shows as the user types: the placeholders and those it may not use. */
export function checkTemplateBody(ctx: Ctx, body: string): TemplateCheck {
  authorize(ctx, 'report.read');
  return checkTemplate(body);
}

const auditDetails = (body: SaveWorkReportTemplateBody, check: TemplateCheck) => ({
  name: body.name,
  isDefault: body.isDefault,
  placeholders: check.placeholders,
});

/**
 * Saves a new county template. A body quoting unknown figures, or figures of modules not built yet, is refused
 * with 400 REPORT_TEMPLATE_INVALID naming them; marking it the default unmarks the previous one in the same
 * transaction. Audited.
 */
export async function createTemplate(ctx: Ctx, body: SaveWorkReportTemplateBody): Promise<WorkReportTemplate> {
  const actor = authorizeConfigure(ctx);
  const check = assertTemplateValid(body.body);
  const id = newId();
  const now = isoNow(ctx.clock);
  return transact(ctx, async (trx) => {
    await trx
      .insertInto('work_report_template')
      .values({
        id,
        name: body.name,
        body: body.body,
        is_default: fromBool(body.isDefault),
        created_by: actor.userId,
        updated_by: actor.userId,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    if (body.isDefault) await clearOtherDefaults(trx, id);
    await appendAudit(trx, ctx, {
      action: 'work_report_template.create',
      objectType: 'work_report_template',
      objectId: id,
      details: auditDetails(body, check),
    });
    const saved = await findTemplate(trx, id);
    if (!saved) throw notFound('work_report_template');
    return toTemplate(saved);
  });
}

/** The built-in template is read-only (403); an unknown id is 404. */
async function requireOwnTemplate(ctx: Ctx, id: string) {
  if (id === BUILTIN_TEMPLATE_ID) throw new AppError('FORBIDDEN', { details: { reason: 'builtin' } });
  const row = await findTemplate(ctx.db, id);
  if (!row) throw notFound('work_report_template');
  return row;
}

/**
 * Replaces a template's name, body and default mark at the version the editor read (If-Match; 412 when someone
 * saved first). Same checks as creating. Audited with the name and placeholders before and after.
 */
export async function updateTemplate(
  ctx: Ctx,
  id: string,
  body: SaveWorkReportTemplateBody,
  readExpectedVersion: () => number,
): Promise<WorkReportTemplate> {
  const actor = authorizeConfigure(ctx);
  const before = await requireOwnTemplate(ctx, id);
  const expectedVersion = readExpectedVersion();
  const check = assertTemplateValid(body.body);
  return transact(ctx, async (trx) => {
    await updateAtVersion(trx, ctx, {
      table: 'work_report_template',
      id,
      expectedVersion,
      changes: { name: body.name, body: body.body, is_default: fromBool(body.isDefault), updated_by: actor.userId },
    });
    if (body.isDefault) await clearOtherDefaults(trx, id);
    await appendAudit(trx, ctx, {
      action: 'work_report_template.update',
      objectType: 'work_report_template',
      objectId: id,
      details: { before: { name: before.name, isDefault: before.is_default === 1 }, after: auditDetails(body, check) },
    });
    const saved = await findTemplate(trx, id);
    if (!saved) throw notFound('work_report_template');
    return toTemplate(saved);
  });
}

/**
 * Deletes a template at the version the editor read (If-Match). Reports already written from it keep its
 * name; deleting the default makes the built-in template the default again. Audited.
 */
export async function deleteTemplate(ctx: Ctx, id: string, readExpectedVersion: () => number): Promise<void> {
  authorizeConfigure(ctx);
  const before = await requireOwnTemplate(ctx, id);
  const expectedVersion = readExpectedVersion();
  await transact(ctx, async (trx) => {
    const result = await trx
      .deleteFrom('work_report_template')
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    assertUpdated(result.numDeletedRows);
    await appendAudit(trx, ctx, {
      action: 'work_report_template.delete',
      objectType: 'work_report_template',
      objectId: id,
      details: { name: before.name, wasDefault: before.is_default === 1 },
    });
  });
}

/** The template a report is written from: the built-in one, or a county row (404 when there is none). */
export async function loadTemplateSource(ctx: Ctx, id: string): Promise<TemplateSource> {
  if (id === BUILTIN_TEMPLATE_ID) return builtinSource();
  const row = await findTemplate(ctx.db, id);
  if (!row) throw notFound('work_report_template');
  return { id: row.id, name: row.name, body: row.body };
}
