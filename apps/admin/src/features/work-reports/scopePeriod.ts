import dayjs, { type Dayjs } from 'dayjs';
import { ZONE } from '../../components/time.ts';

/** What a report is about: the caller's widest scope (the server picks it), an org node, or a compound. */
export type ReportScope = { kind: 'mine' } | { kind: 'org'; id?: string } | { kind: 'compound'; id?: string };

export const PERIOD_PRESETS = ['lastMonth', 'thisQuarter', 'thisYear', 'lastYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
/** A period of Asia/Shanghai days; `preset` is null for a range picked by hand. */
export type ReportPeriod = { from: string; to: string; preset: PeriodPreset | null };

const DATE = 'YYYY-MM-DD';
/** The server refuses longer periods (`to span_too_long`). */
export const MAX_PERIOD_YEARS = 5;

const todayInShanghai = (): Dayjs => dayjs(dayjs().tz(ZONE).format(DATE));

/** A preset's days: the last whole month, this quarter or year so far, or the whole of last year. */
export const presetPeriod = (preset: PeriodPreset): ReportPeriod => {
  const today = todayInShanghai();
  const span = (from: Dayjs, to: Dayjs): ReportPeriod => ({ from: from.format(DATE), to: to.format(DATE), preset });
  switch (preset) {
    case 'lastMonth': {
      const last = today.subtract(1, 'month');
      return span(last.startOf('month'), last.endOf('month'));
    }
    case 'thisQuarter': {
      const quarterStart = today.month(Math.floor(today.month() / 3) * 3).startOf('month');
      return span(quarterStart, today);
    }
    case 'thisYear':
      return span(today.startOf('year'), today);
    case 'lastYear': {
      const last = today.subtract(1, 'year');
      return span(last.startOf('year'), last.endOf('year'));
    }
  }
};

const isDay = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v) && dayjs(v).isValid();

/** A period from `from`/`to` (the cockpit links with them), recognising a preset's days; else the fallback. */
export const periodFrom = (from: string | null, to: string | null, fallback: PeriodPreset): ReportPeriod => {
  if (!isDay(from) || !isDay(to)) return presetPeriod(fallback);
  const preset = PERIOD_PRESETS.find((p) => {
    const days = presetPeriod(p);
    return days.from === from && days.to === to;
  });
  return { from, to, preset: preset ?? null };
};

/** A scope from `orgId` or `compoundId` in the URL; neither means the caller's own. */
export const scopeFrom = (params: URLSearchParams): ReportScope => {
  const orgId = params.get('orgId');
  const compoundId = params.get('compoundId');
  if (compoundId) return { kind: 'compound', id: compoundId };
  if (orgId) return { kind: 'org', id: orgId };
  return { kind: 'mine' };
};

/** The scope the page shows: as `scopeFrom`, or an "org" / "compound" choice still waiting for its pick (`scope=`). */
export const shownScopeFrom = (params: URLSearchParams): ReportScope => {
  const parsed = scopeFrom(params);
  const pending = params.get('scope');
  return parsed.kind === 'mine' && (pending === 'org' || pending === 'compound') ? { kind: pending } : parsed;
};

/** The scope as the API's `orgId` / `compoundId` (none for the caller's own). */
export const scopeQuery = (scope: ReportScope): { orgId?: string; compoundId?: string } => {
  if (scope.kind === 'org' && scope.id) return { orgId: scope.id };
  if (scope.kind === 'compound' && scope.id) return { compoundId: scope.id };
  return {};
};

/** A scope and period as URL parameters; a choice still waiting for its pick stays a choice (`scope=`), not "mine". */
export const scopePeriodParams = (scope: ReportScope, period: ReportPeriod): Record<string, string> => ({
  ...scopeQuery(scope),
  from: period.from,
  to: period.to,
  ...(scope.kind !== 'mine' && !scope.id ? { scope: scope.kind } : {}),
});

/** Whether a scope is complete: "org" and "compound" need a pick. */
export const isScopePicked = (scope: ReportScope): boolean => scope.kind === 'mine' || Boolean(scope.id);

/** What is wrong with a period, as an i18n key under `reports.periodProblem`, or null. */
export const periodProblem = (period: ReportPeriod): 'order' | 'tooLong' | null => {
  if (period.to < period.from) return 'order';
  if (dayjs(period.to).isAfter(dayjs(period.from).add(MAX_PERIOD_YEARS, 'year'))) return 'tooLong';
  return null;
};
