import type { ReportScopeQuery, ReportScopeRef } from '@linli/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { ZONE } from '../../components/time.ts';

/** The period presets of every reports page; `custom` is any other range. */
export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'lastYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export type Period = { from: string; to: string };

const DATE = 'YYYY-MM-DD';
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const todayInShanghai = (): Dayjs => dayjs(dayjs().tz(ZONE).format(DATE));

const span = (from: Dayjs, to: Dayjs): Period => ({ from: from.format(DATE), to: to.format(DATE) });

/** A preset's days in Asia/Shanghai: the current month, quarter and year end today. */
export const presetPeriod = (preset: PeriodPreset): Period => {
  const today = todayInShanghai();
  switch (preset) {
    case 'thisMonth':
      return span(today.startOf('month'), today);
    case 'lastMonth': {
      const last = today.subtract(1, 'month');
      return span(last.startOf('month'), last.endOf('month'));
    }
    case 'thisQuarter': {
      const firstMonth = Math.floor(today.month() / 3) * 3;
      return span(today.month(firstMonth).startOf('month'), today);
    }
    case 'thisYear':
      return span(today.startOf('year'), today);
    case 'lastYear': {
      const last = today.subtract(1, 'year');
      return span(last.startOf('year'), last.endOf('year'));
    }
  }
};

/** The preset a period is, if any (so the picker lights it up after a reload or a shared link). */
export const presetOf = (period: Period): PeriodPreset | null =>
  PERIOD_PRESETS.find((p) => {
    const candidate = presetPeriod(p);
    return candidate.from === period.from && candidate.to === period.to;
  }) ?? null;

export const DEFAULT_PRESET: PeriodPreset = 'thisYear';

/** The cockpit's state as the URL holds it: scope (none: the caller's widest) and period (none: this year). */
export type DashboardState = { orgId?: string; compoundId?: string; from: string; to: string };

const validDate = (v: string | null): v is string => v !== null && DATE_PATTERN.test(v) && dayjs(v).isValid();

export const readDashboardState = (params: URLSearchParams): DashboardState => {
  const from = params.get('from');
  const to = params.get('to');
  const period = validDate(from) && validDate(to) ? { from, to } : presetPeriod(DEFAULT_PRESET);
  const compoundId = params.get('compoundId');
  const orgId = params.get('orgId');
  if (compoundId) return { compoundId, ...period };
  if (orgId) return { orgId, ...period };
  return period;
};

/** The API query of a state: exactly one scope key or none, and the period. */
export const scopeQuery = (state: DashboardState): ReportScopeQuery => ({
  from: state.from,
  to: state.to,
  ...(state.compoundId ? { compoundId: state.compoundId } : state.orgId ? { orgId: state.orgId } : {}),
});

/** `?orgId=…&from=…&to=…` of a scope reference and a period. */
export const searchOf = (scope: Pick<ReportScopeRef, 'kind' | 'id'> | null, period: Period): string => {
  const params = new URLSearchParams();
  if (scope) params.set(scope.kind === 'compound' ? 'compoundId' : 'orgId', scope.id);
  params.set('from', period.from);
  params.set('to', period.to);
  return `?${params.toString()}`;
};

/** The cockpit of a scope over a period: a drill-down or a breadcrumb step is a plain link. */
export const dashboardHref = (scope: Pick<ReportScopeRef, 'kind' | 'id'> | null, period: Period): string =>
  `/dashboard${searchOf(scope, period)}`;

/** The work-report page for the same scope and period (the report quotes the cockpit's figures). */
export const workReportHref = (scope: Pick<ReportScopeRef, 'kind' | 'id'> | null, period: Period): string =>
  `/work-reports${searchOf(scope, period)}`;
