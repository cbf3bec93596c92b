import { createHash } from 'node:crypto';
import type { MemberImport, MemberImportError, MemberImportSummary, Page } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import { assignmentsWith, authorize, can, inScope, requireActor } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { insertStoredFile } from '../../../platform/files/stored-file.repository.ts';
import { XLSX_MEDIA_TYPE } from '../../../platform/http/content-disposition.ts';
import { newId } from '../../../platform/ids.ts';
import { enqueueJob } from '../../../platform/jobs/index.ts';
import { decodeCursor, encodeCursor } from '../../../platform/pagination.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { invalidField } from './member-derive.ts';
import { commonPath } from './pii-export.service.ts';

export const MEMBER_IMPORT_JOB = 'members.import';

/** An xlsx file is a ZIP archive: it starts with the local-file-header signature `PK\x03\x04`. */
export const looksLikeXlsx = (bytes: Buffer): boolean =>
  bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function selectImports(db: Db | Trx) {
  return db
    .selectFrom('member_import as i')
    .innerJoin('stored_file as f', 'f.id', 'i.file_id')
    .innerJoin('app_user as u', 'u.id', 'i.created_by')
    .selectAll('i')
    .select(['f.file_name', 'u.display_name as created_by_name']);
}
type ImportRow = Awaited<ReturnType<ReturnType<typeof selectImports>['executeTakeFirstOrThrow']>>;

const toSummary = (row: ImportRow): MemberImportSummary => ({
  id: row.id,
  fileName: row.file_name,
  status: row.status,
  totalRows: row.total_rows,
  processedRows: row.processed_rows,
  importedRows: row.imported_rows,
  errorCount: row.error_count,
  createdById: row.created_by,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});

const toImport = (row: ImportRow): MemberImport => ({
  ...toSummary(row),
  errors: row.errors ? (JSON.parse(row.errors) as MemberImportError[]) : [],
});

async function getImportRow(db: Db | Trx, id: string): Promise<ImportRow> {
  const row = await selectImports(db).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { details: { object: 'member_import' } });
  return row;
}

/**
 * A roster spreadsheet is full of ID numbers and phones: its bytes are stored encrypted like any PII field
 * (the cipher takes text, hence base64), and the job drops them once the import is over.
 */
export const sealImportFile = (ctx: Pick<Ctx, 'cipher'>, bytes: Buffer): Buffer =>
  Buffer.from(ctx.cipher.encrypt(bytes.toString('base64')), 'utf8');
export const openImportFile = (ctx: Pick<Ctx, 'cipher'>, sealed: Buffer): Buffer =>
  Buffer.from(ctx.cipher.decrypt(sealed.toString('utf8')), 'base64');

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * Accepts a roster spreadsheet (`member.write`): the bytes must be an xlsx (ZIP) file, whatever its name or
 * declared type says (400 `xlsxRequired`). The file is stored, a `member_import` row queued at the importer's
 * scope and the `members.import` job enqueued; the stored bytes are encrypted (`sealImportFile`) — all in one transaction, so a job never lacks its file.
 */
export async function startMemberImport(ctx: Ctx, file: UploadedFile | undefined): Promise<MemberImport> {
  const actor = authorize(ctx, 'member.write');
  if (!file || file.bytes.length === 0) throw invalidField('body.file', 'fileRequired');
  if (!looksLikeXlsx(file.bytes)) throw invalidField('body.file', 'xlsxRequired');
  const path = commonPath(assignmentsWith(actor, 'member.write').map((a) => a.scopePath));
  const fileId = newId();
  const id = newId();
  const now = isoNow(ctx.clock);
  return transact(ctx, async (trx) => {
    await insertStoredFile(
      trx,
      {
        id: fileId,
        purpose: 'import',
        owner_type: 'member_import',
        owner_id: id,
        path,
        file_name: file.fileName.slice(0, 200) || 'members.xlsx',
        media_type: XLSX_MEDIA_TYPE,
        byte_size: file.bytes.length,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        created_at: now,
        created_by: actor.userId,
      },
      sealImportFile(ctx, file.bytes),
    );
    await trx
      .insertInto('member_import')
      .values({ id, file_id: fileId, path, status: 'queued', created_by: actor.userId, created_at: now })
      .execute();
    await enqueueJob(trx, { kind: MEMBER_IMPORT_JOB, payload: { importId: id }, maxAttempts: 3 }, ctx.clock);
    await appendAudit(trx, ctx, {
      action: 'member_import.upload',
      objectType: 'member_import',
      objectId: id,
      details: { bytes: file.bytes.length },
    });
    return toImport(await getImportRow(trx, id));
  });
}

/** Who may follow an import: its creator, or `member.write` over where it was made. */
const mayFollow = (ctx: Ctx, row: ImportRow): boolean =>
  row.created_by === ctx.actor?.userId || can(ctx.actor, 'member.write', row);

/** `GET /member-imports/:id`: progress and, once rejected, the row errors (first 1,000). */
export async function getMemberImport(ctx: Ctx, id: string): Promise<MemberImport> {
  authorize(ctx, 'member.write');
  const row = await getImportRow(ctx.db, id);
  if (!mayFollow(ctx, row)) throw new AppError('FORBIDDEN', { details: { permission: 'member.write' } });
  return toImport(row);
}

/** `GET /member-imports`: the caller's imports and those made within their `member.write` scope, newest first. */
export async function listMemberImports(
  ctx: Ctx,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<MemberImportSummary>> {
  const actor = requireActor(ctx);
  authorize(ctx, 'member.write');
  const after = decodeCursor(query.cursor, ['k', 'id']);
  const where: Expression<SqlBool>[] = [
    sql<SqlBool>`(i.created_by = ${actor.userId} OR ${inScope(actor, 'member.write', 'i.path')})`,
  ];
  if (after)
    where.push(sql<SqlBool>`(i.created_at < ${after.k} OR (i.created_at = ${after.k} AND i.id < ${after.id}))`);
  const rows = await selectImports(ctx.db)
    .where((eb) => eb.and(where))
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ k: last.created_at, id: last.id }) : null,
  };
}
