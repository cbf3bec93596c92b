import { FileWordOutlined, PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/http.ts';
import { dashboardApi, dashboardKey } from '../../api/reports.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ZONE } from '../../components/time.ts';
import { ChildrenTable } from './ChildrenTable.tsx';
import { DashboardCharts } from './DashboardCharts.tsx';
import { DashboardError, DashboardSkeleton } from './DashboardStates.tsx';
import { DashboardToolbar } from './DashboardToolbar.tsx';
import { type Period, readDashboardState, scopeQuery, searchOf, workReportHref } from './dashboardUrl.ts';
import { KpiPanels } from './KpiPanels.tsx';
import './dashboard.css';
import './print.css';

/**
 * `/dashboard`: 驾驶舱 — the headline figures, charts, monthly rankings and the next level down of one scope over a
 * period. The URL holds scope and period, so a drill-down is a link and the back button goes back up.
 */
export const DashboardPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = readDashboardState(params);
  const query = scopeQuery(state);
  const period: Period = { from: state.from, to: state.to };
  const urlScope = state.compoundId
    ? { kind: 'compound' as const, id: state.compoundId }
    : state.orgId
      ? { kind: 'org' as const, id: state.orgId }
      : null;
  const dashboard = useQuery({
    queryKey: dashboardKey(query),
    queryFn: () => dashboardApi.get(query),
    placeholderData: keepPreviousData,
    // A refusal (403 outside the caller's area, 400 a bad period) is final; a network or server error gets one retry.
    retry: (failures, error) => failures < 1 && !(isApiError(error) && error.status < 500 && error.status > 0),
  });
  const d = dashboard.data;
  // The answer for another scope stays on screen (dimmed) while this one loads; the breadcrumb is the new one's.
  const shownScope = d?.scope ?? urlScope;
  const reportHref = workReportHref(shownScope, period);
  const setPeriod = (next: Period) => setParams(new URLSearchParams(searchOf(urlScope, next)));

  return (
    <PageContainer
      title={t('reports.dashboard.title')}
      subTitle={
        d ? (
          <span data-testid="dashboard-scope-line">
            {t('reports.scopeLine', { scope: d.scope.name, from: d.from, to: d.to })}
            {dashboard.dataUpdatedAt > 0 && (
              <span className="dash-updated">
                {t('reports.generatedAt', { time: dayjs(dashboard.dataUpdatedAt).tz(ZONE).format('HH:mm') })}
              </span>
            )}
          </span>
        ) : (
          t('reports.dashboard.subTitle')
        )
      }
      extra={
        <Flex gap={8} className="no-print">
          <Button
            icon={<ReloadOutlined />}
            loading={dashboard.isFetching}
            onClick={() => void dashboard.refetch()}
            data-testid="dashboard-refresh"
          >
            {t('reports.refresh')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!d} data-testid="dashboard-print">
            {t('reports.print')}
          </Button>
          <Button
            type="primary"
            icon={<FileWordOutlined />}
            href={reportHref}
            onClick={(e) => {
              e.preventDefault();
              navigate(reportHref);
            }}
            data-testid="dashboard-generate-report"
          >
            {t('reports.dashboard.generateReport')}
          </Button>
        </Flex>
      }
    >
      <div className="dash-page" data-testid="dashboard-page">
        {d && (
          <div className="dash-print-title">
            <Typography.Title level={3}>
              {t('reports.dashboard.printTitle', { scope: d.scope.name, from: d.from, to: d.to })}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('reports.dashboard.printedAt', { time: dayjs().tz(ZONE).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          </div>
        )}
        <DashboardToolbar
          breadcrumb={d?.breadcrumb ?? []}
          scope={urlScope}
          scopeName={d && d.scope.kind === 'compound' ? d.scope.name : undefined}
          period={period}
          onPeriod={setPeriod}
        />
        {dashboard.isError && !dashboard.isFetching ? (
          <DashboardError error={dashboard.error} period={period} onRetry={() => void dashboard.refetch()} />
        ) : !d ? (
          <DashboardSkeleton />
        ) : (
          <div className={`dash-body${dashboard.isPlaceholderData ? ' dash-stale' : ''}`}>
            <KpiPanels dashboard={d} />
            <DashboardCharts dashboard={d} period={period} />
            {d.scope.kind === 'org' && <ChildrenTable dashboard={d} period={period} />}
          </div>
        )}
      </div>
    </PageContainer>
  );
};
