import type { CivicCaseListQuery } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { authorize } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import type { Ctx } from '../../../platform/context.ts';
import { type CsvColumns, type CsvFile, csvLedger, keysetBatches } from '../../../platform/http/csv-export.ts';
import type { Keyset } from '../../../platform/keyset-paging.ts';
import { toBool } from '../../../platform/sql-helpers.ts';
import { transact } from '../../../platform/transaction.ts';
import type { CaseSummaryRow } from './case.repository.ts';
import {
  CHANNEL_LABEL,
  END_TYPE_LABEL,
  EVENT_LABEL,
  RATING_LABEL,
  STATUS_LABEL,
  shanghaiMinute,
  URGENCY_LABEL,
} from './case-labels.ts';
import { keyOfRow, listCaseRows } from './case-list.repository.ts';
import { resolveCaseFilters } from './case-list.service.ts';

/** A ledger line: the list row plus the step times, rating and timeline the list does not carry. */
interface LedgerRow {
  row: CaseSummaryRow;
  acceptedAt: string | null;
  signedAt: string | null;
  closedAt: string | null;
  rating: string;
  timeline: string;
}

const COLUMNS: CsvColumns<LedgerRow> = [
  ['编号', (l) => l.row.number],
  ['标题', (l) => l.row.title],
  ['类别', (l) => l.row.category_name],
  ['紧急程度', (l) => URGENCY_LABEL[l.row.urgency]],
  ['渠道', (l) => CHANNEL_LABEL[l.row.channel]],
  ['状态', (l) => STATUS_LABEL[l.row.status]],
  ['结果类型', (l) => (l.row.end_type ? END_TYPE_LABEL[l.row.end_type] : '')],
  ['小区', (l) => l.row.compound_name],
  ['责任单位', (l) => l.row.unit_name ?? ''],
  ['受理时间', (l) => shanghaiMinute(l.acceptedAt)],
  ['期限', (l) => shanghaiMinute(l.row.deadline_at)],
  ['是否超期', (l) => (toBool(l.row.overdue) ? '是' : '否')],
  ['签收时间', (l) => shanghaiMinute(l.signedAt)],
  ['办结时间', (l) => shanghaiMinute(l.closedAt)],
  ['评价', (l) => l.rating],
  ['办理过程', (l) => l.timeline],
];

/**
 * The batch's step times, ratings and timelines in two queries. The timeline is event names and times only:
 * notes (internal or public) and actors stay out of a file that leaves the system.
 */
async function toLedgerRows(db: Db, rows: CaseSummaryRow[]): Promise<LedgerRow[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [facts, events] = await Promise.all([
    db
      .selectFrom('civic_case')
      .select(['id', 'accepted_at', 'signed_at', 'closed_at', 'rating'])
      .where('id', 'in', ids)
      .execute(),
    db
      .selectFrom('civic_case_event')
      .select(['case_id', 'type', 'at'])
      .where('case_id', 'in', ids)
      .orderBy('case_id')
      .orderBy('seq')
      .execute(),
  ]);
  const factsById = new Map(facts.map((f) => [f.id, f]));
  const timelines = new Map<string, string[]>();
  for (const e of events) {
    const list = timelines.get(e.case_id) ?? [];
    list.push(`${EVENT_LABEL[e.type]} ${shanghaiMinute(e.at)}`);
    timelines.set(e.case_id, list);
  }
  return rows.map((row) => {
    const f = factsById.get(row.id);
    return {
      row,
      acceptedAt: f?.accepted_at ?? null,
      signedAt: f?.signed_at ?? null,
      closedAt: f?.closed_at ?? null,
      rating: f?.rating ? RATING_LABEL[f.rating] : '',
      timeline: (timelines.get(row.id) ?? []).join('；'),
    };
  });
}

/**
 * `GET /civic-cases/export`: the case ledger (民情台账) as CSV for Excel — the list's scope, view, filters and
 * order, read in keyset batches. No reporter (name or phone) and no notes ever; audited `civic_case.export` with
 * the filters and the row count (SEC-14).
 */
export async function exportCases(ctx: Ctx, query: Omit<CivicCaseListQuery, 'cursor' | 'limit'>): Promise<CsvFile> {
  const actor = authorize(ctx, 'civic_case.read');
  const filters = await resolveCaseFilters(ctx.db, actor, query);
  const batches = keysetBatches(
    (after: Keyset | undefined, limit) => listCaseRows(ctx.db, actor, filters, { after, limit }),
    (row): Keyset => ({ key: keyOfRow(row, filters), id: row.id }),
  );
  const ledger = (async function* () {
    for await (const batch of batches) yield await toLedgerRows(ctx.db, batch);
  })();
  const file = await csvLedger('民情台账', COLUMNS, ledger, ctx.clock.now());
  await transact(ctx, (trx) =>
    appendAudit(trx, ctx, {
      action: 'civic_case.export',
      objectType: 'civic_case',
      details: { filters: query, rows: file.rows },
    }),
  );
  return file;
}
