import { appendAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { FileDownload } from '../../../platform/files/files.service.ts';
import { readableMediationCase } from './mediation.access.ts';

/**
 * `GET /civic-cases/:id/mediation/agreement`: the agreement (generated docx or uploaded scan) for the case's
 * readers; 404 while there is none. It names the parties, so each download is audited.
 */
export async function downloadAgreement(ctx: Ctx, caseId: string): Promise<FileDownload> {
  await readableMediationCase(ctx, caseId);
  const file = await ctx.db
    .selectFrom('civic_mediation as m')
    .innerJoin('stored_file as f', 'f.id', 'm.agreement_file_id')
    .innerJoin('stored_file_content as c', 'c.file_id', 'f.id')
    .select(['f.id', 'f.file_name', 'f.media_type', 'c.content'])
    .where('m.case_id', '=', caseId)
    .executeTakeFirst();
  if (!file) throw notFound('civic_mediation_agreement');
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx, {
      action: 'civic_mediation.download',
      objectType: 'civic_mediation',
      objectId: caseId,
      details: { fileId: file.id },
    }),
  );
  return { fileName: file.file_name, mediaType: file.media_type, content: Buffer.from(file.content) };
}
