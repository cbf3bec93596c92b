import type { Selectable } from 'kysely';
import type { TallyColumn } from '../../../db/migrations/0014-civic-tally.ts';
import type { CivicCaseTable } from '../../../db/schema-civic.ts';
import { shanghaiDate } from '../../../platform/clock.ts';

/*
 * What `civic_case_tally` counts, as pure functions: the facts of a case row and of an appended event, each on its
 * own Asia/Shanghai day, exactly as the index queries of `metrics.repository.ts` count them (and as
 * `freshCivicTally` of migration 0014 computes them in SQL). A change to a case is filed as the difference
 * between its facts before and after, so the counters follow every correction: a reopened case stops being closed,
 * a new rating replaces the old one, a category change moves everything the case ever counted.
 */

/** The case row's columns the tally reads: where the case is filed, and its fact columns. */
export type TallyCaseRow = Pick<
  Selectable<CivicCaseTable>,
  | 'id'
  | 'compound_id'
  | 'category_id'
  | 'community_id'
  | 'path'
  | 'status'
  | 'void_reason'
  | 'received_on'
  | 'accepted_at'
  | 'dispatched_on'
  | 'responded'
  | 'closed_on'
  | 'end_type'
  | 'handle_on_time'
  | 'rated_on'
  | 'rating'
  | 'rating_resolved'
>;

/** An event of the case's log as the tally reads it (`to` is the event's `to_status`). */
export interface TallyEvent {
  type: string;
  to: string | null;
  at: string;
  data: Record<string, unknown>;
}

/** One fact: one more in `column` on `day` (`YYYY-MM-DD`). */
export interface TallyFact {
  day: string;
  column: TallyColumn;
}

/** The event types that can count: the event log is read back only for these. */
export const COUNTED_EVENT_TYPES = ['reject', 'reopen', 'void', 'merge', 'decide_request'] as const;

const dayOf = (instant: string): string => shanghaiDate(new Date(instant));

/** The facts a case row holds now (received, accepted, dispatched and responded, closed, rated). */
export function caseFacts(row: TallyCaseRow): TallyFact[] {
  const facts: TallyFact[] = [{ day: row.received_on, column: 'received' }];
  const on = (day: string, columns: (TallyColumn | false)[]) => {
    for (const column of columns) if (column) facts.push({ day, column });
  };
  if (row.accepted_at !== null) on(dayOf(row.accepted_at), ['accepted']);
  if (row.dispatched_on !== null) on(row.dispatched_on, ['dispatched', row.responded === 1 && 'responded']);
  // Reopening clears closed_on; the status test keeps a stray date from counting all the same.
  if (row.closed_on !== null && row.status === 'closed') {
    on(row.closed_on, [
      'closed',
      row.end_type === 'resolved' && 'closed_resolved',
      row.handle_on_time === 1 && 'closed_on_time',
    ]);
  }
  if (row.rated_on !== null) {
    on(row.rated_on, [
      'rated',
      row.rating_resolved === 1 && 'rated_resolved',
      row.rating === 'satisfied' && 'satisfied',
      row.rating === 'basically_satisfied' && 'basically_satisfied',
      row.rating === 'dissatisfied' && 'dissatisfied',
    ]);
  }
  return facts;
}

/** JSON `true`, or the text 'true', as the SQL reads the field on both databases. */
const isTrue = (value: unknown): boolean => value === true || value === 'true';

const VOIDED_COLUMN: Record<string, TallyColumn> = {
  duplicate: 'voided_duplicate',
  out_of_scope: 'voided_out_of_scope',
  insufficient: 'voided_insufficient',
  not_responsible: 'voided_not_responsible',
  referred: 'voided_referred',
};

/**
 * The facts of one event: 返工 (`reject`, `reopen`), the void itself (a `void`, or the `merge` that voids the
 * merged case — the survivor's own `merge` keeps its status and counts nothing) under the case's void reason, a
 * merge being a duplicate, and a granted extension or deferral.
 */
