import { CIVIC_CASE_STATUSES, type CivicCaseStatus, type Metrics } from '@linli/contracts';
import { Card, Empty, Flex, Progress, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from '../civic-cases/caseTags.tsx';
import { GRADE_COLORS, rateText, scoreText } from './metricsFormat.ts';

/*
 * The console has no chart library (ECharts is not a dependency of apps/admin), so the breakdowns are drawn
 * with antd's Progress bars and tables: readable, printable, and the same numbers a chart would show.
 */

const RECEIVED_COLOR = '#a5242b';
const CLOSED_COLOR = '#389e0d';
const TOP_CATEGORIES = 12;

const percentOf = (n: number, max: number): number => (max > 0 ? Math.round((n / max) * 1000) / 10 : 0);

const Legend = () => {
  const { t } = useTranslation();
  const dot = (color: string) => (
    <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: color }} />
  );
  return (
    <Flex gap={12} align="center" style={{ fontSize: 12 }}>
      <Flex gap={4} align="center">
        {dot(RECEIVED_COLOR)}
        {t('civicMetrics.charts.received')}
      </Flex>
      <Flex gap={4} align="center">
        {dot(CLOSED_COLOR)}
        {t('civicMetrics.charts.closed')}
      </Flex>
    </Flex>
  );
};

/** Two thin bars, received over closed, scaled to the largest value of the chart. */
const PairBars = ({ received, closed, max }: { received: number; closed: number; max: number }) => (
  <Flex vertical gap={0} style={{ flex: 1, minWidth: 80 }}>
    <Progress percent={percentOf(received, max)} showInfo={false} size="small" strokeColor={RECEIVED_COLOR} />
    <Progress percent={percentOf(closed, max)} showInfo={false} size="small" strokeColor={CLOSED_COLOR} />
  </Flex>
);

