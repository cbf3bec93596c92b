import type { CivicCaseEventType } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { afterKeyset } from '../../../platform/pagination.ts';
import { pathStartsWith } from '../../../platform/sql-helpers.ts';
import { CIVIC_ZH, shanghaiMinute, shanghaiMonthDay, yesNo } from './ledger-labels.ts';
import { keysetSheet } from './ledger-sheet.ts';
import { column, groupBy, type LedgerDef, type LedgerRow, type LedgerSource } from './ledger-types.ts';

/** The 办理过程 cell stops here: a long-running case's log would otherwise swamp the printed row. */
export const TIMELINE_MAX_CHARS = 240;
/** Events that are not steps of handling: they stay in the case's own log, not in the register. */
const NOT_STEPS: ReadonlySet<CivicCaseEventType> = new Set(['comment', 'follow', 'auto_route']);

/**
 * Cases received in the period (by their Asia/Shanghai receipt day) under the scope; from `resumeOn` on, the day
 * a keyset page resumes at. That bound must be the only lower one: given the period's start as well, SQLite
 * walked the receipt-order index from the start of the period on every page (126 ms a page of a county-wide
 * register, rising; with it, 1 ms).
 */
function cases(source: LedgerSource, resumeOn?: string) {
  const period = source.period ?? { from: '', to: '' };
  return source.db
    .selectFrom('civic_case as c')
    .where(pathStartsWith('c.path', source.scope.path))
    .where('c.received_on', '>=', resumeOn ?? period.from)
    .where('c.received_on', '<=', period.to);
}

/** No reporter column is ever read here: the register leaves the system (PI-3). */
const readCases = (source: LedgerSource, after: { key: string; id: string } | undefined, limit: number) =>
  cases(source, after?.key)
    .innerJoin('civic_category as leaf', 'leaf.id', 'c.category_id')
    .leftJoin('civic_category as root', 'root.id', 'leaf.parent_id')
    .innerJoin('compound', 'compound.id', 'c.compound_id')
    .leftJoin('grid', 'grid.id', 'c.grid_id')
    .select([
      'c.id',
      'c.number',
      'c.received_on',
      'c.channel',
      'c.title',
      'c.status',
      'c.unit_name',
      'c.urgency',
      'c.deadline_at',
      'c.handle_deadline_at',
      'c.closed_on',
      'c.end_type',
      'c.handle_on_time',
      'c.rating',
      'leaf.name as leaf_name',
      'root.name as root_name',
      'compound.name as compound_name',
      'grid.name as grid_name',
    ])
    .$if(after !== undefined, (qb) =>
      qb.where(afterKeyset('c.received_on', 'c.id', 'asc', after ?? { key: '', id: '' })),
    )
    .orderBy('c.received_on')
    .orderBy('c.id')
    .limit(limit)
    .execute();
type CaseRow = Awaited<ReturnType<typeof readCases>>[number];

/** The unit a dispatch or reassignment named, from the event's data. */
function unitOf(data: string): string | null {
  try {
    const parsed = JSON.parse(data) as { unit?: { name?: unknown } };
    return typeof parsed.unit?.name === 'string' ? parsed.unit.name : null;
  } catch {
    return null;
  }
}

/** `MM-DD 受理立案 → MM-DD 派遣 金碧物业 → …`, capped at `TIMELINE_MAX_CHARS`. Notes and actors stay out. */
export function condenseTimeline(events: Array<{ type: CivicCaseEventType; at: string; data: string }>): string {
  const steps = events
    .filter((e) => !NOT_STEPS.has(e.type))
    .map((e) => {
      const unit = e.type === 'dispatch' || e.type === 'reassign' ? unitOf(e.data) : null;
      return `${shanghaiMonthDay(e.at)} ${CIVIC_ZH.event[e.type]}${unit ? ` ${unit}` : ''}`;
    });
  const text = steps.join(' → ');
  return text.length <= TIMELINE_MAX_CHARS ? text : `${text.slice(0, TIMELINE_MAX_CHARS - 1)}…`;
}

/** Every case's events of the batch in ONE query (not one per case), condensed per case. */
async function timelinesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const events = await db
    .selectFrom('civic_case_event')
    .select(['case_id', 'type', 'at', 'data'])
    .where('case_id', 'in', ids)
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  const byCase = groupBy(events, (e) => e.case_id);
  return new Map([...byCase].map(([id, list]) => [id, condenseTimeline(list)]));
}

async function caseCells(source: LedgerSource, rows: CaseRow[]): Promise<LedgerRow[]> {
  const timelines = await timelinesOf(
    source.db,
    rows.map((r) => r.id),
  );
  return rows.map((c) => [
    c.number,
    c.received_on,
    CIVIC_ZH.channel[c.channel],
    c.root_name ?? c.leaf_name,
    c.root_name ? c.leaf_name : null,
    c.title,
    c.compound_name,
    c.grid_name,
    CIVIC_ZH.status[c.status],
    c.unit_name,
    CIVIC_ZH.urgency[c.urgency],
    shanghaiMinute(c.handle_deadline_at ?? c.deadline_at),
    c.closed_on,
    c.end_type ? CIVIC_ZH.endType[c.end_type] : null,
    yesNo(c.handle_on_time),
    c.rating ? CIVIC_ZH.rating[c.rating] : null,
    timelines.get(c.id) ?? '',
  ]);
}

/** 民情事项台账: one row per case received in the period, with its handling condensed; never the reporter. */
export const civicCasesLedger: LedgerDef = {
  kind: 'civic_cases',
  sheets: [
    keysetSheet({
      name: '民情事项台账',
      columns: [
        column('number', '编号', 20),
        column('receivedOn', '受理日期', 12),
        column('channel', '渠道', 10),
        column('rootCategory', '一级类别', 12),
        column('category', '二级类别', 12),
        column('title', '事项', 24),
        column('compound', '小区', 14),
        column('grid', '网格', 12),
        column('status', '状态', 8),
        column('unit', '责任单位', 18),
        column('urgency', '紧急程度', 8),
        column('deadline', '办理时限', 17),
        column('closedOn', '办结日期', 12),
        column('endType', '办结方式', 10),
        column('onTime', '按期办结', 8),
        column('rating', '评价', 8),
        column('timeline', '办理过程', 60),
      ],
      base: cases,
      read: readCases,
      key: (c) => c.received_on,
      cells: caseCells,
    }),
  ],
};
