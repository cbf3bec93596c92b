import type { GenerateWorkReportBody, Page, WorkReport, WorkReportListQuerySchema } from '@linli/contracts';
import type { z } from 'zod';
import { authorize, inScope } from '../../../platform/access/authorize.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { readStoredContent } from '../../../platform/files/stored-file.repository.ts';
import { decodeKeyset, keysetCursor } from '../../../platform/keyset-paging.ts';
import { afterKeyset, toPage } from '../../../platform/pagination.ts';
import { pathStartsWith } from '../../../platform/sql-helpers.ts';
import { assertPeriod } from '../../civic-cases/index.ts';
import { resolveReportScope } from '../report-scope.ts';
import { loadTemplateSource } from './template.service.ts';
import { generateWorkReport, selectWorkReports, toWorkReport } from './work-report.store.ts';

type WorkReportListQuery = z.infer<typeof WorkReportListQuerySchema>;
const SORT = 'generatedAt:desc';

/**
 * Writes a work report on demand for a scope the caller may read (`report.read`, 403 outside their
 * assignments) and a period (400 when reversed or over five years), from the built-in template or a county one
 * (404 unknown; its placeholders are checked again, 400 REPORT_TEMPLATE_INVALID). 201 with the report.
 */
export async function createWorkReport(ctx: Ctx, body: GenerateWorkReportBody): Promise<WorkReport> {
  const scope = await resolveReportScope(ctx, body);
  const actor = authorize(ctx, 'report.read', scope);
  const period = { from: body.from, to: body.to };
  assertPeriod(period);
  const template = await loadTemplateSource(ctx, body.templateId);
  const report = await generateWorkReport(ctx, {
    scope,
    period,
    template,
    trigger: 'manual',
    generatedBy: { id: actor.userId, name: actor.displayName },
    dedupeKey: null,
  });
  // Never skipped: no `skipIf` is given.
  if (!report) throw notFound('work_report');
  return report;
}

/**
 * Reports whose scope lies inside the caller's `report.read` assignments, newest first; `orgId`/`compoundId`
 * narrows to that scope and below (403 outside the caller's), `trigger` to manual or monthly ones.
 */
export async function listWorkReports(ctx: Ctx, query: WorkReportListQuery): Promise<Page<WorkReport>> {
  const actor = authorize(ctx, 'report.read');
  const within = query.orgId || query.compoundId ? await resolveReportScope(ctx, query) : undefined;
  const after = decodeKeyset(query.cursor, SORT);
  const rows = await selectWorkReports(ctx.db)
    .where(inScope(actor, 'report.read', 'r.path'))
    .$if(within !== undefined, (q) => q.where(pathStartsWith('r.path', within?.path ?? '')))
    .$if(query.trigger !== undefined, (q) => q.where('r.trigger', '=', query.trigger ?? 'manual'))
    .$if(after !== undefined, (q) =>
      q.where(afterKeyset('r.generated_at', 'r.id', 'desc', after ?? { key: '', id: '' })),
    )
    .orderBy('r.generated_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, toWorkReport, (r) => keysetCursor(SORT, r.generated_at, r.id));
}

/** A report the caller may read: 404 unknown, 403 when its scope lies outside the caller's. */
async function readableReport(ctx: Ctx, id: string) {
  authorize(ctx, 'report.read');
  const row = await selectWorkReports(ctx.db).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('work_report');
  authorize(ctx, 'report.read', row);
  return row;
}

/** One report with the figures it quotes. */
export async function getWorkReport(ctx: Ctx, id: string): Promise<WorkReport> {
  return toWorkReport(await readableReport(ctx, id));
}

/** The stored docx of a report the caller may read. Audited: the document leaves the system. */
export async function downloadWorkReport(
  ctx: Ctx,
  id: string,
): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  const row = await readableReport(ctx, id);
  const content = await readStoredContent(ctx.db, row.file_id);
  if (!content) throw notFound('work_report');
  await recordAudit(ctx, {
    action: 'work_report.download',
    objectType: 'work_report',
    objectId: id,
    details: { fileName: row.file_name },
  });
  return { fileName: row.file_name, mediaType: row.media_type, content };
}
