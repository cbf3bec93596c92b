import { mkdir, rm, stat } from 'node:fs/promises';
import { LEDGER_TITLES } from '@linli/contracts';
import { HOUR_MS, isoIn, isoNow, shanghaiDate, shanghaiDateStamp } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { ReportScope } from '../report-scope.ts';
import { findLedgerExport, type LedgerExportRow, ledgerDir, ledgerFilePath } from './ledger-export.repository.ts';
import { shanghaiMinute } from './ledger-labels.ts';
import { LEDGERS } from './ledger-registry.ts';
import { LEDGER_BATCH, type LedgerSource } from './ledger-types.ts';
import { writeLedgerXlsx } from './ledger-xlsx.ts';

/** `rows_done` moves in steps of this many rows: often enough for a progress bar, rarely enough to cost nothing. */
export const PROGRESS_EVERY = 2000;
/** SEC-28: a temporary export file lives at most an hour (time to download it again), then the purge deletes it. */
export const LEDGER_KEEP_MS = HOUR_MS;
const MAX_ERROR = 200;

const fileNameOf = (row: LedgerExportRow, now: Date): string =>
  `${LEDGER_TITLES[row.kind]['zh-CN']}-${row.scope_name.replace(/[\\/:*?"<>|]/g, '_')}-${shanghaiDateStamp(now)}.xlsx`;

/** 导出人 / 导出时间 / 范围 / 期间: printed on every sheet, so a printed page says whose copy it is (PI-4). */
async function watermarkOf(ctx: Ctx, row: LedgerExportRow, now: Date): Promise<{ text: string; creator: string }> {
  const user = await ctx.db
    .selectFrom('app_user')
    .select(['display_name', 'username'])
    .where('id', '=', row.requested_by)
    .executeTakeFirst();
  const creator = user?.display_name ?? row.requested_by;
  const period =
    row.period_from && row.period_to ? `${row.period_from} 至 ${row.period_to}` : `截至 ${shanghaiDate(now)}`;
  const who = `${creator}（${user?.username ?? row.requested_by}）`;
  const text = `导出人：${who}　导出时间：${shanghaiMinute(now.toISOString())}　范围：${row.scope_name}　期间：${period}　已脱敏`;
  return { text, creator };
}

const setExport = (ctx: Ctx, id: string, values: Partial<Omit<LedgerExportRow, 'id'>>) =>
  ctx.db.updateTable('ledger_export').set(values).where('id', '=', id).execute();

/** Counts the rows (one COUNT per sheet), marks the export running, and writes the file with progress. */
async function writeExport(ctx: Ctx, row: LedgerExportRow, file: string): Promise<number> {
  const now = ctx.clock.now();
  const scope: ReportScope = { kind: row.scope_kind, id: row.scope_id, name: row.scope_name, path: row.path };
  const period = row.period_from && row.period_to ? { from: row.period_from, to: row.period_to } : null;
  const source: LedgerSource = { db: ctx.db, cipher: ctx.cipher, scope, period, today: shanghaiDate(now) };
  const { sheets } = LEDGERS[row.kind];
  let total = 0;
  for (const sheet of sheets) total += await sheet.count(source);
  await setExport(ctx, row.id, {
    status: 'running',
    started_at: now.toISOString(),
    rows_total: total,
    rows_done: 0,
    error: null,
  });
  await mkdir(ledgerDir(ctx.config.dataDir), { recursive: true });
  const mark = await watermarkOf(ctx, row, now);
  let reported = 0;
  return writeLedgerXlsx(
    file,
    {
      title: LEDGER_TITLES[row.kind]['zh-CN'],
      watermark: mark.text,
      creator: mark.creator,
      created: now,
      sheets: sheets.map((s) => ({ name: s.name, columns: s.columns, batches: s.batches(source, LEDGER_BATCH) })),
    },
    async (done) => {
      if (done - reported < PROGRESS_EVERY) return;
      reported = done;
      await setExport(ctx, row.id, { rows_done: done });
    },
  );
}

/**
 * The job `reports.ledger-export`: writes one export's xlsx to `<dataDir>/ledgers/<id>.xlsx`, then marks it
 * `done` with its size, name and a seven-day expiry. Safe to repeat (the runner is at-least-once): a rerun of a
 * queued or running export starts the file over, a finished, failed or expired one is left alone. A failure is
 * recorded on the export (`failed`, a short message) and its partial file deleted; the job itself ends, as
 * retrying the same rows would fail the same way — the requester asks again.
 */
export async function runLedgerExport(ctx: Ctx, exportId: string): Promise<void> {
  const row = await findLedgerExport(ctx.db, exportId);
  if (!row || (row.status !== 'queued' && row.status !== 'running')) return;
  const file = ledgerFilePath(ctx.config.dataDir, row.id);
  try {
    const rows = await writeExport(ctx, row, file);
    const { size } = await stat(file);
    // rows_total becomes what was written: rows added or removed while writing must not leave the bar short.
    await setExport(ctx, row.id, {
      status: 'done',
      rows_done: rows,
      rows_total: rows,
      byte_size: size,
      file_name: fileNameOf(row, ctx.clock.now()),
      finished_at: isoNow(ctx.clock),
      expires_at: isoIn(ctx.clock, LEDGER_KEEP_MS),
    });
  } catch (error) {
    ctx.log.error({ err: error, exportId }, 'ledger export failed');
    // The failure is recorded even when there is nothing to delete or the directory itself is the problem.
    await rm(file, { force: true }).catch((cleanup: unknown) =>
      ctx.log.warn({ err: cleanup, exportId }, 'could not delete a partial ledger file'),
    );
    const message = error instanceof Error ? error.message : String(error);
    await setExport(ctx, row.id, {
      status: 'failed',
      error: `导出失败：${message}`.slice(0, MAX_ERROR),
      finished_at: isoNow(ctx.clock),
    });
  }
}

/**
 * The daily job `reports.ledger-purge`: deletes the files of exports past their expiry and marks them
 * `expired` (the file first, so a purge cut short deletes it on the next run). Answers how many it expired.
 */
export async function purgeLedgerExports(ctx: Ctx): Promise<number> {
  const due = await ctx.db
    .selectFrom('ledger_export')
    .select('id')
    .where('status', '=', 'done')
    .where('expires_at', '<=', isoNow(ctx.clock))
    .execute();
  for (const { id } of due) {
    await rm(ledgerFilePath(ctx.config.dataDir, id), { force: true });
    await ctx.db
      .updateTable('ledger_export')
      .set({ status: 'expired' })
      .where('id', '=', id)
      .where('status', '=', 'done')
      .execute();
  }
  return due.length;
}
