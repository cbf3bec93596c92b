import { LEDGER_TITLES, type LedgerKind, type LedgerPreview, type LedgerSheetPreview } from '@linli/contracts';
import type { Ctx } from '../../../platform/context.ts';
import { scopeRef } from '../report-scope.ts';
import { LEDGERS } from './ledger-registry.ts';
import { ledgerSource, resolveLedgerRequest } from './ledger-request.ts';
import type { LedgerRow, LedgerSheetDef, LedgerSource } from './ledger-types.ts';

/** The sheet's first `limit` rows, read as the first batch of the very row source the xlsx job drains. */
async function previewSheet(sheet: LedgerSheetDef, source: LedgerSource, limit: number): Promise<LedgerSheetPreview> {
  let first: LedgerRow[] = [];
  for await (const batch of sheet.batches(source, limit + 1)) {
    first = batch;
    break;
  }
  return { name: sheet.name, columns: sheet.columns, rows: first.slice(0, limit), truncated: first.length > limit };
}

/**
 * `GET /ledgers/:kind/preview` (`ledger.export` over the scope): the console's printable view — the same
 * columns and first rows the Excel file holds, PII masked, `truncated` when the file would hold more.
 */
export async function previewLedger(
  ctx: Ctx,
  kind: LedgerKind,
  query: {
    orgId?: string | undefined;
    compoundId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
  },
): Promise<LedgerPreview> {
  const { limit, ...scopeQuery } = query;
  const request = await resolveLedgerRequest(ctx, kind, scopeQuery);
  const source = ledgerSource(ctx, request);
  const sheets: LedgerSheetPreview[] = [];
  for (const sheet of LEDGERS[kind].sheets) sheets.push(await previewSheet(sheet, source, limit));
  const [first] = sheets;
  return {
    kind,
    title: LEDGER_TITLES[kind]['zh-CN'],
    scope: scopeRef(request.scope),
    columns: first?.columns ?? [],
    rows: first?.rows ?? [],
    truncated: first?.truncated ?? false,
    sheets,
  };
}
