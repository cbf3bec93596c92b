import type { LedgerKind } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import type { FieldCipher } from '../../../platform/crypto/index.ts';
import type { ReportScope } from '../report-scope.ts';

/** One cell as the preview sends it and the xlsx holds it; null is an empty cell. */
export type LedgerCell = string | number | null;
export type LedgerRow = LedgerCell[];

export interface LedgerColumn {
  key: string;
  /** The Chinese header printed on the sheet. */
  label: string;
  /** Excel column width in characters. */
  width: number;
}

/** What a ledger reads: the scope, the period (period ledgers only) and the cipher to decrypt-then-mask PII. */
export interface LedgerSource {
  db: Db;
  cipher: FieldCipher;
  scope: ReportScope;
  period: { from: string; to: string } | null;
  /** The Asia/Shanghai date of the export, for ages. */
  today: string;
}

/**
 * One worksheet: its columns and a row source that reads the scope in keyset batches of `size` rows (one query
 * per batch, plus a fixed few for the batch's lookups). The preview takes the first batch, the xlsx all of them,
 * so the two can never differ.
 */
export interface LedgerSheetDef {
  name: string;
  columns: LedgerColumn[];
  /** One COUNT over the same filter the rows use. */
  count(source: LedgerSource): Promise<number>;
  batches(source: LedgerSource, size: number): AsyncGenerator<LedgerRow[]>;
}

export interface LedgerDef {
  kind: LedgerKind;
  sheets: LedgerSheetDef[];
}

/** A batch size for the xlsx: big enough to keep queries few, small enough to keep memory flat. */
export const LEDGER_BATCH = 1000;

/**
 * Reads a query in keyset order until it runs out: `read(after, limit)` returns rows after the last one's
 * `(key, id)`, `cells(batch)` turns a batch into rows (with its own lookups, one query each per batch).
 */
export async function* keysetLedger<R extends { id: string }>(
  size: number,
  read: (after: { key: string; id: string } | undefined, limit: number) => Promise<R[]>,
  keyOf: (row: R) => string,
  cells: (batch: R[]) => Promise<LedgerRow[]> | LedgerRow[],
): AsyncGenerator<LedgerRow[]> {
  let after: { key: string; id: string } | undefined;
  for (;;) {
    const batch = await read(after, size);
    if (batch.length > 0) yield await cells(batch);
    const last = batch.at(-1);
    if (batch.length < size || !last) return;
    after = { key: keyOf(last), id: last.id };
  }
}

/** Labels joined for one cell, empty when there are none. */
export const joined = (values: Array<string | null | undefined>): string =>
  values.filter((v): v is string => typeof v === 'string' && v !== '').join('、');

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return map;
}

export const column = (key: string, label: string, width: number): LedgerColumn => ({ key, label, width });
