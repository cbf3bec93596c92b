import { DownloadOutlined } from '@ant-design/icons';
import { RANKING_LEVELS, type Ranking, type RankingQuery } from '@linli/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civicMetricsApi, RANKINGS_KEY } from '../../api/civicSettings.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { ZONE } from '../../components/time.ts';
import { unitText } from '../civic-cases/caseTags.tsx';
import { saveTextFile, toCsv } from './csv.ts';
import { RATE_COLUMNS } from './MetricsCharts.tsx';
import { GRADE_COLORS, rateText, scoreText } from './metricsFormat.ts';

type Level = RankingQuery['level'];
type RankingRow = Ranking['rows'][number];

const MONTH = 'YYYY-MM';
/** Last month: the latest month that is over. */
const lastMonth = (): string => dayjs().tz(ZONE).subtract(1, 'month').format(MONTH);

const nameOf = (r: RankingRow, t: TFunction): string => (r.unit ? unitText(r.unit, t) : r.name);

const roleScoreText = (r: RankingRow, t: TFunction): string => {
  if (!r.roleScore || r.roleScore.score === null) return '';
  return t('civicMetrics.rankings.roleScoreValue', {
    score: scoreText(r.roleScore.score, t),
    grade: r.roleScore.grade ?? t('civicMetrics.gradeNone'),
  });
};

/** The table as the CSV a county office pastes into its monthly report. */
const rankingCsv = (rows: readonly RankingRow[], withRole: boolean, t: TFunction): string => {
  const rate = (v: number | null) => (v === null ? '' : `${(v * 100).toFixed(1)}%`);
  const header = [
    t('civicMetrics.rankings.rank'),
    t('civicMetrics.rankings.name'),
    t('civicMetrics.rankings.received'),
    t('civicMetrics.rankings.closed'),
    t('civicMetrics.rankings.overdueOpen'),
    ...RATE_COLUMNS.map((c) => t(`civicMetrics.kpi.${c.label}`)),
    t('civicMetrics.rankings.composite'),
    t('civicMetrics.rankings.grade'),
    ...(withRole ? [t('civicMetrics.rankings.roleScore')] : []),
  ];
  const body = rows.map((r) => [
    r.rank ?? '',
    nameOf(r, t),
    r.counts.received,
    r.counts.closed,
    r.counts.overdueOpen,
    ...RATE_COLUMNS.map((c) => rate(r.rates[c.key])),
    r.rates.compositeScore === null ? '' : r.rates.compositeScore.toFixed(2),
    r.rates.grade ?? '',
    ...(withRole ? [roleScoreText(r, t)] : []),
  ]);
  return toCsv([header, ...body]);
};

const RateCell = ({ rate }: { rate: number | null }) => {
  const { t } = useTranslation();
  return rate === null ? <Typography.Text type="secondary">{rateText(null, t)}</Typography.Text> : rateText(rate, t);
};

