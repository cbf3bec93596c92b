import {
  MEMBER_IMPORT_HEADERS,
  MEMBER_IMPORT_MAX_ROWS,
  type MemberImportError,
  type MemberImportHeader,
} from '@linli/contracts';
import ExcelJS from 'exceljs';
import { loadAssignments } from '../../../platform/auth/session.ts';
import { isoNow, shanghaiDate } from '../../../platform/clock.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import type { JobHandler } from '../../../platform/jobs/index.ts';
import { idNumberIndex } from './member-derive.ts';
import { openImportFile } from './member-import.service.ts';
import { dropImportFile, insertImportedMembers, type PlacedRow } from './member-import-insert.ts';
import { type ImportLookups, loadImportLookups, resolveRowPlaces } from './member-import-lookups.ts';
import { type ImportRow, parseImportRow, wrongHeader } from './member-import-rows.ts';

/** Progress is written every this many rows, so the console's bar moves without a write per row. */
const PROGRESS_EVERY = 500;
/** Row errors kept for the report; `error_count` still counts them all. */
const MAX_REPORTED_ERRORS = 1000;
const DONE = new Set(['rejected', 'imported', 'failed']);

/** The importer as access control sees them now (a role revoked since the upload no longer counts). */
async function importerActor(ctx: Ctx, userId: string): Promise<Actor> {
  const user = await ctx.db
    .selectFrom('app_user')
    .select(['display_name', 'status'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    userId,
    displayName: user.display_name,
    sessionId: 'job',
    isStaff: true,
    assignments: user.status === 'active' ? await loadAssignments(ctx.db, userId) : [],
  };
}

async function setProgress(
  ctx: Ctx,
  id: string,
  values: { status?: 'validating' | 'importing'; total_rows?: number; processed_rows?: number },
) {
  await ctx.db.updateTable('member_import').set(values).where('id', '=', id).execute();
}

async function reject(ctx: Ctx, id: string, errors: MemberImportError[], processed: number): Promise<void> {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  await ctx.db.transaction().execute(async (trx) => {
    await dropImportFile(trx, id);
    await trx
      .updateTable('member_import')
      .set({
        status: 'rejected',
        processed_rows: processed,
        error_count: errors.length,
        errors: JSON.stringify(sorted.slice(0, MAX_REPORTED_ERRORS)),
        finished_at: isoNow(ctx.clock),
      })
      .where('id', '=', id)
      .execute();
  });
}

/** The data sheet (the template's first sheet; its 说明 sheet is skipped), or undefined if the file is no xlsx. */
async function readSheet(bytes: Buffer): Promise<ExcelJS.Worksheet | undefined> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return undefined;
  }
  return book.worksheets.find((s) => s.name !== '说明');
}

function dataRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n > 1 && row.values && (row.values as unknown[]).some((v) => v !== null && v !== undefined && v !== '')) {
      rows.push(row);
    }
  });
  return rows;
}

/** Validates every row, with progress; returns the rows ready to insert or every error found. */
async function validateAll(ctx: Ctx, id: string, rows: ExcelJS.Row[], lookups: ImportLookups) {
  const errors: MemberImportError[] = [];
  const valid: ImportRow[] = [];
  const today = shanghaiDate(ctx.clock.now());
  const columnOf = new Map(MEMBER_IMPORT_HEADERS.map((h, i) => [h, i + 1]));
  const firstRowOfId = new Map<string, number>();
  for (const [i, sheetRow] of rows.entries()) {
    const parsed = parseImportRow(
      sheetRow.number,
      (h: MemberImportHeader) => sheetRow.getCell(columnOf.get(h) ?? 0).value,
      today,
    );
    errors.push(...parsed.errors);
    if (parsed.row) {
      const seen = firstRowOfId.get(parsed.row.idNumber);
      if (seen !== undefined) errors.push({ row: sheetRow.number, column: '身份证号', code: 'duplicateInFile' });
      else {
        firstRowOfId.set(parsed.row.idNumber, sheetRow.number);
        valid.push(parsed.row);
      }
    }
    if ((i + 1) % PROGRESS_EVERY === 0) await setProgress(ctx, id, { processed_rows: i + 1 });
  }
  const placed: PlacedRow[] = [];
  for (const row of valid) {
    const places = resolveRowPlaces(row, lookups, errors);
    if (places) placed.push({ ...row, places });
  }
  await markDuplicatesInDatabase(ctx, placed, errors);
  return { errors, placed };
}

