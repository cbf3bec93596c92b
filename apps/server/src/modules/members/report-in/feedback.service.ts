import type {
  CreateFeedbackDocumentBody,
  FeedbackDocument,
  FeedbackDocumentListQuery,
  Page,
  WorkUnitFeedback,
  WorkUnitFeedbackQuery,
} from '@linli/contracts';
import { assignmentsWith, authorize, can, inScope, minimalPrefixes } from '../../../platform/access/authorize.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { afterKeyset, toPage } from '../../../platform/pagination.ts';
import { loadFeedback } from './feedback.data.ts';
import { generateFeedbackDocument, selectFeedbackDocuments, toFeedbackDocument } from './feedback-document.store.ts';
import { decodeKeyset, keysetOf } from './report-in-paging.ts';

/** The quarter's record of each reported member of the unit who lives in the caller's `feedback.read` scope. */
export async function previewFeedback(ctx: Ctx, query: WorkUnitFeedbackQuery): Promise<WorkUnitFeedback> {
  const actor = authorize(ctx, 'feedback.read');
  const { receipts: _receipts, ...feedback } = await loadFeedback(ctx.db, {
    ...query,
    scope: inScope(actor, 'feedback.read', 'member.residence_path'),
  });
  return feedback;
}

/**
 * Generates and stores the unit's quarterly docx on demand. It is made for the caller's broadest
 * `feedback.read` scope (the first, when they hold several side by side): its members live there and the
 * document is filed there, so whoever can open it could already see every member it names. 201 with the
 * document; the unit unknown → 404.
 */
export async function createFeedbackDocument(ctx: Ctx, body: CreateFeedbackDocumentBody): Promise<FeedbackDocument> {
  const actor = authorize(ctx, 'feedback.read');
  const [path] = minimalPrefixes(assignmentsWith(actor, 'feedback.read').map((a) => a.scopePath));
  if (!path) throw new AppError('FORBIDDEN', { details: { permission: 'feedback.read' } });
  const id = await generateFeedbackDocument(ctx, { ...body, path, generatedBy: actor.userId });
  const row = id ? await selectFeedbackDocuments(ctx.db).where('d.id', '=', id).executeTakeFirst() : undefined;
  if (!row) throw notFound('work_unit_feedback');
  return toFeedbackDocument(row);
}

/** Documents filed in the caller's `feedback.read` scope, newest first. */
export async function listFeedbackDocuments(
  ctx: Ctx,
  query: FeedbackDocumentListQuery,
): Promise<Page<FeedbackDocument>> {
  const actor = authorize(ctx, 'feedback.read');
  const after = decodeKeyset(query.cursor);
  const rows = await selectFeedbackDocuments(ctx.db)
    .where(inScope(actor, 'feedback.read', 'f.path'))
    .$if(query.workUnitId !== undefined, (q) => q.where('d.work_unit_id', '=', query.workUnitId ?? ''))
    .$if(query.year !== undefined, (q) => q.where('d.year', '=', query.year ?? 0))
    .$if(after !== undefined, (q) =>
      q.where(afterKeyset('d.generated_at', 'd.id', 'desc', after ?? { key: '', id: '' })),
    )
    .orderBy('d.generated_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, toFeedbackDocument, (r) => ({ ...keysetOf(r.generated_at, r.id) }));
}

/**
 * The docx bytes of a document filed in the caller's scope (403 outside it, 404 unknown). The download is
 * audited: the document names members and their records.
 */
export async function downloadFeedbackDocument(
  ctx: Ctx,
  id: string,
): Promise<{ fileName: string; mediaType: string; content: Buffer }> {
  authorize(ctx, 'feedback.read');
  const row = await ctx.db
    .selectFrom('work_unit_feedback as d')
    .innerJoin('stored_file as f', 'f.id', 'd.file_id')
    .innerJoin('stored_file_content as c', 'c.file_id', 'f.id')
    .select(['f.path', 'f.file_name', 'f.media_type', 'c.content'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('work_unit_feedback');
  if (!can(ctx.actor, 'feedback.read', row)) {
    throw new AppError('FORBIDDEN', { details: { permission: 'feedback.read' } });
  }
  await recordAudit(ctx, { action: 'work_unit_feedback.download', objectType: 'work_unit_feedback', objectId: id });
  return { fileName: row.file_name, mediaType: row.media_type, content: Buffer.from(row.content) };
}
