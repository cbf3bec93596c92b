import type { Compound, CompoundExportQuery, RolloutStage } from '@linli/contracts';
import { authorize } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { type CsvColumns, type CsvFile, csvLedger, keysetBatches } from '../../platform/http/csv-export.ts';
import { transact } from '../../platform/transaction.ts';
import { listCompoundRows, sortKeyOf } from './compound.repository.ts';
import { resolveCompoundFilters, toCompounds } from './compound.service.ts';
import type { Keyset } from './organisation-paging.ts';

const STAGE_LABELS: Record<RolloutStage, string> = { pilot: '试点先行', validation: '验证建设', rollout: '全面铺开' };

const COLUMNS: CsvColumns<Compound> = [
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
 * The compound ledger (台账) as CSV for Excel: UTF-8 with BOM, Chinese headers, the list's filters, sort and
 * scope. Every export is audited (SEC-14) with its filters and row count; it holds no personal data.
 */
export async function exportCompounds(ctx: Ctx, query: CompoundExportQuery): Promise<CsvFile> {
  const actor = authorize(ctx, 'compound.read');
  const filters = await resolveCompoundFilters(ctx.db, query);
  const rows = keysetBatches(
    (after: Keyset | undefined, limit) =>
      listCompoundRows(ctx.db, actor, filters, { sort: query.sort, order: query.order, after, limit }),
    (last) => ({ key: sortKeyOf(last, query.sort), id: last.id }),
  );
  const compounds = (async function* () {
    for await (const batch of rows) yield await toCompounds(ctx.db, batch);
  })();
  const file = await csvLedger('小区台账', COLUMNS, compounds, ctx.clock.now());
  await transact(ctx, (trx) =>
    appendAudit(trx, ctx, {
      action: 'compound.export',
      objectType: 'compound',
      details: { filters: query, rows: file.rows },
    }),
  );
  return file;
}
