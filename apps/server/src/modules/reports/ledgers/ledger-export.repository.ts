import { join } from 'node:path';
import type { LedgerExport } from '@linli/contracts';
import type { Selectable } from 'kysely';
import type { Db } from '../../../db/database.ts';
import type { LedgerExportTable } from '../../../db/schema-reports.ts';
import type { Trx } from '../../../platform/transaction.ts';

export type LedgerExportRow = Selectable<LedgerExportTable>;

/** Where an export's file lives: `<dataDir>/ledgers/<id>.xlsx`, named by id so a rerun overwrites it. */
export const ledgerDir = (dataDir: string): string => join(dataDir, 'ledgers');
export const ledgerFilePath = (dataDir: string, id: string): string => join(ledgerDir(dataDir), `${id}.xlsx`);

export const findLedgerExport = (db: Db | Trx, id: string): Promise<LedgerExportRow | undefined> =>
  db.selectFrom('ledger_export').selectAll().where('id', '=', id).executeTakeFirst();

/** Whether the file may be fetched now: written and not past its expiry. */
export const isDownloadable = (row: LedgerExportRow, now: string): boolean =>
  row.status === 'done' && row.expires_at !== null && row.expires_at > now;

/**
 * The DTO; an export past its expiry reads as `expired` even before the daily purge has marked it, so the
 * console never offers a link the server would refuse.
 */
export function toLedgerExport(row: LedgerExportRow, now: string): LedgerExport {
  const expired = row.status === 'done' && !isDownloadable(row, now);
  return {
    id: row.id,
    kind: row.kind,
    scope: { kind: row.scope_kind, id: row.scope_id, name: row.scope_name },
    from: row.period_from,
    to: row.period_to,
    status: expired ? 'expired' : row.status,
    rowsDone: row.rows_done,
    rowsTotal: row.rows_total,
    fileName: row.file_name,
    byteSize: row.byte_size,
    downloadUrl: isDownloadable(row, now) ? `/api/v1/ledger-exports/${row.id}/file` : null,
    error: row.error,
    requestedAt: row.requested_at,
    finishedAt: row.finished_at,
    expiresAt: row.expires_at,
  };
}
