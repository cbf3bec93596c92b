import type { Compound, CompoundExportQuery, RolloutStage } from '@linli/contracts';
import { authorize } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { transact } from '../../platform/transaction.ts';
import { listCompoundRows, sortKeyOf } from './compound.repository.ts';
import { resolveCompoundFilters, toCompounds } from './compound.service.ts';
import type { Keyset } from './organisation-paging.ts';

/** Rows per query while exporting: the file is built in keyset batches, never one unbounded read. */
const BATCH = 500;

const STAGE_LABELS: Record<RolloutStage, string> = { pilot: '试点先行', validation: '验证建设', rollout: '全面铺开' };

const COLUMNS: Array<[string, (c: Compound) => string | number]> = [
  ['小区名称', (c) => c.name],
  ['所属党组织', (c) => c.orgName],
  ['所属镇（街道）', (c) => c.townName ?? ''],
  ['地址', (c) => c.address],
  ['户数', (c) => c.householdCount],
  ['楼栋数', (c) => c.buildingCount],
  ['推进阶段', (c) => STAGE_LABELS[c.rolloutStage]],
  ['是否建立党支部', (c) => (c.branchOrgId ? '是' : '否')],
  ['经度', (c) => c.location?.lng ?? ''],
  ['纬度', (c) => c.location?.lat ?? ''],
  ['登记时间', (c) => c.createdAt],
];

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (=, +, -, @) is prefixed with `'` (CSV
 * injection); cells with separators, quotes or line breaks are quoted.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (cells: Array<string | number>): string => `${cells.map(csvCell).join(',')}\r\n`;

/** The Asia/Shanghai calendar date, YYYYMMDD, for the file name. */
const shanghaiDate = (date: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(date).replace(/-/g, '');

export interface CsvFile {
  filename: string;
  body: string;
  rows: number;
}

/**
 * The compound ledger (台账) as CSV for Excel: UTF-8 with BOM, Chinese headers, the list's filters, sort and
 * scope. Every export is audited (SEC-14) with its filters and row count; it holds no personal data.
 */
export async function exportCompounds(ctx: Ctx, query: CompoundExportQuery): Promise<CsvFile> {
  const actor = authorize(ctx, 'compound.read');
  const filters = await resolveCompoundFilters(ctx.db, query);
  const lines = [csvLine(COLUMNS.map(([header]) => header))];
  let after: Keyset | undefined;
  let rows = 0;
  for (;;) {
    // The repository reads one row past `limit` to detail a next page; here every row read is exported.
    const batch = await listCompoundRows(ctx.db, actor, filters, {
      sort: query.sort,
      order: query.order,
      after,
      limit: BATCH - 1,
    });
    for (const compound of await toCompounds(ctx.db, batch)) {
      lines.push(csvLine(COLUMNS.map(([, cell]) => cell(compound))));
    }
    rows += batch.length;
    const last = batch.at(-1);
    if (batch.length < BATCH || !last) break;
    after = { key: sortKeyOf(last, query.sort), id: last.id };
  }
  await transact(ctx, (trx) =>
    appendAudit(trx, ctx, { action: 'compound.export', objectType: 'compound', details: { filters: query, rows } }),
  );
  return { filename: `小区台账-${shanghaiDate(ctx.clock.now())}.csv`, body: `\uFEFF${lines.join('')}`, rows };
}
