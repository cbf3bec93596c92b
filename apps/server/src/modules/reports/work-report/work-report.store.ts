import { createHash } from 'node:crypto';
import { DOCX_MEDIA_TYPE, type WorkReport } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow, shanghaiDate } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { insertStoredFile } from '../../../platform/files/stored-file.repository.ts';
import { newId } from '../../../platform/ids.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import type { ReportPeriod } from '../figures/figure-types.ts';
import type { ReportScope } from '../report-scope.ts';
import type { TemplateSource } from './template.repository.ts';
import { composeReport } from './work-report.compose.ts';
import { buildWorkReportDocx } from './work-report.docx.ts';

/** One work report with its file's name and size and its author's name. */
export function selectWorkReports(db: Db | Trx) {
  return db
    .selectFrom('work_report as r')
    .innerJoin('stored_file as f', 'f.id', 'r.file_id')
    .leftJoin('app_user as u', 'u.id', 'r.generated_by')
    .select([
      'r.id',
      'r.template_name',
      'r.scope_kind',
      'r.scope_id',
      'r.scope_name',
      'r.path',
      'r.period_from',
      'r.period_to',
      'r.trigger',
      'r.figures',
      'r.file_id',
      'r.generated_by',
      'r.generated_at',
      'f.file_name',
      'f.byte_size',
      'f.media_type',
      'u.display_name as generated_by_name',
    ]);
}

export type WorkReportRow = Awaited<ReturnType<ReturnType<typeof selectWorkReports>['executeTakeFirstOrThrow']>>;

export const toWorkReport = (r: WorkReportRow): WorkReport => ({
  id: r.id,
  templateName: r.template_name,
  scope: { kind: r.scope_kind, id: r.scope_id, name: r.scope_name },
  from: r.period_from,
  to: r.period_to,
  trigger: r.trigger,
  figures: JSON.parse(r.figures) as WorkReport['figures'],
  fileName: r.file_name,
  byteSize: r.byte_size,
  downloadUrl: `/api/v1/work-reports/${r.id}/file`,
  generatedBy: r.generated_by,
  generatedByName: r.generated_by_name ?? null,
  generatedAt: r.generated_at,
});

export interface GenerateInput {
  scope: ReportScope;
  period: ReportPeriod;
  template: TemplateSource;
  trigger: 'manual' | 'monthly';
  /** Null for the monthly job: the document's author is then 系统. */
  generatedBy: { id: string; name: string } | null;
  /** `monthly:<scope id>:<YYYY-MM>` for the monthly job; unique, so a month is written once. */
  dedupeKey: string | null;
}

export const workReportFileName = (scope: ReportScope, period: ReportPeriod): string =>
  `工作汇报-${scope.name}-${period.from}至${period.to}.docx`;

/**
 * Writes one work report: the template's figures for the scope and period, the docx built from them, the docx
 * stored as a platform file (`purpose: 'document'`, owner `work_report`, filed under the scope's path so it is
 * readable exactly where the report is) and the `work_report` row with the figures it quotes — file, row and
 * audit entry in one transaction. `skipIf` runs first inside it; true abandons the work (the monthly job stays
 * idempotent with it). Returns the report as written — the transaction's result, so an Idempotency-Key replay
 * answers the same body — or null when skipped. The caller authorises and checks the period.
 */
export async function generateWorkReport(
  ctx: Ctx,
  input: GenerateInput,
  skipIf?: (trx: Trx) => Promise<boolean>,
): Promise<WorkReport | null> {
  const { figures, blocks } = await composeReport(ctx, input.scope, input.period, input.template.body);
  const fileName = workReportFileName(input.scope, input.period);
  const now = isoNow(ctx.clock);
  const content = await buildWorkReportDocx({
    blocks,
    title: blocks.find((b) => b.kind === 'title')?.text ?? fileName.replace(/\.docx$/, ''),
    creator: input.generatedBy?.name ?? '系统',
    generatedOn: shanghaiDate(ctx.clock.now()),
  });
  const id = newId();
  const fileId = newId();
  return transact(ctx, async (trx) => {
    if (skipIf && (await skipIf(trx))) return null;
    await insertStoredFile(
      trx,
      {
        id: fileId,
        purpose: 'document',
        owner_type: 'work_report',
        owner_id: id,
        path: input.scope.path,
        file_name: fileName,
        media_type: DOCX_MEDIA_TYPE,
        byte_size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        created_at: now,
        created_by: input.generatedBy?.id ?? null,
      },
      content,
    );
    await trx
      .insertInto('work_report')
      .values({
        id,
        template_id: input.template.id,
        template_name: input.template.name,
        scope_kind: input.scope.kind,
        scope_id: input.scope.id,
        scope_name: input.scope.name,
        path: input.scope.path,
        period_from: input.period.from,
        period_to: input.period.to,
        trigger: input.trigger,
        dedupe_key: input.dedupeKey,
        figures: JSON.stringify(figures),
        file_id: fileId,
        generated_by: input.generatedBy?.id ?? null,
        generated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'work_report.generate',
      objectType: 'work_report',
      objectId: id,
      details: {
        scope: { kind: input.scope.kind, id: input.scope.id },
        from: input.period.from,
        to: input.period.to,
        templateId: input.template.id,
        trigger: input.trigger,
        byteSize: content.length,
      },
    });
    return toWorkReport(await selectWorkReports(trx).where('r.id', '=', id).executeTakeFirstOrThrow());
  });
}
