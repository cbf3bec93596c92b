import { BUILTIN_TEMPLATE_ID, type WorkReportTemplate } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { toBool } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { BUILTIN_TEMPLATE_BODY, BUILTIN_TEMPLATE_NAME } from './builtin-template.zh.ts';

/** The county's templates with the name of whoever saved each last. */
export function selectTemplates(db: Db | Trx) {
  return db
    .selectFrom('work_report_template as t')
    .leftJoin('app_user as u', 'u.id', 't.updated_by')
    .select([
      't.id',
      't.name',
      't.body',
      't.is_default',
      't.version',
      't.updated_at',
      'u.display_name as updated_by_name',
    ]);
}

export type TemplateRow = Awaited<ReturnType<ReturnType<typeof selectTemplates>['executeTakeFirstOrThrow']>>;

export const toTemplate = (r: TemplateRow): WorkReportTemplate => ({
  id: r.id,
  name: r.name,
  body: r.body,
  builtin: false,
  isDefault: toBool(r.is_default),
  version: r.version,
  updatedAt: r.updated_at,
  updatedByName: r.updated_by_name ?? null,
});

/** The read-only built-in template; it is the default while the county has marked none of its own. */
export const builtinTemplate = (isDefault: boolean): WorkReportTemplate => ({
  id: BUILTIN_TEMPLATE_ID,
  name: BUILTIN_TEMPLATE_NAME,
  body: BUILTIN_TEMPLATE_BODY,
  builtin: true,
  isDefault,
  version: 0,
  updatedAt: null,
  updatedByName: null,
});

export const findTemplate = (db: Db | Trx, id: string): Promise<TemplateRow | undefined> =>
  selectTemplates(db).where('t.id', '=', id).executeTakeFirst();

/** The county's default template row, if it marked one (the latest saved wins should two ever be marked). */
export const findDefaultTemplate = (db: Db | Trx): Promise<TemplateRow | undefined> =>
  selectTemplates(db)
    .where('t.is_default', '=', 1)
    .orderBy('t.updated_at', 'desc')
    .orderBy('t.id', 'desc')
    .executeTakeFirst();

/**
 * Unmarks every other default in the saving transaction, so the county has one default. The version moves on:
 * the row an editor holds has changed under them.
 */
export async function clearOtherDefaults(trx: Trx, keepId: string): Promise<void> {
  await trx
    .updateTable('work_report_template')
    .set((eb) => ({ is_default: 0, version: eb('version', '+', 1) }))
    .where('is_default', '=', 1)
    .where('id', '!=', keepId)
    .execute();
}

/** A template as generation uses it: the row's id (null for the built-in), its name and its body. */
export interface TemplateSource {
  id: string | null;
  name: string;
  body: string;
}

export const builtinSource = (): TemplateSource => ({
  id: null,
  name: BUILTIN_TEMPLATE_NAME,
  body: BUILTIN_TEMPLATE_BODY,
});
