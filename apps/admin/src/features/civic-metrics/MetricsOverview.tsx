import type { MetricsQuery } from '@linli/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civicMetricsApi, METRICS_KEY } from '../../api/civicSettings.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { KpiCards } from './KpiCards.tsx';
import { ByCategoryChart, ByMonthTable, ByStatusChart } from './MetricsCharts.tsx';
import { type MetricsScope, type Period, PeriodPicker, presetPeriod, ScopePicker } from './MetricsFilters.tsx';

const queryOf = (scope: MetricsScope, period: Period): MetricsQuery => ({
  from: period.from,
  to: period.to,
  ...(scope.kind === 'org' && scope.id ? { orgId: scope.id } : {}),
  ...(scope.kind === 'compound' && scope.id ? { compoundId: scope.id } : {}),
});

/** 统计: KPI cards and the breakdowns by category, status and month for a scope and period. */
export const MetricsOverview = () => {
  const { t } = useTranslation();
  const [scope, setScope] = useState<MetricsScope>({ kind: 'mine' });
  const [period, setPeriod] = useState<Period>(() => presetPeriod('last12'));
  const query = queryOf(scope, period);
  const metrics = useQuery({
    queryKey: [METRICS_KEY, query],
    queryFn: () => civicMetricsApi.metrics(query),
    placeholderData: keepPreviousData,
  });
  const m = metrics.data;

  return (
    <Flex vertical gap={16} className="metrics-page">
      <Card size="small" className="filter-card no-print" style={{ marginBottom: 0 }}>
        <Flex gap={24} wrap>
          <ScopePicker value={scope} onChange={setScope} />
          <PeriodPicker value={period} onChange={setPeriod} />
        </Flex>
      </Card>
      {m && (
        <Typography.Title level={5} style={{ margin: 0 }} data-testid="metrics-scope-line">
          {t('civicMetrics.scopeLine', { scope: m.scope.name, from: m.from, to: m.to })}
        </Typography.Title>
      )}
      {metrics.isError && <ErrorState error={metrics.error} onRetry={() => void metrics.refetch()} />}
      {!m && metrics.isPending && (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      )}
      {m && (
        <Flex vertical gap={16} style={{ opacity: metrics.isFetching ? 0.6 : 1, transition: 'opacity 0.2s' }}>
          <KpiCards metrics={m} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <ByCategoryChart metrics={m} />
            </Col>
            <Col xs={24} xl={10}>
              <ByStatusChart metrics={m} />
            </Col>
          </Row>
          <ByMonthTable metrics={m} />
        </Flex>
      )}
    </Flex>
  );
};
