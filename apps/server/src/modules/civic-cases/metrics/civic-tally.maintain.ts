import { sql } from 'kysely';
import type { Db } from '../../../db/database.ts';
import {
  COUNTED_EVENT_TYPES,
  movesHistory,
  type TallyCaseRow,
  type TallyCell,
  type TallyEvent,
  tallyChange,
} from './civic-tally.facts.ts';

/*
 * Keeping `civic_case_tally` in the transaction that changes a case (DESIGN §3). The writers pass the row as it
 * was and as it is now, and the events they append: the difference goes into the day and month rows as one
 * upsert. A case creation adds two rows' worth (its received day and month); most workflow steps change no fact
 * and write nothing.
 */

/** The case's events that can count, as the tally reads them (only needed when the case moves). */
async function countedEventsOf(db: Db, caseId: string): Promise<TallyEvent[]> {
  const rows = await db
    .selectFrom('civic_case_event')
    .select(['type', 'to_status', 'at', 'data'])
    .where('case_id', '=', caseId)
    .where('type', 'in', [...COUNTED_EVENT_TYPES])
    .execute();
  return rows.map((r) => ({
    type: r.type,
    to: r.to_status,
    at: r.at,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}

/**
 * Adds the cells' deltas in one statement: `INSERT … ON CONFLICT (grain, bucket, compound_id, category_id) DO
 * UPDATE SET col = civic_case_tally.col + excluded.col` for the columns that change, on both databases. The cells
 * come sorted by key, so two transactions lock the rows they share in the same order.
 */
export async function addTallyCells(db: Db, cells: readonly TallyCell[]): Promise<void> {
  if (cells.length === 0) return;
  const columns = [...new Set(cells.flatMap((c) => Object.keys(c.deltas) as (keyof TallyCell['deltas'])[]))];
  const rows = cells.map((c) => ({
    grain: c.grain,
    bucket: c.bucket,
    compound_id: c.compound_id,
    category_id: c.category_id,
    community_id: c.community_id,
    path: c.path,
    ...Object.fromEntries(columns.map((column) => [column, c.deltas[column] ?? 0])),
  }));
  const added = Object.fromEntries(
    columns.map((column) => [
      column,
      sql<number>`${sql.ref(`civic_case_tally.${column}`)} + ${sql.ref(`excluded.${column}`)}`,
    ]),
  );
  await db
    .insertInto('civic_case_tally')
    .values(rows)
    .onConflict((oc) => oc.columns(['grain', 'bucket', 'compound_id', 'category_id']).doUpdateSet(added))
    .execute();
}

export interface CaseChange {
  /** The row before the change; null for a new case. */
  before: TallyCaseRow | null;
  after: TallyCaseRow;
  /** The events about to be appended in this transaction (not yet in the log). */
  appended: readonly TallyEvent[];
}

/**
 * What one change of one case adds to the tally: what it counts now minus what it counted before. A case that
 * moved (its category corrected, say) or whose void reason changed takes its earlier events along, read from its
 * log — so this runs before the change's own events are appended. Writers add the cells (`addTallyCells`) as late
 * in the transaction as they can: after every case row they lock (a merge locks its survivor), so the hot counter
 * rows are held briefly and two writers never wait on each other's rows in opposite orders.
 */
export async function planTallyChange(db: Db, change: CaseChange): Promise<TallyCell[]> {
  const { before, after } = change;
  const earlier = before && movesHistory(before, after) ? await countedEventsOf(db, after.id) : [];
  return tallyChange(before, after, { earlier, appended: change.appended });
}

/** Files one change of one case in the tally at once (a writer that appends no counted event after it). */
export async function tallyCaseChange(db: Db, change: CaseChange): Promise<void> {
  await addTallyCells(db, await planTallyChange(db, change));
}
