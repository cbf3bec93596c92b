import type { Household, HouseholdExportQuery } from '@linli/contracts';
import { authorize } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { type CsvColumns, type CsvFile, csvLedger, keysetBatches } from '../../../platform/http/csv-export.ts';
import { transact } from '../../../platform/transaction.ts';
import { type HouseholdKeyset, keysetOf, listHouseholdRows, toHousehold } from './household.repository.ts';

const COLUMNS: CsvColumns<Household> = [
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
 * `GET /households/export`: the household ledger (住户台账) as CSV for Excel — UTF-8 with BOM, Chinese headers,
 * the list's filters, order and scope. Addresses and counts only: no resident names or phones. Audited with
 * the filters and row count (SEC-14).
 */
export async function exportHouseholds(ctx: Ctx, query: HouseholdExportQuery): Promise<CsvFile> {
  const actor = authorize(ctx, 'household.read');
  const batches = keysetBatches(
    (after: HouseholdKeyset | undefined, limit) => listHouseholdRows(ctx.db, actor, query, { after, limit }),
    keysetOf,
  );
  const households = (async function* () {
    for await (const batch of batches) yield batch.map(toHousehold);
  })();
  const file = await csvLedger('住户台账', COLUMNS, households, ctx.clock.now());
  await transact(ctx, (trx) =>
    appendAudit(trx, ctx, {
      action: 'household.export',
      objectType: 'household',
      details: { filters: query, rows: file.rows },
    }),
  );
  return file;
}