export function eventFacts(event: TallyEvent, voidReason: string | null): TallyFact[] {
  const day = dayOf(event.at);
  if (event.type === 'reject' || event.type === 'reopen') return [{ day, column: 'rework' }];
  if ((event.type === 'void' || event.type === 'merge') && event.to === 'voided') {
    const column = VOIDED_COLUMN[voidReason ?? (event.type === 'merge' ? 'duplicate' : '')];
    return column ? [{ day, column }] : [];
  }
  if (event.type === 'decide_request' && isTrue(event.data.grant)) {
    if (event.data.kind === 'extension') return [{ day, column: 'extensions' }];
    if (event.data.kind === 'deferral') return [{ day, column: 'deferrals' }];
  }
  return [];
}

/**
 * The path of the case's compound: the case's own path cut after the compound's segment (a case in a grid hangs
 * one level below its compound). `freshCivicTally` cuts it the same way in SQL.
 */
export function compoundPathOf(path: string, compoundId: string): string {
  const at = path.indexOf(`/${compoundId}/`);
  return at < 0 ? path : path.slice(0, at + compoundId.length + 2);
}

/** One row of the tally to add to (upsert), with what to add per column; never empty. */
export interface TallyCell {
  grain: 'day' | 'month';
  bucket: string;
  compound_id: string;
  category_id: string;
  community_id: string;
  path: string;
  deltas: Partial<Record<TallyColumn, number>>;
}

/** Whether the case's earlier events count elsewhere after the change: it moved, or its void reason changed. */
export const movesHistory = (before: TallyCaseRow, after: TallyCaseRow): boolean =>
  before.compound_id !== after.compound_id ||
  before.category_id !== after.category_id ||
  before.path !== after.path ||
  before.void_reason !== after.void_reason;

interface Filed {
  row: TallyCaseRow;
  facts: TallyFact[];
  sign: 1 | -1;
}

function addFiled(cells: Map<string, TallyCell>, { row, facts, sign }: Filed): void {
  const place = {
    compound_id: row.compound_id,
    category_id: row.category_id,
    community_id: row.community_id,
    path: compoundPathOf(row.path, row.compound_id),
  };
  for (const fact of facts) {
    for (const [grain, bucket] of [
      ['day', fact.day],
      ['month', fact.day.slice(0, 7)],
    ] as const) {
      const key = `${grain}|${bucket}|${place.compound_id}|${place.category_id}`;
      const cell = cells.get(key) ?? { grain, bucket, ...place, deltas: {} };
      cell.deltas[fact.column] = (cell.deltas[fact.column] ?? 0) + sign;
      cells.set(key, cell);
    }
  }
}

/**
 * The tally rows a change of one case adds to: minus what it counted before (its row and its `earlier` events),
 * plus what it counts after (its row, the earlier events and those `appended` now). `earlier` may be left empty
 * unless `movesHistory`: the earlier events then count the same before and after. Nets out, drops what adds
 * nothing, and sorts by key, so concurrent writers lock rows in one order.
 */
export function tallyChange(
  before: TallyCaseRow | null,
  after: TallyCaseRow,
  events: { earlier: readonly TallyEvent[]; appended: readonly TallyEvent[] },
): TallyCell[] {
  const cells = new Map<string, TallyCell>();
  if (before) {
    const facts = [...caseFacts(before), ...events.earlier.flatMap((e) => eventFacts(e, before.void_reason))];
    addFiled(cells, { row: before, facts, sign: -1 });
  }
  const all = [...events.earlier, ...events.appended];
  addFiled(cells, {
    row: after,
    facts: [...caseFacts(after), ...all.flatMap((e) => eventFacts(e, after.void_reason))],
    sign: 1,
  });
  return [...cells.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([, cell]) => {
      const deltas = Object.fromEntries(Object.entries(cell.deltas).filter(([, n]) => n !== 0));
      return Object.keys(deltas).length === 0 ? [] : [{ ...cell, deltas }];
    });
}
