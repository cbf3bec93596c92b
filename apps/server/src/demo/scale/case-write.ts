import type { Dialect } from '../../db/database.ts';
import { insertStatements, pushColumns, type Statement } from './bulk-insert.ts';
import type { CaseSink } from './case-sink.ts';
import type { CaseTimeline, CaseValues, EventValues } from './case-timeline.ts';
import type { ScaleContext } from './scale-context.ts';

/** What the cases phase wrote, and each day's last case number. */
export interface CaseTotals {
  cases: number;
  events: number;
  requests: number;
  supervisions: number;
  followers: number;
  days: Map<string, number>;
}

const EVENT_COLUMNS = [
  'id',
  'case_id',
  'seq',
  'type',
  'from_status',
  'to_status',
  'actor_user_id',
  'actor_name',
  'actor_role',
  'at',
  'deadline',
  'on_time',
  'public_note',
  'internal_note',
  'data',
] as const satisfies readonly (keyof EventValues)[];

/** An event's values in `EVENT_COLUMNS` order, spelled out: ten million of them go through here. */
const pushEvent = (events: readonly EventValues[]) => (params: unknown[], i: number) => {
  const e = events[i] as EventValues;
  params.push(
    e.id,
    e.case_id,
    e.seq,
    e.type,
    e.from_status,
    e.to_status,
    e.actor_user_id,
    e.actor_name,
    e.actor_role,
    e.at,
    e.deadline,
    e.on_time,
    e.public_note,
    e.internal_note,
    e.data,
  );
};

function rowsStatements<R extends object>(dialect: Dialect, table: string, rows: readonly R[]): Statement[] {
  const first = rows[0];
  if (!first) return [];
  const columns = Object.keys(first);
  return insertStatements(dialect, table, columns, rows.length, pushColumns(rows, columns));
}

/** A chunk of finished timelines as one transaction's INSERTs: the cases first, then what hangs on them. */
function caseChunkStatements(dialect: Dialect, chunk: readonly CaseTimeline[]): Statement[] {
  const cases: CaseValues[] = chunk.map((c) => c.row);
  const events = chunk.flatMap((c) => c.events);
  return [
    ...rowsStatements(dialect, 'civic_case', cases),
    ...insertStatements(dialect, 'civic_case_event', EVENT_COLUMNS, events.length, pushEvent(events)),
    ...rowsStatements(
      dialect,
      'civic_case_request',
      chunk.flatMap((c) => c.requests),
    ),
    ...rowsStatements(
      dialect,
      'civic_supervision',
      chunk.flatMap((c) => c.supervisions),
    ),
    ...rowsStatements(
      dialect,
      'civic_case_follower',
      chunk.flatMap((c) => c.followers),
    ),
  ];
}

/** Hands a chunk to the sink and counts what it holds. */
export async function writeCaseChunk(
  ctx: ScaleContext,
  sink: CaseSink,
  chunk: readonly CaseTimeline[],
  totals: CaseTotals,
): Promise<void> {
  if (chunk.length === 0) return;
  for (const c of chunk) {
    totals.events += c.events.length;
    totals.requests += c.requests.length;
    totals.supervisions += c.supervisions.length;
    totals.followers += c.followers.length;
  }
  totals.cases += chunk.length;
  await sink.write(caseChunkStatements(ctx.dialect, chunk));
}

/** Each day's number counter ends at the day's last case, so the next case filed that day gets the next number. */
export async function writeCounters(ctx: ScaleContext, days: ReadonlyMap<string, number>): Promise<void> {
  const rows = [...days].map(([day, last]) => ({ day, last }));
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('civic_case_counter')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ last: eb.ref('excluded.last') })))
        .execute();
    }
  });
}