/** IDs already on the roster, looked up by blind index in batches. */
async function markDuplicatesInDatabase(ctx: Ctx, rows: PlacedRow[], errors: MemberImportError[]): Promise<void> {
  const rowByIndex = new Map(rows.map((r) => [idNumberIndex(ctx, r.idNumber), r.row]));
  const indexes = [...rowByIndex.keys()];
  for (let i = 0; i < indexes.length; i += 500) {
    const taken = await ctx.db
      .selectFrom('member')
      .select('id_number_index')
      .where('id_number_index', 'in', indexes.slice(i, i + 500))
      .execute();
    for (const { id_number_index } of taken) {
      errors.push({ row: rowByIndex.get(id_number_index) ?? 0, column: '身份证号', code: 'duplicateInDatabase' });
    }
  }
}

/**
 * Runs one import to its end: rejected with every row error (nothing written), or every row inserted in one
 * transaction with one `member.import` audit row. Safe to run again: a finished import is left alone, and an
 * interrupted one starts over, since nothing of it was committed.
 */
export async function runMemberImport(systemCtx: Ctx, importId: string): Promise<void> {
  const job = await systemCtx.db.selectFrom('member_import').selectAll().where('id', '=', importId).executeTakeFirst();
  if (!job || DONE.has(job.status)) return;
  const actor = await importerActor(systemCtx, job.created_by);
  const ctx: Ctx = { ...systemCtx, actor };
  await setProgress(ctx, importId, { status: 'validating', processed_rows: 0 });
  const file = await ctx.db
    .selectFrom('stored_file_content')
    .select('content')
    .where('file_id', '=', job.file_id)
    .executeTakeFirst();
  if (!file) return reject(ctx, importId, [{ row: 0, column: null, code: 'unreadable' }], 0);
  const sheet = await readSheet(openImportFile(ctx, Buffer.from(file.content)));
  if (!sheet) return reject(ctx, importId, [{ row: 0, column: null, code: 'unreadable' }], 0);
  const header = wrongHeader(sheet.getRow(1));
  if (header) return reject(ctx, importId, [{ row: 1, column: header, code: 'headers' }], 0);
  const rows = dataRows(sheet);
  await setProgress(ctx, importId, { total_rows: rows.length });
  if (rows.length === 0) return reject(ctx, importId, [{ row: 0, column: null, code: 'noRows' }], 0);
  if (rows.length > MEMBER_IMPORT_MAX_ROWS) {
    return reject(ctx, importId, [{ row: 0, column: null, code: 'tooManyRows' }], 0);
  }
  const lookups = await loadImportLookups(ctx.db, actor);
  const { errors, placed } = await validateAll(ctx, importId, rows, lookups);
  if (errors.length > 0) return reject(ctx, importId, errors, rows.length);
  await setProgress(ctx, importId, { status: 'importing', processed_rows: rows.length });
  await insertImportedMembers(ctx, importId, placed, lookups);
}

/** The `members.import` job: payload `{ importId }`. A last failed attempt marks the import `failed`. */
export const memberImportJob: JobHandler = {
  async run(ctx, job) {
    const importId = (job.payload as { importId?: unknown } | null)?.importId;
    if (typeof importId !== 'string') return;
    try {
      await runMemberImport(ctx, importId);
    } catch (error) {
      if (job.attempts >= job.maxAttempts) {
        await ctx.db
          .updateTable('member_import')
          .set({
            status: 'failed',
            failure: error instanceof Error ? error.name : 'Error',
            finished_at: isoNow(ctx.clock),
          })
          .where('id', '=', importId)
          .execute();
      }
      throw error;
    }
  },
};
