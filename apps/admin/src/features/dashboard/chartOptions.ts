import { CIVIC_CASE_STATUSES, type CivicCaseStatus, type Dashboard, ROLLOUT_STAGES } from '@linli/contracts';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { ChartOption } from './echarts.tsx';
import { figureLabel } from './figures.ts';

/** The console's colours: Party red for what comes in, green for what is done, the control blue for rates. */
export const CHART_COLORS = {
  received: '#a5242b',
  closed: '#389e0d',
  withBranch: '#a5242b',
  withoutBranch: '#d9dde3',
  response: '#1f5fae',
  resolution: '#d48806',
  satisfaction: '#722ed1',
  agreed: '#389e0d',
  failed: '#cf1322',
  pending: '#d48806',
  axis: '#8c8c8c',
  split: '#eef0f3',
} as const;

/** Status colours: the same hues as the status tags of the case centre. */
const STATUS_HEX = {
  submitted: '#d48806',
  triaged: '#faad14',
  accepted: '#08979c',
  dispatched: '#1677ff',
  signed: '#2f54eb',
  in_progress: '#4096ff',
  deferred: '#722ed1',
  rework: '#c41d7f',
  handled: '#7cb305',
  verified: '#389e0d',
  closed: '#52c41a',
  voided: '#bfbfbf',
} as const satisfies Record<CivicCaseStatus, string>;

const FONT =
  '-apple-system, BlinkMacSystemFont, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** What every chart shares: the console's font, a quiet grid and a legend at the top. */
const base = (): ChartOption => ({
  textStyle: { fontFamily: FONT, fontSize: 12, color: '#434343' },
  tooltip: { confine: true },
  legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 12 } },
});

const valueAxis = (name?: string) => ({
  type: 'value' as const,
  minInterval: 1,
  ...(name ? { name, nameTextStyle: { color: CHART_COLORS.axis, align: 'left' as const } } : {}),
  axisLabel: { color: CHART_COLORS.axis },
  splitLine: { lineStyle: { color: CHART_COLORS.split } },
});

const categoryAxis = (data: string[], rotate = 0, labelWidth = 72) => ({
  type: 'category' as const,
  data,
  axisTick: { alignWithLabel: true },
  axisLine: { lineStyle: { color: '#d9d9d9' } },
  axisLabel: {
    color: '#595959',
    interval: 0,
    rotate,
    hideOverlap: true,
    width: labelWidth,
    overflow: 'truncate' as const,
  },
});

const pct = (rate: number | null): number | null => (rate === null ? null : Math.round(rate * 1000) / 10);

/** 各推进阶段覆盖: compounds with a branch and without, stacked, per rollout stage. */
export const coverageOption = (d: Dashboard, t: TFunction): ChartOption => {
  const rows = ROLLOUT_STAGES.map(
    (stage) => d.coverage.find((c) => c.stage === stage) ?? { stage, total: 0, withBranch: 0 },
  );
  const withLabel = t('reports.dashboard.charts.withBranch');
  const withoutLabel = t('reports.dashboard.charts.withoutBranch');
  return {
    ...base(),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: categoryAxis(rows.map((r) => t(`common.enum.rolloutStage.${r.stage}`))),
    yAxis: valueAxis(),
    series: [
      {
        name: withLabel,
        type: 'bar',
        stack: 'coverage',
        barMaxWidth: 48,
        itemStyle: { color: CHART_COLORS.withBranch },
        label: {
          show: true,
          position: 'inside',
          color: '#fff',
          formatter: (p) => (Number(p.value) > 0 ? `${p.value}` : ''),
        },
        data: rows.map((r) => r.withBranch),
      },
      {
        name: withoutLabel,
        type: 'bar',
        stack: 'coverage',
        barMaxWidth: 48,
        itemStyle: { color: CHART_COLORS.withoutBranch },
        label: {
          show: true,
          position: 'top',
          color: '#595959',
          formatter: (p) => {
            const row = rows[p.dataIndex];
            return row && row.total > 0 ? `${Math.round((row.withBranch / row.total) * 1000) / 10}%` : '';
          },
        },
        data: rows.map((r) => r.total - r.withBranch),
      },
    ],
  };
};

/** The height the category chart needs: two bars a category, the legend above. */
export const byCategoryHeight = (d: Dashboard): number => Math.max(260, d.civic.byRootCategory.length * 36 + 56);

/** 民情按大类: received and closed per root category, as horizontal bars so the names stay readable. */
export const byCategoryOption = (d: Dashboard, t: TFunction): ChartOption => {
  const rows = d.civic.byRootCategory;
  const bar = (name: string, color: string, values: number[]) => ({
    name,
    type: 'bar' as const,
    barMaxWidth: 12,
    barGap: '20%',
    itemStyle: { color },
    label: { show: true, position: 'right' as const, fontSize: 11, color: '#595959' },
    data: values,
  });
  return {
    ...base(),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 8, right: 32, top: 32, bottom: 4, containLabel: true },
    xAxis: { ...valueAxis(), axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      ...categoryAxis(rows.map((r) => r.name)),
      inverse: true,
      axisLabel: { color: '#595959', interval: 0, width: 84, overflow: 'truncate' },
    },
    series: [
      bar(
        t('reports.dashboard.charts.received'),
        CHART_COLORS.received,
        rows.map((r) => r.received),
      ),
      bar(
        t('reports.dashboard.charts.closed'),
        CHART_COLORS.closed,
        rows.map((r) => r.closed),
      ),
    ],
  };
};

