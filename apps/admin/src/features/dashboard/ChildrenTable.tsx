import { DownloadOutlined } from '@ant-design/icons';
import type { Dashboard, DashboardChild } from '@linli/contracts';
import { Button, Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { saveTextFile, toCsv } from '../civic-metrics/csv.ts';
import { GRADE_COLORS } from '../civic-metrics/metricsFormat.ts';
import { dashboardHref, type Period } from './dashboardUrl.ts';
import { scoreText } from './figures.ts';

const GRADE_ORDER = { A: 1, B: 2, C: 3, D: 4, E: 5 } as const;

/** Nulls last whichever way the column is sorted is not what antd does; nulls count as the lowest value. */
const byNullable = (a: number | null, b: number | null): number => (a ?? -1) - (b ?? -1);

type CountKey = 'members' | 'membersReportedIn' | 'casesReceived' | 'casesClosed' | 'casesOverdueOpen';

/** A right-aligned count, sorted by its number. */
const countColumn = (title: string, key: CountKey): TableColumnsType<DashboardChild>[number] => ({
  title,
  dataIndex: key,
  align: 'right',
  sorter: (a, b) => a[key] - b[key],
});

const columnsOf = (t: TFunction, period: Period): TableColumnsType<DashboardChild> => [
  {
    title: t('reports.dashboard.children.name'),
    dataIndex: 'name',
    sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    render: (name: string, c) => (
      <span className="dash-child-name">
        <Tag color={c.kind === 'compound' ? 'blue' : 'red'}>{t(`reports.scopeKind.${c.kind}`)}</Tag>
        <Link
          to={dashboardHref(c, period)}
          aria-label={t('reports.dashboard.children.drill', { name })}
          data-testid={`child-link-${c.id}`}
        >
          {name}
        </Link>
      </span>
    ),
  },
  {
    title: t('reports.dashboard.children.compounds'),
    key: 'compounds',
    align: 'right',
    sorter: (a, b) => a.compounds - b.compounds || a.compoundsWithBranch - b.compoundsWithBranch,
    render: (_: unknown, c) => `${c.compoundsWithBranch} / ${c.compounds}`,
  },
  countColumn(t('reports.dashboard.children.members'), 'members'),
  countColumn(t('reports.dashboard.children.reportedIn'), 'membersReportedIn'),
  countColumn(t('reports.dashboard.children.received'), 'casesReceived'),
  countColumn(t('reports.dashboard.children.closed'), 'casesClosed'),
  {
    ...countColumn(t('reports.dashboard.children.overdue'), 'casesOverdueOpen'),
    render: (n: number) =>
      n > 0 ? (
        <Typography.Text type="danger" strong>
          {n}
        </Typography.Text>
      ) : (
        n
      ),
  },
  {
    title: t('reports.dashboard.children.composite'),
    dataIndex: 'compositeScore',
    align: 'right',
    sorter: (a, b) => byNullable(a.compositeScore, b.compositeScore),
    render: (score: number | null) =>
      score === null ? <Typography.Text type="secondary">{scoreText(null, t)}</Typography.Text> : scoreText(score, t),
  },
  {
    title: t('reports.dashboard.children.grade'),
    dataIndex: 'grade',
    align: 'center',
    sorter: (a, b) => (a.grade ? GRADE_ORDER[a.grade] : 9) - (b.grade ? GRADE_ORDER[b.grade] : 9),
    render: (grade: DashboardChild['grade']) =>
      grade ? <Tag color={GRADE_COLORS[grade]}>{grade}</Tag> : <Typography.Text type="secondary">—</Typography.Text>,
  },
];

/** The table as CSV: the same columns, scores as numbers, no data as an empty cell. */
const childrenCsv = (rows: DashboardChild[], t: TFunction): string =>
  toCsv([
    [
      t('reports.dashboard.children.name'),
      t('reports.dashboard.children.kind'),
      t('reports.dashboard.children.compounds'),
      t('reports.dashboard.children.members'),
      t('reports.dashboard.children.reportedIn'),
      t('reports.dashboard.children.received'),
      t('reports.dashboard.children.closed'),
      t('reports.dashboard.children.overdue'),
      t('reports.dashboard.children.composite'),
      t('reports.dashboard.children.grade'),
    ],
    ...rows.map((c) => [
      c.name,
      t(`reports.scopeKind.${c.kind}`),
      `${c.compoundsWithBranch}/${c.compounds}`,
      c.members,
      c.membersReportedIn,
      c.casesReceived,
      c.casesClosed,
      c.casesOverdueOpen,
      c.compositeScore === null ? '' : c.compositeScore.toFixed(2),
      c.grade ?? '',
    ]),
  ]);

/** 下级情况: one row per child org node or compound; a name opens the same cockpit one level down. */
export const ChildrenTable = ({ dashboard, period }: { dashboard: Dashboard; period: Period }) => {
  const { t } = useTranslation();
  const rows = dashboard.children;
  const exportCsv = () =>
    saveTextFile(
      childrenCsv(rows, t),
      t('reports.dashboard.children.csvName', { scope: dashboard.scope.name, from: dashboard.from, to: dashboard.to }),
    );
  return (
    <Card
      size="small"
      className="dash-card dash-children"
      title={t('reports.dashboard.children.title')}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={exportCsv}
          disabled={rows.length === 0}
          className="no-print"
          data-testid="dashboard-children-export"
        >
          {t('reports.exportCsv')}
        </Button>
      }
    >
      <div data-testid="dashboard-children">
        <Table<DashboardChild>
          size="small"
          rowKey="id"
          dataSource={rows}
          columns={columnsOf(t, period)}
          pagination={false}
          showSorterTooltip={false}
          locale={{ emptyText: t('reports.dashboard.children.empty') }}
          onRow={(c) => ({ 'data-testid': `child-row-${c.id}` }) as HTMLAttributes<HTMLElement>}
        />
      </div>
    </Card>
  );
};
