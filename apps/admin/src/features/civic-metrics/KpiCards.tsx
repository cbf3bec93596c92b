import type { Metrics } from '@linli/contracts';
import { Card, Flex, Progress, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADE_COLORS, rateText, scoreText } from './metricsFormat.ts';

type KpiName =
  | 'received'
  | 'accepted'
  | 'closed'
  | 'onTime'
  | 'overdueOpen'
  | 'response'
  | 'resolution'
  | 'satisfaction'
  | 'composite';

type KpiProps = {
  name: KpiName;
  value: ReactNode;
  note: string;
  /** A rate's bar (0…1); left out for counts and for a rate without data. */
  rate?: number | null;
  danger?: boolean;
};

const Kpi = ({ name, value, note, rate, danger }: KpiProps) => {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={`metrics-kpi-${name}`} styles={{ body: { padding: '12px 16px' } }}>
      <Flex vertical gap={4}>
        <Typography.Text type="secondary">{t(`civicMetrics.kpi.${name}`)}</Typography.Text>
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
};

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

/** The composite score with its grade, or 暂无数据 in a quieter type. */
const CompositeValue = ({ metrics }: { metrics: Metrics }) => {
  const { t } = useTranslation();
  const { compositeScore, grade } = metrics.rates;
  if (compositeScore === null) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 20 }}>
        {scoreText(null, t)}
      </Typography.Text>
    );
  }
  return (
    <Flex gap={8} align="center">
      <span>{scoreText(compositeScore, t)}</span>
      {grade && (
        <Tag color={GRADE_COLORS[grade]} style={{ fontSize: 16, lineHeight: '24px', padding: '0 10px' }}>
          {grade}
        </Tag>
      )}
    </Flex>
  );
};

/** A rate's card: its value and bar come from the same rate. */
const rateKpi = (name: KpiName, rate: number | null, note: string): KpiProps => ({
  name,
  value: <RateValue rate={rate} />,
  rate,
  note,
});

/** The period's counts, 三率, on-time closure rate and composite score with its grade. */
export const KpiCards = ({ metrics }: { metrics: Metrics }) => {
  const { t } = useTranslation();
  const { counts: c, rates: r } = metrics;
  const cards: KpiProps[] = [
    {
      name: 'received',
      value: c.received,
      note: t('civicMetrics.kpiNote.received', { voided: c.voided, excluded: c.excluded }),
    },
    { name: 'accepted', value: c.accepted, note: t('civicMetrics.kpiNote.accepted', { dispatched: c.dispatched }) },
    {
      name: 'closed',
      value: c.closed,
      note: t('civicMetrics.kpiNote.closed', { resolved: c.closedResolved, rework: c.rework }),
    },
    rateKpi(
      'onTime',
      r.onTimeClosureRate,
      t('civicMetrics.kpiNote.onTime', { onTime: c.closedOnTime, closed: c.closed }),
    ),
    {
      name: 'overdueOpen',
      value: c.overdueOpen,
      danger: c.overdueOpen > 0,
      note: t('civicMetrics.kpiNote.overdueOpen', { extensions: c.extensions, deferrals: c.deferrals }),
    },
    rateKpi(
      'response',
      r.responseRate,
      t('civicMetrics.kpiNote.response', { responded: c.responded, dispatched: c.dispatched }),
    ),
    rateKpi(
      'resolution',
      r.resolutionRate,
      t('civicMetrics.kpiNote.resolution', { resolved: c.ratedResolved, rated: c.rated }),
    ),
    rateKpi(
      'satisfaction',
      r.satisfactionRate,
      t('civicMetrics.kpiNote.satisfaction', {
        satisfied: c.satisfied,
        basic: c.basicallySatisfied,
        dissatisfied: c.dissatisfied,
      }),
    ),
    {
      name: 'composite',
      value: <CompositeValue metrics={metrics} />,
      rate: r.compositeScore === null ? null : r.compositeScore / 100,
      note: t('civicMetrics.kpiNote.composite', { grade: r.grade ?? t('civicMetrics.gradeNone') }),
    },
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 12 }}>
      {cards.map((card) => (
        <Kpi key={card.name} {...card} />
      ))}
    </div>
  );
};