const isStatus = (s: string): s is CivicCaseStatus => (CIVIC_CASE_STATUSES as readonly string[]).includes(s);
const statusOrder = (s: string): number => (isStatus(s) ? CIVIC_CASE_STATUSES.indexOf(s) : CIVIC_CASE_STATUSES.length);

/** The statuses with cases, in the order of the loop (submitted first, closed last). */
export const statusRows = (d: Dashboard) =>
  d.civic.byStatus.filter((s) => s.count > 0).sort((a, b) => statusOrder(a.status) - statusOrder(b.status));

/** 当前状态: one horizontal bar per status, in the colours of the status tags. */
export const byStatusOption = (d: Dashboard, t: TFunction): ChartOption => {
  const rows = statusRows(d);
  const total = rows.reduce((s, r) => s + r.count, 0);
  return {
    ...base(),
    legend: { show: false },
    tooltip: { trigger: 'item', confine: true },
    grid: { left: 8, right: 96, top: 8, bottom: 8, containLabel: true },
    xAxis: { ...valueAxis(), axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: {
      ...categoryAxis(
        rows.map((r) => (isStatus(r.status) ? t(`civic.status.${r.status}`) : r.status)),
        0,
        110,
      ),
      inverse: true,
    },
    series: [
      {
        name: t('reports.dashboard.charts.byStatus'),
        type: 'bar',
        barMaxWidth: 18,
        label: {
          show: true,
          position: 'right',
          color: '#595959',
          formatter: (p) => `${p.value}（${total > 0 ? Math.round((Number(p.value) / total) * 1000) / 10 : 0}%）`,
        },
        data: rows.map((r) => ({
          value: r.count,
          itemStyle: { color: isStatus(r.status) ? STATUS_HEX[r.status] : CHART_COLORS.axis },
        })),
      },
    ],
  };
};

/** A month label: "3月" within one year, "2025-03" across years. */
const monthLabels = (months: string[], language: string): string[] => {
  const oneYear = new Set(months.map((m) => m.slice(0, 4))).size <= 1;
  if (!oneYear) return months;
  return months.map((m) => dayjs(`${m}-01`).format(language === 'en-US' ? 'MMM' : 'M月'));
};

/** 月度走势: received and closed as bars (counts, left axis), the three rates as lines (%, right axis). */
export const byMonthOption = (d: Dashboard, t: TFunction, language: string): ChartOption => {
  const rows = d.civic.byMonth;
  const rateLine = (name: string, color: string, values: (number | null)[]) => ({
    name,
    type: 'line' as const,
    yAxisIndex: 1,
    smooth: false,
    symbolSize: 6,
    connectNulls: false,
    itemStyle: { color },
    lineStyle: { width: 2 },
    tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v}%` : t('reports.noData')) },
    data: values,
  });
  return {
    ...base(),
    tooltip: { trigger: 'axis', confine: true },
    legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 12 } },
    grid: { left: 8, right: 8, top: 44, bottom: 8, containLabel: true },
    xAxis: categoryAxis(
      monthLabels(
        rows.map((r) => r.month),
        language,
      ),
    ),
    yAxis: [
      valueAxis(t('reports.dashboard.charts.countAxis')),
      {
        type: 'value',
        name: t('reports.dashboard.charts.rateAxis'),
        nameTextStyle: { color: CHART_COLORS.axis, align: 'right' },
        min: 0,
        max: 100,
        interval: 25,
        axisLabel: { color: CHART_COLORS.axis, formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: t('reports.dashboard.charts.received'),
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: CHART_COLORS.received },
        data: rows.map((r) => r.received),
      },
      {
        name: t('reports.dashboard.charts.closed'),
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: CHART_COLORS.closed },
        data: rows.map((r) => r.closed),
      },
      rateLine(
        figureLabel('response_rate', language),
        CHART_COLORS.response,
        rows.map((r) => pct(r.rates.responseRate)),
      ),
      rateLine(
        figureLabel('resolution_rate', language),
        CHART_COLORS.resolution,
        rows.map((r) => pct(r.rates.resolutionRate)),
      ),
      rateLine(
        figureLabel('satisfaction_rate', language),
        CHART_COLORS.satisfaction,
        rows.map((r) => pct(r.rates.satisfactionRate)),
      ),
    ],
  };
};

/** 调解结果: a ring of agreed, failed and pending mediations. */
export const mediationOption = (d: Dashboard, t: TFunction): ChartOption => {
  const m = d.civic.mediation;
  const slices = [
    { key: 'agreed', value: m.agreed, color: CHART_COLORS.agreed },
    { key: 'failed', value: m.failed, color: CHART_COLORS.failed },
    { key: 'pending', value: m.pending, color: CHART_COLORS.pending },
  ] as const;
  return {
    ...base(),
    tooltip: { trigger: 'item', confine: true, formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 12 } },
    series: [
      {
        name: t('reports.dashboard.charts.mediation'),
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '46%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}', fontSize: 12, color: '#434343' },
        data: slices
          .filter((s) => s.value > 0)
          .map((s) => ({
            name: t(`reports.dashboard.charts.${s.key}`),
            value: s.value,
            itemStyle: { color: s.color },
          })),
      },
    ],
  };
};