/** 排名: grids, compounds, communities or responsible units ranked by the month's 三率 composite. */
export const RankingsTab = () => {
  const { t } = useTranslation();
  const [level, setLevel] = useState<Level>('compound');
  const [month, setMonth] = useState(lastMonth);
  const [orgId, setOrgId] = useState<string | undefined>();
  const query: RankingQuery = { level, month, ...(orgId ? { orgId } : {}) };
  const ranking = useQuery({
    queryKey: [RANKINGS_KEY, query],
    queryFn: () => civicMetricsApi.ranking(query),
    placeholderData: keepPreviousData,
  });
  const rows = ranking.data?.rows ?? [];
  const withRole = rows.some((r) => r.roleScore);

  const columns: TableColumnsType<RankingRow> = [
    {
      title: t('civicMetrics.rankings.rank'),
      dataIndex: 'rank',
      width: 70,
      align: 'center',
      render: (rank: number | null) =>
        rank === null ? (
          <Tooltip title={t('civicMetrics.rankings.unrankedHint')}>
            <Typography.Text type="secondary">—</Typography.Text>
          </Tooltip>
        ) : (
          <Typography.Text strong={rank <= 3}>{rank}</Typography.Text>
        ),
    },
    { title: t('civicMetrics.rankings.name'), key: 'name', ellipsis: true, render: (_: unknown, r) => nameOf(r, t) },
    {
      title: t('civicMetrics.rankings.received'),
      key: 'received',
      width: 80,
      align: 'right',
      sorter: (a, b) => a.counts.received - b.counts.received,
      render: (_: unknown, r) => r.counts.received,
    },
    {
      title: t('civicMetrics.rankings.closed'),
      key: 'closed',
      width: 80,
      align: 'right',
      sorter: (a, b) => a.counts.closed - b.counts.closed,
      render: (_: unknown, r) => r.counts.closed,
    },
    {
      title: t('civicMetrics.rankings.overdueOpen'),
      key: 'overdue',
      width: 80,
      align: 'right',
      sorter: (a, b) => a.counts.overdueOpen - b.counts.overdueOpen,
      render: (_: unknown, r) =>
        r.counts.overdueOpen > 0 ? (
          <Typography.Text type="danger">{r.counts.overdueOpen}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    ...RATE_COLUMNS.map(({ key, label }) => ({
      title: t(`civicMetrics.kpi.${label}`),
      key,
      width: 100,
      align: 'right' as const,
      sorter: (a: RankingRow, b: RankingRow) => (a.rates[key] ?? -1) - (b.rates[key] ?? -1),
      render: (_: unknown, r: RankingRow) => <RateCell rate={r.rates[key]} />,
    })),
    {
      title: t('civicMetrics.rankings.composite'),
      key: 'composite',
      width: 100,
      align: 'right',
      render: (_: unknown, r) =>
        r.rates.compositeScore === null ? (
          <Typography.Text type="secondary">{scoreText(null, t)}</Typography.Text>
        ) : (
          <Typography.Text strong>{scoreText(r.rates.compositeScore, t)}</Typography.Text>
        ),
    },
    {
      title: t('civicMetrics.rankings.grade'),
      key: 'grade',
      width: 70,
      align: 'center',
      render: (_: unknown, r) => (r.rates.grade ? <Tag color={GRADE_COLORS[r.rates.grade]}>{r.rates.grade}</Tag> : '—'),
    },
    ...(withRole
      ? [
          {
            title: (
              <Tooltip title={t('civicMetrics.rankings.roleScoreHint')}>
                <span>{t('civicMetrics.rankings.roleScore')}</span>
              </Tooltip>
            ),
            key: 'role',
            width: 150,
            render: (_: unknown, r: RankingRow) =>
              r.roleScore ? (
                <Flex vertical>
                  <span>{roleScoreText(r, t) || t('civicMetrics.noData')}</span>
                  {r.roleScore.validReportRate != null && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('civicMetrics.rankings.validReportRate', { rate: rateText(r.roleScore.validReportRate, t) })}
                    </Typography.Text>
                  )}
                </Flex>
              ) : (
                '—'
              ),
          },
        ]
      : []),
  ];

  const exportCsv = () =>
    saveTextFile(
      rankingCsv(rows, withRole, t),
      t('civicMetrics.rankings.exportName', { level: t(`civicMetrics.rankings.levels.${level}`), month }),
    );

  return (
    <Flex vertical gap={16} className="metrics-page">
      <Card size="small" className="filter-card no-print" style={{ marginBottom: 0 }}>
        <Flex justify="space-between" gap={16} wrap>
          <Flex gap={24} wrap align="center">
            <Flex gap={8} align="center">
              <Typography.Text>{t('civicMetrics.rankings.level')}</Typography.Text>
              <Segmented<Level>
                value={level}
                onChange={setLevel}
                options={RANKING_LEVELS.map((l) => ({ value: l, label: t(`civicMetrics.rankings.levels.${l}`) }))}
                data-testid="ranking-level"
              />
            </Flex>
            <Flex gap={8} align="center">
              <Typography.Text>{t('civicMetrics.rankings.month')}</Typography.Text>
              <DatePicker
                picker="month"
                value={dayjs(`${month}-01`)}
                allowClear={false}
                disabledDate={(d) => d.isAfter(dayjs(), 'month')}
                onChange={(d) => d && setMonth(d.format(MONTH))}
                data-testid="ranking-month"
              />
            </Flex>
            <Flex gap={8} align="center">
              <Typography.Text>{t('civicMetrics.rankings.scope')}</Typography.Text>
              <OrgTreeSelect
                value={orgId}
                onChange={setOrgId}
                allowClear
                placeholder={t('civicMetrics.rankings.scopeAll')}
                style={{ width: 240 }}
                data-testid="ranking-scope"
              />
            </Flex>
          </Flex>
          <Button
            icon={<DownloadOutlined />}
            disabled={rows.length === 0}
            onClick={exportCsv}
            data-testid="ranking-export"
          >
            {t('civicMetrics.rankings.export')}
          </Button>
        </Flex>
      </Card>
      {ranking.isError && <ErrorState error={ranking.error} onRetry={() => void ranking.refetch()} />}
      <Card size="small" className="metrics-card">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {`${t(`civicMetrics.rankings.levels.${level}`)} · ${month}`}
        </Typography.Title>
        <Table<RankingRow>
          size="small"
          bordered
          rowKey="id"
          loading={ranking.isFetching}
          dataSource={rows}
          columns={columns}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 1100 }}
          onRow={(r) => ({ 'data-testid': `ranking-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: ranking.isPending ? ' ' : t('civicMetrics.rankings.empty') }}
        />
      </Card>
    </Flex>
  );
};
