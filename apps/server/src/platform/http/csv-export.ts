import { shanghaiDateStamp } from '../clock.ts';
/** A CSV file as routes send it: the name for Content-Disposition, the text, and how many rows it holds. */
export interface CsvFile {
  filename: string;
  body: string;
  rows: number;
}

/** Header and cell of each column, in order. */
export type CsvColumns<T> = ReadonlyArray<readonly [string, (item: T) => string | number]>;

/** Rows per query while exporting: a ledger is built in keyset batches, never one unbounded read. */
export const EXPORT_BATCH = 500;

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

/**
 * Reads a list in keyset batches until it runs out. `read(after, limit)` is the list's own repository call (which
 * reads one row past `limit` to detect a next page, so `limit` is one less than a batch: every row read is used).
 */
export async function* keysetBatches<R, K>(
  read: (after: K | undefined, limit: number) => Promise<R[]>,
  keyOf: (row: R) => K,
): AsyncGenerator<R[]> {
  let after: K | undefined;
  for (;;) {
    const batch = await read(after, EXPORT_BATCH - 1);
    yield batch;
    const last = batch.at(-1);
    if (batch.length < EXPORT_BATCH || !last) return;
    after = keyOf(last);
  }
}

/**
 * A ledger (台账) as CSV for Excel: UTF-8 with a BOM (so Excel reads Chinese), Chinese headers, named
 * `<title>-<YYYYMMDD>.csv` by the Asia/Shanghai date.
 */
export async function csvLedger<T>(
  title: string,
  columns: CsvColumns<T>,
  batches: AsyncIterable<T[]>,
  now: Date,
): Promise<CsvFile> {
  const lines = [csvLine(columns.map(([header]) => header))];
  let rows = 0;
  for await (const batch of batches) {
    for (const item of batch) lines.push(csvLine(columns.map(([, cell]) => cell(item))));
    rows += batch.length;
  }
  return { filename: `${title}-${shanghaiDateStamp(now)}.csv`, body: `\uFEFF${lines.join('')}`, rows };
}
