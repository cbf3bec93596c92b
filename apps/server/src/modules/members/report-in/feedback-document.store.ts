import { createHash } from 'node:crypto';
import { DOCX_MEDIA_TYPE, type FeedbackDocument } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';
import { pathStartsWith } from '../../../platform/sql-helpers.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { loadFeedback } from './feedback.data.ts';
import { buildFeedbackDocx } from './feedback.docx.ts';

/** One stored feedback document with its unit's name and its file's path, name and size. */
export function selectFeedbackDocuments(db: Db | Trx) {
  return db
    .selectFrom('work_unit_feedback as d')
    .innerJoin('stored_file as f', 'f.id', 'd.file_id')
    .innerJoin('work_unit as w', 'w.id', 'd.work_unit_id')
    .leftJoin('app_user as u', 'u.id', 'd.generated_by')
    .select([
      'd.id',
      'd.work_unit_id',
      'd.year',
      'd.quarter',
      'd.member_count',
      'd.generated_by',
      'd.generated_at',
      'd.file_id',
      'f.path',
      'f.file_name',
      'f.byte_size',
      'w.name as work_unit_name',
      'u.display_name as generated_by_name',
    ]);
}

export type FeedbackDocumentRow = Awaited<
  ReturnType<ReturnType<typeof selectFeedbackDocuments>['executeTakeFirstOrThrow']>
>;

export const toFeedbackDocument = (r: FeedbackDocumentRow): FeedbackDocument => ({
  id: r.id,
  workUnitId: r.work_unit_id,
  workUnitName: r.work_unit_name,
  year: r.year,
  quarter: r.quarter,
  memberCount: r.member_count,
  fileName: r.file_name,
  byteSize: r.byte_size,
  downloadUrl: `/api/v1/work-unit-feedback/documents/${r.id}/file`,
  generatedBy: r.generated_by,
  generatedByName: r.generated_by_name ?? null,
  generatedAt: r.generated_at,
});

export interface GenerateInput {
  workUnitId: string;
  year: number;
  quarter: number;
  /** The scope the document is made for: its members live under it, and it is stored (and readable) there. */
  path: string;
  /** Null for the quarter-end job. */
  generatedBy: string | null;
}

/**
 * Builds the unit's quarterly docx for the members living under `path`, stores it (`stored_file` purpose
 * `document` with the bytes in `stored_file_content`) and records the `work_unit_feedback` row with an audit
 * entry, all in one transaction. `skipIf` runs inside that transaction first; returning true abandons the work
 * (the job uses it to stay idempotent). Returns the document id, or null when skipped.
 */
export async function generateFeedbackDocument(
  ctx: Ctx,
  input: GenerateInput,
  skipIf?: (trx: Trx) => Promise<boolean>,
): Promise<string | null> {
  const data = await loadFeedback(ctx.db, { ...input, scope: pathStartsWith('member.residence_path', input.path) });
  const now = isoNow(ctx.clock);
  const content = await buildFeedbackDocx(data, now);
  const id = newId();
  const fileId = newId();
  const fileName = `八小时外表现反馈表-${data.workUnitName}-${input.year}年第${input.quarter}季度.docx`;
  return transact(ctx, async (trx) => {
    if (skipIf && (await skipIf(trx))) return null;
    await trx
      .insertInto('stored_file')
      .values({
        id: fileId,
        purpose: 'document',
        owner_type: 'work_unit_feedback',
        owner_id: id,
        path: input.path,
        file_name: fileName,
        media_type: DOCX_MEDIA_TYPE,
        byte_size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        created_at: now,
        created_by: input.generatedBy,
      })
      .execute();
    await trx.insertInto('stored_file_content').values({ file_id: fileId, content }).execute();
    await trx
      .insertInto('work_unit_feedback')
      .values({
        id,
        work_unit_id: input.workUnitId,
        year: input.year,
        quarter: input.quarter,
        file_id: fileId,
        member_count: data.rows.length,
        generated_by: input.generatedBy,
        generated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'work_unit_feedback.generate',
      objectType: 'work_unit_feedback',
      objectId: id,
      details: { workUnitId: input.workUnitId, year: input.year, quarter: input.quarter, members: data.rows.length },
    });
    return id;
  });
}
