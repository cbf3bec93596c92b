import type { SelectQueryBuilder } from 'kysely';
import { toNumber } from '../../../platform/sql-helpers.ts';
import {
  keysetLedger,
  type LedgerColumn,
  type LedgerRow,
  type LedgerSheetDef,
  type LedgerSource,
} from './ledger-types.ts';

type After = { key: string; id: string } | undefined;

/** What a sheet states; the COUNT and the batching are the same for every sheet. */
export interface KeysetSheetSpec<D, TB extends keyof D, R extends { id: string }> {
  name: string;
  columns: LedgerColumn[];
  /** The scope (and period) filter, before any select: the COUNT runs on it, so it and the rows agree. */
  base: (source: LedgerSource) => SelectQueryBuilder<D, TB, object>;
  /** The rows after `after` in keyset order, `limit` of them. */
  read: (source: LedgerSource, after: After, limit: number) => Promise<R[]>;
  /** The keyset column's value of a row (the id breaks ties). */
  key: (row: R) => string;
  /** A batch as sheet rows, with the batch's own lookups. */
  cells: (source: LedgerSource, batch: R[]) => Promise<LedgerRow[]> | LedgerRow[];
}

/** A worksheet read in keyset batches, counted by one COUNT over its base query. */
export function keysetSheet<D, TB extends keyof D, R extends { id: string }>(
  spec: KeysetSheetSpec<D, TB, R>,
): LedgerSheetDef {
  return {
    name: spec.name,
    columns: spec.columns,
    async count(source) {
      const row = await spec
        .base(source)
        .select((eb) => eb.fn.countAll().as('n'))
        // Kysely cannot resolve the selection over a generic table set; the row is this one column.
        .$castTo<{ n: string | number | bigint }>()
        .executeTakeFirstOrThrow();
      return toNumber(row.n);
    },
    batches: (source, size) =>
      keysetLedger(
        size,
        (after, limit) => spec.read(source, after, limit),
        spec.key,
        (batch) => spec.cells(source, batch),
      ),
  };
}
