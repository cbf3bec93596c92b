import ExcelJS from 'exceljs';
import type { LedgerColumn, LedgerRow } from './ledger-types.ts';

/** One worksheet to write: its columns and its rows as a stream of batches (a keyset reader, or any generator). */
export interface XlsxSheet {
  name: string;
  columns: LedgerColumn[];
  batches: AsyncIterable<LedgerRow[]>;
}

export interface XlsxLedger {
  /** The ledger's title, printed on the first line of every sheet. */
  title: string;
  /** 导出人 / 导出时间 / 范围 / 期间, printed on the second line of every sheet and in the file's properties. */
  watermark: string;
  creator: string;
  created: Date;
  sheets: XlsxSheet[];
}

/** The title, watermark and header rows; data starts below them. */
const HEADER_ROW = 3;
/** XML waiting for the zip beyond this makes the writer wait for it to be compressed and written out. */
const HIGH_WATER = 1024 * 1024;
/** A zip that takes no data for this long is stuck: fail the export rather than hang the job. */
const STALL_MS = 30_000;

const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const BODY_STYLE: Partial<ExcelJS.Style> = {
  alignment: { vertical: 'top', wrapText: true },
  border: BORDER,
};

/**
 * A4 landscape, one page wide and as many tall as it takes, the header row repeated on every printed page and
 * the page number in the footer — what a 台账 filed in a binder needs.
 */
function sheetOptions(): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页', differentFirst: false, differentOddEven: false },
  };
}

function writeHead(sheet: ExcelJS.Worksheet, title: string, watermark: string, columns: LedgerColumn[]): void {
  const width = Math.max(columns.length, 1);
  const titleRow = sheet.addRow([title]);
  titleRow.height = 28;
  titleRow.getCell(1).style = {
    font: { bold: true, size: 16 },
    alignment: { horizontal: 'center', vertical: 'middle' },
  };
  sheet.mergeCells(1, 1, 1, width);
  titleRow.commit();
  const markRow = sheet.addRow([watermark]);
  markRow.getCell(1).style = { font: { size: 9, color: { argb: 'FF666666' } }, alignment: { horizontal: 'left' } };
  sheet.mergeCells(2, 1, 2, width);
  markRow.commit();
  const header = sheet.addRow(columns.map((c) => c.label));
  header.height = 22;
  header.eachCell((cell) => {
    cell.style = {
      font: { bold: true },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
      border: BORDER,
    };
  });
  header.commit();
}

interface QueuedWritable {
  _writableState?: { length?: number };
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
}

/**
 * Backpressure that ExcelJS 4.4's streaming writer lacks (exceljs#2916, #1894): committed rows go into the
 * PassThrough the zip reads from, whose `write()` result it ignores, so a row source faster than deflate (a
 * synchronous SQLite read, a generator) would pile the whole sheet's XML up in memory. Waits, between batches,
 * until the zip has taken what is queued. The stream is ExcelJS's internal one; if a later version changes its
 * shape this finds nothing and does not wait (the memory test would then catch the growth).
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const pipe = (sheet as unknown as { _stream?: { pipes?: QueuedWritable[] } })._stream?.pipes?.[0];
  const queued = () => pipe?._writableState?.length ?? 0;
  const started = Date.now();
  while (pipe && queued() > HIGH_WATER) {
    if (Date.now() - started > STALL_MS) throw new Error('the xlsx zip stream stalled');
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pipe.removeListener('drain', done);
        resolve();
      };
      const timer = setTimeout(done, 100);
      pipe.once('drain', done);
    });
  }
}

/**
 * Writes a ledger to `filename` as a streamed xlsx: each row is committed (flushed to the zip stream) as soon as
 * it is added, strings are inlined (no shared-strings table) and each batch waits for the zip to take the
 * previous ones, so memory stays flat however many rows the batches yield. `onProgress` gets the running row count after every batch. Returns the rows written.
 */
export async function writeLedgerXlsx(
  filename: string,
  ledger: XlsxLedger,
  onProgress: (rowsDone: number) => Promise<void> = async () => {},
): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
  book.creator = ledger.creator;
  book.created = ledger.created;
  book.title = ledger.title;
  book.subject = ledger.watermark;
  book.description = ledger.watermark;
  book.keywords = '已脱敏';
  let rows = 0;
  for (const input of ledger.sheets) {
    const sheet = book.addWorksheet(input.name, sheetOptions());
    sheet.columns = input.columns.map((c) => ({ width: c.width, style: BODY_STYLE }));
    const title = ledger.sheets.length > 1 ? `${ledger.title}——${input.name}` : ledger.title;
    writeHead(sheet, title, ledger.watermark, input.columns);
    for await (const batch of input.batches) {
      for (const cells of batch) sheet.addRow(cells).commit();
      rows += batch.length;
      await zipCaughtUp(sheet);
      await onProgress(rows);
    }
    sheet.commit();
  }
  await book.commit();
  return rows;
}
