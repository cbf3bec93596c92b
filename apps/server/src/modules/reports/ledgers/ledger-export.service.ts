import { createReadStream, type ReadStream } from 'node:fs';
import type { CreateLedgerExportBody, LedgerExport, Page } from '@linli/contracts';
import { authorize } from '../../../platform/access/authorize.ts';
import { appendAudit, recordAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { enqueueJob } from '../../../platform/jobs/index.ts';
import { decodeKeyset } from '../../../platform/keyset-paging.ts';
import { afterKeyset, toPage } from '../../../platform/pagination.ts';
import { transact } from '../../../platform/transaction.ts';
import { scopeRef } from '../report-scope.ts';
import {
  findLedgerExport,
  isDownloadable,
  type LedgerExportRow,
  ledgerFilePath,
  toLedgerExport,
} from './ledger-export.repository.ts';
import { resolveLedgerRequest } from './ledger-request.ts';

export const LEDGER_EXPORT_JOB = 'reports.ledger-export';
const LISTING = 'requestedAt:desc';

/**
 * `POST /ledger-exports` (`ledger.export` over the scope): records the export as `queued` and queues the job
 * that writes it, in the same transaction as the `ledger.export` audit row (kind, scope and period — the rows
 * themselves are never in the audit). The file is written off the request, so a county-wide register does not
 * hold a connection for seconds; the console polls `GET /ledger-exports/:id`.
 */
export async function createLedgerExport(ctx: Ctx, body: CreateLedgerExportBody): Promise<LedgerExport> {
  const actor = authorize(ctx, 'ledger.export');
  const { kind, ...query } = body;
  const { scope, period } = await resolveLedgerRequest(ctx, kind, query);
  const now = isoNow(ctx.clock);
  const row: LedgerExportRow = {
    id: newId(),
    kind,
    scope_kind: scope.kind,
    scope_id: scope.id,
    scope_name: scope.name,
    path: scope.path,
    period_from: period?.from ?? null,
    period_to: period?.to ?? null,
    status: 'queued',
    rows_done: 0,
    rows_total: null,
    file_name: null,
    byte_size: null,
    error: null,
    requested_by: actor.userId,
    requested_at: now,
    started_at: null,
    finished_at: null,
    expires_at: null,
  };
  return transact(ctx, async (trx) => {
    await trx.insertInto('ledger_export').values(row).execute();
    await enqueueJob(trx, { kind: LEDGER_EXPORT_JOB, payload: { exportId: row.id } }, ctx.clock);
    await appendAudit(trx, ctx, {
      action: 'ledger.export',
      objectType: 'ledger_export',
      objectId: row.id,
      details: { kind, scope: scopeRef(scope), period },
    });
    return toLedgerExport(row, now);
  });
}

/** `GET /ledger-exports`: the caller's own exports, newest first (nobody lists another person's files). */
export async function listLedgerExports(
  ctx: Ctx,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<LedgerExport>> {
  const actor = authorize(ctx, 'ledger.export');
  const after = decodeKeyset(query.cursor, LISTING);
  const rows = await ctx.db
    .selectFrom('ledger_export')
    .selectAll()
    .where('requested_by', '=', actor.userId)
    .$if(after !== undefined, (qb) => qb.where(afterKeyset('requested_at', 'id', 'desc', after ?? { key: '', id: '' })))
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const now = isoNow(ctx.clock);
  return toPage(
    rows,
    query.limit,
    (row) => toLedgerExport(row, now),
    (row) => ({ s: LISTING, k: row.requested_at, id: row.id }),
  );
}

/** The caller's own export: 404 for anyone else (another person's export is not acknowledged to exist). */
async function ownExport(ctx: Ctx, id: string): Promise<LedgerExportRow> {
  const actor = authorize(ctx, 'ledger.export');
  const row = await findLedgerExport(ctx.db, id);
  if (!row || row.requested_by !== actor.userId) throw notFound('ledger_export');
  return row;
}

/** `GET /ledger-exports/:id`: the requester's export with its progress (the console polls it). */
export async function getLedgerExport(ctx: Ctx, id: string): Promise<LedgerExport> {
  return toLedgerExport(await ownExport(ctx, id), isoNow(ctx.clock));
}

export interface LedgerFile {
  fileName: string;
  byteSize: number;
  stream: ReadStream;
}

/**
 * `GET /ledger-exports/:id/file`: the requester's finished file, streamed from disk (never read into memory);
 * 409 `LEDGER_EXPORT_NOT_READY` while queued or running, after a failure and once expired. The requester must
 * still hold `ledger.export` over the scope; every download is audited `ledger.download` (SEC-14).
 */
export async function openLedgerFile(ctx: Ctx, id: string): Promise<LedgerFile> {
  const row = await ownExport(ctx, id);
  authorize(ctx, 'ledger.export', { path: row.path });
  if (!isDownloadable(row, isoNow(ctx.clock)) || row.file_name === null || row.byte_size === null) {
    throw new AppError('LEDGER_EXPORT_NOT_READY', {
      details: { status: toLedgerExport(row, isoNow(ctx.clock)).status },
    });
  }
  const stream = createReadStream(ledgerFilePath(ctx.config.dataDir, row.id));
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  }).catch((error: unknown) => {
    ctx.log.warn({ err: error, exportId: row.id }, 'a finished ledger export has no file');
    throw new AppError('LEDGER_EXPORT_NOT_READY', { details: { status: 'expired' } });
  });
  try {
    await recordAudit(ctx, {
      action: 'ledger.download',
      objectType: 'ledger_export',
      objectId: row.id,
      details: { kind: row.kind, scope: { kind: row.scope_kind, id: row.scope_id }, bytes: row.byte_size },
    });
  } catch (error) {
    stream.destroy();
    throw error;
  }
  return { fileName: row.file_name, byteSize: row.byte_size, stream };
}
