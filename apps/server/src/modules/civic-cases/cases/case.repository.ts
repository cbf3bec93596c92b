import type { Db } from '../../../db/database.ts';
import type { Trx } from '../../../platform/transaction.ts';

/** The case columns a summary shows, with its category's and compound's names. */
const SUMMARY_COLUMNS = [
  'civic_case.id',
  'civic_case.number',
  'civic_case.kind',
  'civic_case.title',
  'civic_case.category_id',
  'civic_case.urgency',
  'civic_case.channel',
  'civic_case.status',
  'civic_case.end_type',
  'civic_case.compound_id',
  'civic_case.grid_id',
  'civic_case.unit_kind',
  'civic_case.unit_id',
  'civic_case.unit_name',
  'civic_case.deadline_at',
  'civic_case.due_soon_at',
  'civic_case.overdue',
  'civic_case.pending_request',
  'civic_case.follower_count',
  'civic_case.rework_count',
  'civic_case.open_supervisions',
  'civic_case.anonymous',
  'civic_case.created_at',
  'civic_case.updated_at',
] as const;

/**
 * The select every list of cases starts from: `civic_case` joined to its category and compound, with the
 * columns `toCaseSummary` needs. Callers add their own `where` (scope first) and order.
 */
export const caseSummaryQuery = (db: Db | Trx) =>
  db
    .selectFrom('civic_case')
    .innerJoin('civic_category', 'civic_category.id', 'civic_case.category_id')
    .innerJoin('compound', 'compound.id', 'civic_case.compound_id')
    .select(SUMMARY_COLUMNS)
    .select(['civic_category.name as category_name', 'compound.name as compound_name']);

export type CaseSummaryRow = Awaited<ReturnType<ReturnType<typeof caseSummaryQuery>['executeTakeFirstOrThrow']>>;

/** One case with everything the detail shows of the row itself (timeline, files and links are read apart). */
export const findCaseDetailRow = (db: Db | Trx, caseId: string) =>
  caseSummaryQuery(db)
    .select([
      'civic_case.description',
      'civic_case.nature',
      'civic_case.answers',
      'civic_case.building',
      'civic_case.unit_no',
      'civic_case.room',
      'civic_case.address_text',
      'civic_case.lng',
      'civic_case.lat',
      'civic_case.path',
      'civic_case.unit_path',
      'civic_case.reporter_user_id',
      'civic_case.reporter_name_cipher',
      'civic_case.reporter_phone_cipher',
      'civic_case.void_reason',
      'civic_case.merged_into_id',
      'civic_case.handle_deadline_at',
      'civic_case.signed_at',
      'civic_case.contacted_at',
      'civic_case.handled_at',
      'civic_case.closed_at',
      'civic_case.rating',
      'civic_case.rating_resolved',
      'civic_case.rating_comment',
      'civic_case.rated_at',
      'civic_case.rated_by_reporter',
      'civic_case.version',
    ])
    .where('civic_case.id', '=', caseId)
    .executeTakeFirst();

export type CaseDetailRow = NonNullable<Awaited<ReturnType<typeof findCaseDetailRow>>>;

/** The case's files with what their URLs need (content type, thumbnail), in the order they were attached. */
export const caseFileRows = (db: Db | Trx, caseId: string) =>
  db
    .selectFrom('civic_case_file')
    .innerJoin('stored_file', 'stored_file.id', 'civic_case_file.file_id')
    .select([
      'civic_case_file.file_id',
      'civic_case_file.event_id',
      'civic_case_file.kind',
      'stored_file.media_type',
      'stored_file.thumbnail_file_id',
      'stored_file.created_at',
    ])
    .where('civic_case_file.case_id', '=', caseId)
    .orderBy('stored_file.created_at')
    .orderBy('civic_case_file.file_id')
    .execute();

export type CaseFileRow = Awaited<ReturnType<typeof caseFileRows>>[number];

/** The case's timeline, oldest first. */
export const caseEventRows = (db: Db | Trx, caseId: string) =>
  db.selectFrom('civic_case_event').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();

export type CaseEventRow = Awaited<ReturnType<typeof caseEventRows>>[number];

/** The assisting units of a case (首接负责: they read and comment, the lead unit answers). */
export const caseAssistRows = (db: Db | Trx, caseId: string) =>
  db
    .selectFrom('civic_case_assist')
    .select(['unit_kind', 'unit_id', 'unit_name', 'unit_path'])
    .where('case_id', '=', caseId)
    .orderBy('unit_name')
    .orderBy('unit_id')
    .execute();

export type CaseAssistRow = Awaited<ReturnType<typeof caseAssistRows>>[number];

/** The merge links of a case: what it was merged into and what was merged into it. */
export async function caseMergeLinks(db: Db | Trx, caseId: string, mergedIntoId: string | null) {
  const [mergedInto, merged] = await Promise.all([
    mergedIntoId
      ? db.selectFrom('civic_case').select(['id', 'number']).where('id', '=', mergedIntoId).executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom('civic_case')
      .select(['id', 'number'])
      .where('merged_into_id', '=', caseId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return { mergedInto: mergedInto ?? null, merged };
}

/** True when the user follows the case ("me too"). */
export async function isFollowing(db: Db | Trx, caseId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('civic_case_follower')
    .select('case_id')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}
