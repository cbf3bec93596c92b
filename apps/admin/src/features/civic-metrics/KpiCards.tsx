import type { Metrics } from '@linli/contracts';
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADE_COLORS, rateText, scoreText } from './metricsFormat.ts';

type KpiProps = {
  name: string;
  title: string;
  value: ReactNode;
  note: string;
  /** A rate's bar (0…1); left out for counts and for a rate without data. */
  rate?: number | null;
  danger?: boolean;
};

const Kpi = ({ name, title, value, note, rate, danger }: KpiProps) => (
  <Card size="small" data-testid={`metrics-kpi-${name}`} styles={{ body: { padding: '12px 16px' } }}>
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">{title}</Typography.Text>
      <Typography.Text
        strong
        type={danger ? 'danger' : undefined}
        style={{ fontSize: 26, lineHeight: '34px', whiteSpace: 'nowrap' }}
        data-testid={`metrics-kpi-${name}-value`}
      >
        {value}
      </Typography.Text>
      {rate != null ? (
        <Progress percent={Math.round(rate * 1000) / 10} showInfo={false} size="small" strokeColor="#a5242b" />
      ) : (
        <div style={{ height: 8 }} />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: note }}>
        {note}
      </Typography.Text>
    </Flex>
  </Card>
);

/** A rate's value: the percentage, or 暂无数据 in a quieter type (never 0 %). */
const RateValue = ({ rate }: { rate: number | null }) => {
  const { t } = useTranslation();
  if (rate === null) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 20 }}>
        {t('civicMetrics.noData')}
      </Typography.Text>
    );
  }
  return <>{rateText(rate, t)}</>;
};

/** The period's counts, 三率, on-time closure rate and composite score with its grade. */
export const KpiCards = ({ metrics }: { metrics: Metrics }) => {
  const { t } = useTranslation();
  const { counts: c, rates: r } = metrics;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 12 }}>
      <Kpi
        name="received"
        title={t('civicMetrics.kpi.received')}
        value={c.received}
        note={t('civicMetrics.kpiNote.received', { voided: c.voided, excluded: c.excluded })}
      />
      <Kpi
        name="accepted"
        title={t('civicMetrics.kpi.accepted')}
        value={c.accepted}
        note={t('civicMetrics.kpiNote.accepted', { dispatched: c.dispatched })}
      />
      <Kpi
        name="closed"
        title={t('civicMetrics.kpi.closed')}
        value={c.closed}
        note={t('civicMetrics.kpiNote.closed', { resolved: c.closedResolved, rework: c.rework })}
      />
      <Kpi
        name="onTime"
        title={t('civicMetrics.kpi.onTime')}
        value={<RateValue rate={r.onTimeClosureRate} />}
        rate={r.onTimeClosureRate}
        note={t('civicMetrics.kpiNote.onTime', { onTime: c.closedOnTime, closed: c.closed })}
      />
      <Kpi
        name="overdueOpen"
        title={t('civicMetrics.kpi.overdueOpen')}
        value={c.overdueOpen}
        danger={c.overdueOpen > 0}
        note={t('civicMetrics.kpiNote.overdueOpen', { extensions: c.extensions, deferrals: c.deferrals })}
      />
      <Kpi
        name="response"
        title={t('civicMetrics.kpi.response')}
        value={<RateValue rate={r.responseRate} />}
        rate={r.responseRate}
        note={t('civicMetrics.kpiNote.response', { responded: c.responded, dispatched: c.dispatched })}
      />
      <Kpi
        name="resolution"
        title={t('civicMetrics.kpi.resolution')}
        value={<RateValue rate={r.resolutionRate} />}
        rate={r.resolutionRate}
        note={t('civicMetrics.kpiNote.resolution', { resolved: c.ratedResolved, rated: c.rated })}
      />
      <Kpi
        name="satisfaction"
        title={t('civicMetrics.kpi.satisfaction')}
        value={<RateValue rate={r.satisfactionRate} />}
        rate={r.satisfactionRate}
        note={t('civicMetrics.kpiNote.satisfaction', {
          satisfied: c.satisfied,
          basic: c.basicallySatisfied,
          dissatisfied: c.dissatisfied,
        })}
      />
      <Kpi
        name="composite"
        title={t('civicMetrics.kpi.composite')}
        value={
          r.compositeScore === null ? (
            <Typography.Text type="secondary" style={{ fontSize: 20 }}>
              {scoreText(null, t)}
            </Typography.Text>
          ) : (
            <Flex gap={8} align="center">
              <span>{scoreText(r.compositeScore, t)}</span>
              {r.grade && (
                <Tag color={GRADE_COLORS[r.grade]} style={{ fontSize: 16, lineHeight: '24px', padding: '0 10px' }}>
                  {r.grade}
                </Tag>
              )}
            </Flex>
          )
        }
        rate={r.compositeScore === null ? null : r.compositeScore / 100}
        note={t('civicMetrics.kpiNote.composite', { grade: r.grade ?? t('civicMetrics.gradeNone') })}
      />
    </div>
  );
};
