import type { SupervisionBoardSchema } from '@linli/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import { authorize, inScope } from '../../../platform/access/authorize.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { toNumber } from '../../../platform/sql-helpers.ts';
import { OPEN_STATUSES } from '../workflow/civic-case-status.ts';
import { INTAKE_STATUSES } from './sweep-rules.ts';

export type SupervisionBoard = z.infer<typeof SupervisionBoardSchema>;

/** Cases past intake: they have a lead unit to count against. */
const UNIT_STATUSES = OPEN_STATUSES.filter((s) => !INTAKE_STATUSES.includes(s));
/** More units than a county has; the board is a screen, not an export. */
const MAX_UNITS = 500;

/**
 * `GET /civic-supervision-board`: per lead unit, among the open cases the caller supervises (by place or by
 * unit): open, overdue (deadline passed), due soon (due-soon point passed, deadline not), returned for rework,
 * and open 督办 records — counted live against the clock in one grouped query, worst (most overdue) first.
 */
export async function supervisionBoard(ctx: Ctx): Promise<SupervisionBoard> {
  const actor = authorize(ctx, 'civic_case.supervise');
  const now = isoNow(ctx.clock);
  const count = (condition: RawBuilder<unknown>) => sql<number | string>`sum(case when ${condition} then 1 else 0 end)`;
  const rows = await ctx.db
    .selectFrom('civic_case as c')
    .select([
      'c.unit_kind',
      'c.unit_id',
      sql<string | null>`max(c.unit_name)`.as('unit_name'),
      sql<number | string>`count(*)`.as('open'),
      count(sql`c.deadline_at <= ${now}`).as('overdue'),
      count(sql`c.due_soon_at <= ${now} and c.deadline_at > ${now}`).as('due_soon'),
      count(sql`c.status = 'rework'`).as('rework'),
      sql<number | string>`sum(c.open_supervisions)`.as('open_supervisions'),
    ])
    .where('c.status', 'in', UNIT_STATUSES)
    .where('c.unit_id', 'is not', null)
    .where((eb) =>
      eb.or([inScope(actor, 'civic_case.supervise', 'c.path'), inScope(actor, 'civic_case.supervise', 'c.unit_path')]),
    )
    .groupBy(['c.unit_kind', 'c.unit_id'])
    .orderBy(sql.ref('overdue'), 'desc')
    .orderBy(sql.ref('open'), 'desc')
    .orderBy('c.unit_id')
    .limit(MAX_UNITS)
    .execute();
  const units = rows.flatMap((r) =>
    r.unit_kind && r.unit_id
      ? [
          {
            unit: { kind: r.unit_kind, id: r.unit_id, name: r.unit_name ?? '' },
            open: toNumber(r.open),
            overdue: toNumber(r.overdue),
            dueSoon: toNumber(r.due_soon),
            rework: toNumber(r.rework),
            openSupervisions: toNumber(r.open_supervisions),
          },
        ]
      : [],
  );
  return { units, generatedAt: now };
}
