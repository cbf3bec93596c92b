import type { CalendarDay } from '@linli/contracts';
import { holdsAtRoot } from '../access/account-scope.ts';
import { authorize, requireActor } from '../access/authorize.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { DAY_MS, isoNow } from '../clock.ts';
import type { Ctx } from '../context.ts';
import { AppError, notFound } from '../errors/app-error.ts';
import { fromBool, toBool } from '../sql-helpers.ts';
import { transact } from '../transaction.ts';
import { countyDays, packageException, packageYears } from './work-calendar.ts';

export interface CalendarYearView {
  year: number;
  days: CalendarDay[];
  published: boolean;
}

/** Every date of a year, `YYYY-MM-DD`. */
function daysOfYear(year: number): string[] {
  const days: string[] = [];
  const end = Date.UTC(year + 1, 0, 1);
  for (let at = Date.UTC(year, 0, 1); at < end; at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/**
 * The year's exceptions to Monday–Friday as deadlines see them: the package's holidays and make-up days, each
 * replaced by the county's own row for that day when there is one (`source` says whose it is). `published` is
 * false when neither has anything for the year, so the console can warn that only weekends count.
 */
export async function getCalendarYear(ctx: Ctx, year: number): Promise<CalendarYearView> {
  requireActor(ctx);
  const merged = new Map<string, CalendarDay>();
  for (const day of daysOfYear(year)) {
    const exception = packageException(day);
    if (exception) merged.set(day, { day, workday: exception.workday, name: exception.name, source: 'package' });
  }
  const county = await countyDays(ctx.db, `${year}-01-01`, `${year}-12-31`);
  for (const row of county) {
    merged.set(row.day, { day: row.day, workday: toBool(row.workday), name: row.name, source: row.source });
  }
  const days = [...merged.values()].sort((a, b) => a.day.localeCompare(b.day));
  return { year, days, published: packageYears().has(year) || county.length > 0 };
}

/** The calendar is the county's: only a configurer at the county root may change it. */
function authorizeCalendar(ctx: Ctx) {
  const actor = authorize(ctx, 'civic_case.configure');
  if (!holdsAtRoot(actor, 'civic_case.configure')) {
    throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.configure' } });
  }
  return actor;
}

/**
 * The county's own entry for a day (a holiday the package lacks, a make-up day moved by a local notice). It wins
 * over the package from the next deadline computed on; deadlines already set are not moved. Audited.
 */
export async function putCalendarDay(
  ctx: Ctx,
  day: string,
  input: { workday: boolean; name?: string | undefined },
): Promise<CalendarDay> {
  const actor = authorizeCalendar(ctx);
  const name = input.name ? input.name : null;
  return transact(ctx, async (trx) => {
    const before = await trx.selectFrom('work_calendar_day').selectAll().where('day', '=', day).executeTakeFirst();
    const row = { workday: fromBool(input.workday), name, source: 'county' as const, updated_at: isoNow(ctx.clock) };
    await trx
      .insertInto('work_calendar_day')
      .values({ day, ...row, updated_by: actor.userId })
      .onConflict((oc) => oc.column('day').doUpdateSet({ ...row, updated_by: actor.userId }))
      .execute();
    await appendAudit(trx, ctx, {
      action: 'calendar.update',
      objectType: 'work_calendar_day',
      objectId: day,
      details: {
        before: before ? { workday: toBool(before.workday), name: before.name, source: before.source } : null,
        after: { workday: input.workday, name },
      },
    });
    return { day, workday: input.workday, name, source: 'county' };
  });
}

/** Removes the county's entry for a day: the package, else the weekday rule, decides it again. Audited. */
export async function deleteCalendarDay(ctx: Ctx, day: string): Promise<void> {
  authorizeCalendar(ctx);
  await transact(ctx, async (trx) => {
    const before = await trx.selectFrom('work_calendar_day').selectAll().where('day', '=', day).executeTakeFirst();
    if (!before) throw notFound('work_calendar_day');
    await trx.deleteFrom('work_calendar_day').where('day', '=', day).execute();
    await appendAudit(trx, ctx, {
      action: 'calendar.update',
      objectType: 'work_calendar_day',
      objectId: day,
      details: { before: { workday: toBool(before.workday), name: before.name, source: before.source }, after: null },
    });
  });
}