/** 按类别: received and closed per category, largest first; the tail summed in one row. */
export const ByCategoryChart = ({ metrics }: { metrics: Metrics }) => {
  const { t } = useTranslation();
  const sorted = [...metrics.byCategory].sort((a, b) => b.received - a.received || b.closed - a.closed);
  const top = sorted.slice(0, TOP_CATEGORIES);
  const rest = sorted.slice(TOP_CATEGORIES);
  const rows = [
    ...top.map((c) => ({ key: c.categoryId, name: c.name, received: c.received, closed: c.closed })),
    ...(rest.length > 0
      ? [
          {
            key: 'rest',
            name: t('civicMetrics.charts.otherCategories', { n: rest.length }),
            received: rest.reduce((s, c) => s + c.received, 0),
            closed: rest.reduce((s, c) => s + c.closed, 0),
          },
        ]
      : []),
  ];
  const max = Math.max(0, ...rows.map((r) => Math.max(r.received, r.closed)));
  return (
    <Card size="small" title={t('civicMetrics.charts.byCategory')} extra={<Legend />} className="metrics-card">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('civicMetrics.noData')} />
      ) : (
        <Flex vertical gap={8} data-testid="metrics-by-category">
          {rows.map((r) => (
            <Flex key={r.key} gap={12} align="center">
              <Typography.Text ellipsis={{ tooltip: r.name }} style={{ width: 120, flex: 'none' }}>
                {r.name}
              </Typography.Text>
              <PairBars received={r.received} closed={r.closed} max={max} />
              <Typography.Text style={{ width: 96, flex: 'none', textAlign: 'right' }} className="mono">
                {r.received} / {r.closed}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
};

const isStatus = (s: string): s is CivicCaseStatus => (CIVIC_CASE_STATUSES as readonly string[]).includes(s);
const statusOrder = (s: string): number => (isStatus(s) ? CIVIC_CASE_STATUSES.indexOf(s) : CIVIC_CASE_STATUSES.length);

/** 按当前状态: where the period's cases are now, in the order of the loop. */
export const ByStatusChart = ({ metrics }: { metrics: Metrics }) => {
  const { t } = useTranslation();
  const rows = metrics.byStatus
    .filter((s) => s.count > 0)
    .sort((a, b) => statusOrder(a.status) - statusOrder(b.status));
  const total = rows.reduce((s, r) => s + r.count, 0);
  return (
    <Card size="small" title={t('civicMetrics.charts.byStatus')} className="metrics-card">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('civicMetrics.noData')} />
      ) : (
        <Flex vertical gap={8} data-testid="metrics-by-status">
          {rows.map((r) => (
            <Flex key={r.status} gap={12} align="center">
              <span style={{ width: 96, flex: 'none' }}>
                {isStatus(r.status) ? (
                  <Tag color={STATUS_COLORS[r.status]}>{t(`civic.status.${r.status}`)}</Tag>
                ) : (
                  <Tag>{r.status}</Tag>
                )}
              </span>
              <Progress
                percent={percentOf(r.count, total)}
                size="small"
                strokeColor="#1677ff"
                style={{ flex: 1, margin: 0 }}
                format={(p) => t('common.fmt.withNote', { text: String(r.count), note: `${p}%` })}
              />
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
};

type MonthRow = Metrics['byMonth'][number];

export const RATE_COLUMNS = [
  { key: 'responseRate', label: 'response' },
  { key: 'resolutionRate', label: 'resolution' },
  { key: 'satisfactionRate', label: 'satisfaction' },
] as const;

/** 月度走势: received against closed month by month, with the month's 三率 and composite. */
export const ByMonthTable = ({ metrics }: { metrics: Metrics }) => {
  const { t } = useTranslation();
  const max = Math.max(0, ...metrics.byMonth.map((m) => Math.max(m.received, m.closed)));
  const columns: TableColumnsType<MonthRow> = [
    { title: t('civicMetrics.charts.month'), dataIndex: 'month', width: 90, className: 'mono' },
    {
      title: (
        <Flex justify="space-between" align="center" gap={8}>
          <span>
            {t('civicMetrics.charts.received')} / {t('civicMetrics.charts.closed')}
          </span>
          <Legend />
        </Flex>
      ),
      key: 'bars',
      render: (_: unknown, m) => (
        <Flex gap={12} align="center">
          <PairBars received={m.received} closed={m.closed} max={max} />
          <Typography.Text className="mono" style={{ width: 80, textAlign: 'right' }}>
            {m.received} / {m.closed}
          </Typography.Text>
        </Flex>
      ),
    },
    ...RATE_COLUMNS.map(({ key, label }) => ({
      title: t(`civicMetrics.kpi.${label}`),
      key,
      width: 100,
      align: 'right' as const,
      render: (_: unknown, m: MonthRow) =>
        m.rates[key] === null ? (
          <Typography.Text type="secondary">{rateText(null, t)}</Typography.Text>
        ) : (
          rateText(m.rates[key], t)
        ),
    })),
    {
      title: t('civicMetrics.kpi.composite'),
      key: 'composite',
      width: 130,
      align: 'right',
      render: (_: unknown, m) =>
        m.rates.compositeScore === null ? (
          <Typography.Text type="secondary">{scoreText(null, t)}</Typography.Text>
        ) : (
          <Flex gap={6} justify="flex-end" align="center">
            {scoreText(m.rates.compositeScore, t)}
            {m.rates.grade && <Tag color={GRADE_COLORS[m.rates.grade]}>{m.rates.grade}</Tag>}
          </Flex>
        ),
    },
  ];
  return (
    <Card size="small" title={t('civicMetrics.charts.byMonth')} className="metrics-card">
      <Table<MonthRow>
        size="small"
        rowKey="month"
        dataSource={metrics.byMonth}
        columns={columns}
        pagination={false}
        data-testid="metrics-by-month"
        locale={{ emptyText: t('civicMetrics.noData') }}
      />
    </Card>
  );
};
