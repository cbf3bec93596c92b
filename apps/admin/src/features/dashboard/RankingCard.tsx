import type { Dashboard } from '@linli/contracts';
import { Card, Empty, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { GRADE_COLORS } from '../civic-metrics/metricsFormat.ts';
import { dashboardHref, type Period } from './dashboardUrl.ts';
import { scoreText } from './figures.ts';

type RankRow = Dashboard['rankings']['compounds'][number];

type Props = {
  dashboard: Dashboard;
  level: 'compounds' | 'units';
  period: Period;
  className: string;
};

/** 月度排名: the compounds or responsible units of the period's last month, best first. */
export const RankingCard = ({ dashboard, level, period, className }: Props) => {
  const { t } = useTranslation();
  const rows = dashboard.rankings[level];
  const columns: TableColumnsType<RankRow> = [
    {
      title: t('reports.dashboard.rankings.rank'),
      dataIndex: 'rank',
      width: 56,
      align: 'center',
      render: (rank: number | null) =>
        rank === null ? (
          <Typography.Text type="secondary">{t('reports.dashboard.rankings.noRank')}</Typography.Text>
        ) : (
          <span className={`dash-rank${rank <= 3 ? ' dash-rank-top' : ''}`}>{rank}</span>
        ),
    },
    {
      title: t('reports.dashboard.rankings.name'),
      dataIndex: 'name',
      ellipsis: { showTitle: true },
      render: (name: string, row) =>
        level === 'compounds' ? <Link to={dashboardHref({ kind: 'compound', id: row.id }, period)}>{name}</Link> : name,
    },
    { title: t('reports.dashboard.rankings.received'), dataIndex: 'received', width: 76, align: 'right' },
    { title: t('reports.dashboard.rankings.closed'), dataIndex: 'closed', width: 64, align: 'right' },
    {
      title: t('reports.dashboard.rankings.composite'),
      dataIndex: 'compositeScore',
      width: 72,
      align: 'right',
      render: (score: number | null) =>
        score === null ? <Typography.Text type="secondary">{scoreText(null, t)}</Typography.Text> : scoreText(score, t),
    },
    {
      title: t('reports.dashboard.rankings.grade'),
      dataIndex: 'grade',
      width: 60,
      align: 'center',
      render: (grade: RankRow['grade']) =>
        grade ? <Tag color={GRADE_COLORS[grade]}>{grade}</Tag> : t('reports.dashboard.rankings.noRank'),
    },
  ];
  const empty =
    dashboard.scope.kind === 'compound'
      ? t('reports.dashboard.rankings.emptyCompound')
      : t('reports.dashboard.rankings.empty');
  return (
    <Card
      size="small"
      className={`dash-card ${className}`}
      title={t(`reports.dashboard.rankings.${level}`)}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('reports.dashboard.rankings.title', { month: dashboard.rankings.month })}
        </Typography.Text>
      }
      data-testid={`dashboard-ranking-${level}`}
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <Table<RankRow>
          size="small"
          rowKey="id"
          dataSource={rows}
          columns={columns}
          pagination={false}
          tableLayout="fixed"
        />
      )}
    </Card>
  );
};
