import type { Dashboard } from '@linli/contracts';
import { Card, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  byCategoryHeight,
  byCategoryOption,
  byMonthOption,
  byStatusOption,
  coverageOption,
  mediationOption,
  statusRows,
} from './chartOptions.ts';
import type { Period } from './dashboardUrl.ts';
import { Chart, type ChartOption, type PrintSpan } from './echarts.tsx';
import { RankingCard } from './RankingCard.tsx';

type ChartCardProps = {
  name: string;
  title: string;
  area: string;
  height: number;
  printSpan: PrintSpan;
  /** Nothing to draw: the card says so instead of showing empty axes. */
  isEmpty: boolean;
  option: () => ChartOption;
  extra?: ReactNode;
};

const ChartCard = ({ name, title, area, height, printSpan, isEmpty, option, extra }: ChartCardProps) => {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} extra={extra} className={`dash-card dash-area-${area}`}>
      {isEmpty ? (
        <div style={{ height, display: 'grid', placeItems: 'center' }} data-testid={`chart-${name}`}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.dashboard.charts.empty')} />
        </div>
      ) : (
        <Chart option={option()} height={height} printSpan={printSpan} testId={`chart-${name}`} />
      )}
    </Card>
  );
};

/** The charts and the monthly rankings, in one grid: two charts a row on screen, arranged for A4 on paper. */
export const DashboardCharts = ({ dashboard: d, period }: { dashboard: Dashboard; period: Period }) => {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const { civic } = d;
  const statusTotal = statusRows(d).reduce((s, r) => s + r.count, 0);
  return (
    <div className="dash-chart-grid">
      <ChartCard
        name="by-month"
        area="trend"
        title={t('reports.dashboard.charts.byMonth')}
        height={300}
        printSpan="full"
        isEmpty={civic.byMonth.length === 0}
        option={() => byMonthOption(d, t, language)}
      />
      <ChartCard
        name="by-status"
        area="status"
        title={t('reports.dashboard.charts.byStatus')}
        extra={
          statusTotal > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reports.dashboard.charts.total', { n: statusTotal })}
            </Typography.Text>
          )
        }
        height={300}
        printSpan="half"
        isEmpty={statusTotal === 0}
        option={() => byStatusOption(d, t)}
      />
      <ChartCard
        name="by-category"
        area="category"
        title={t('reports.dashboard.charts.byCategory')}
        height={byCategoryHeight(d)}
        printSpan="half"
        isEmpty={civic.byRootCategory.every((c) => c.received === 0 && c.closed === 0)}
        option={() => byCategoryOption(d, t)}
      />
      <ChartCard
        name="coverage"
        area="coverage"
        title={t('reports.dashboard.charts.coverage')}
        height={280}
        printSpan="half"
        isEmpty={d.coverage.every((c) => c.total === 0)}
        option={() => coverageOption(d, t)}
      />
      <ChartCard
        name="mediation"
        area="mediation"
        title={t('reports.dashboard.charts.mediation')}
        extra={
          civic.mediation.total > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reports.dashboard.charts.total', { n: civic.mediation.total })}
            </Typography.Text>
          )
        }
        height={280}
        printSpan="half"
        isEmpty={civic.mediation.total === 0}
        option={() => mediationOption(d, t)}
      />
      <RankingCard dashboard={d} level="compounds" period={period} className="dash-area-rank-compounds" />
      <RankingCard dashboard={d} level="units" period={period} className="dash-area-rank-units" />
    </div>
  );
};
