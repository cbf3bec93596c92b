import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Platform } from '../../../platform/context.ts';
import { runNextJob } from '../../../platform/jobs/index.ts';
import { ledgerJobHandlers } from './ledger.jobs.ts';
import type { LedgerRow } from './ledger-types.ts';

/** Runs every due ledger job (exports and purges) until none is left; answers how many ran. */
export async function runLedgerJobs(platform: Platform): Promise<number> {
  let ran = 0;
  while (await runNextJob(platform, ledgerJobHandlers, { pollMs: 10, workerId: 'test' })) ran += 1;
  return ran;
}

export interface ReadSheet {
  name: string;
  title: string;
  watermark: string;
  header: string[];
  rows: LedgerRow[];
}

const cellValue = (value: ExcelJS.CellValue): string | number | null => {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  return String(value);
};

/** The workbook as written: per sheet its title, watermark, header and data rows (from row 4). */
export async function readLedgerXlsx(file: string): Promise<{ book: ExcelJS.Workbook; sheets: ReadSheet[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheets = book.worksheets.map((sheet) => {
    const width = sheet.getRow(3).cellCount;
    const cells = (n: number) =>
      Array.from({ length: width }, (_, i) => cellValue(sheet.getRow(n).getCell(i + 1).value));
    const rows: LedgerRow[] = [];
    for (let n = 4; n <= sheet.rowCount; n += 1) rows.push(cells(n));
    return {
      name: sheet.name,
      title: String(sheet.getCell(1, 1).value),
      watermark: String(sheet.getCell(2, 1).value),
      header: cells(3).map(String),
      rows,
    };
  });
  return { book, sheets };
}

/** Every XML part of the file, unzipped and joined: what a search for leaked PII must scan. */
export async function xlsxXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.async('string')),
  );
  return parts.join('\n');
}

/** Every member's plaintext ID and phone number, and every stored contact phone: none may be in a ledger file. */
export async function plaintextPii(platform: Platform): Promise<string[]> {
  const members = await platform.db.selectFrom('member').select(['id_number_cipher', 'phone_cipher']).execute();
  const orgs = await platform.db.selectFrom('org_report_in').select('contact_phone_cipher').execute();
  const ciphers = [
    ...members.flatMap((m) => [m.id_number_cipher, m.phone_cipher]),
    ...orgs.map((o) => o.contact_phone_cipher),
  ];
  return ciphers.flatMap((c) => (c ? [platform.cipher.decrypt(c)] : []));
}
