import type { Household, HouseholdExportQuery } from '@linli/contracts';
import { authorize } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { transact } from '../../../platform/transaction.ts';
import { type HouseholdKeyset, keysetOf, listHouseholdRows, toHousehold } from './household.repository.ts';

/** Rows per query while exporting: the file is built in keyset batches, never one unbounded read. */
const BATCH = 500;

const COLUMNS: Array<[string, (h: Household) => string | number]> = [
  ['小区', (h) => h.compoundName],
  ['网格', (h) => h.gridName ?? ''],
  ['楼栋', (h) => h.building],
  ['单元', (h) => h.unit],
  ['房号', (h) => h.room],
  ['门牌', (h) => h.label],
  ['登记住户数', (h) => h.residentCount],
  ['联系党员数', (h) => h.linkedMemberCount],
  ['最近走访', (h) => h.lastVisitOn ?? ''],
  ['备注', (h) => h.note ?? ''],
];

/**
 * One CSV cell, as the compound ledger writes them: text a spreadsheet would run as a formula (=, +, -, @) gets
 * a leading `'` (CSV injection); cells with separators, quotes or line breaks are quoted.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvLine = (cells: Array<string | number>): string => `${cells.map(csvCell).join(',')}\r\n`;

const shanghaiDate = (date: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(date).replace(/-/g, '');

export interface CsvFile {
  filename: string;
  body: string;
  rows: number;
}

/**
 * `GET /households/export`: the household ledger (住户台账) as CSV for Excel — UTF-8 with BOM, Chinese headers,
 * the list's filters, order and scope. Addresses and counts only: no resident names or phones. Audited with
 * the filters and row count (SEC-14).
 */
export async function exportHouseholds(ctx: Ctx, query: HouseholdExportQuery): Promise<CsvFile> {
  const actor = authorize(ctx, 'household.read');
  const lines = [csvLine(COLUMNS.map(([header]) => header))];
  let after: HouseholdKeyset | undefined;
  let rows = 0;
  for (;;) {
    // The repository reads one row past `limit` for paging; here every row read is exported.
    const batch = await listHouseholdRows(ctx.db, actor, query, { after, limit: BATCH - 1 });
    for (const row of batch) lines.push(csvLine(COLUMNS.map(([, cell]) => cell(toHousehold(row)))));
    rows += batch.length;
    const last = batch.at(-1);
    if (batch.length < BATCH || !last) break;
    after = keysetOf(last);
  }
  await transact(ctx, (trx) =>
    appendAudit(trx, ctx, { action: 'household.export', objectType: 'household', details: { filters: query, rows } }),
  );
  return { filename: `住户台账-${shanghaiDate(ctx.clock.now())}.csv`, body: `\uFEFF${lines.join('')}`, rows };
}
