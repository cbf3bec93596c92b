import type { ReportScopeRef } from '@linli/contracts';
import { Breadcrumb, Card, DatePicker, Flex, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import {
  dashboardHref,
  PERIOD_PRESETS,
  type Period,
  type PeriodPreset,
  presetOf,
  presetPeriod,
} from './dashboardUrl.ts';

type Props = {
  /** The breadcrumb of the last answer; empty while the first one loads. */
  breadcrumb: ReportScopeRef[];
  /** The scope the URL names (null: the caller's widest). */
  scope: Pick<ReportScopeRef, 'kind' | 'id'> | null;
  /** The compound's name when the scope is one, so the search box shows it instead of its id. */
  scopeName: string | undefined;
  period: Period;
  onPeriod: (period: Period) => void;
};

/** 层级 (every step a link to its cockpit), 统计时段 (presets or any days) and a jump to a compound by name. */
export const DashboardToolbar = ({ breadcrumb, scope, scopeName, period, onPeriod }: Props) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const preset = presetOf(period);
  // 自定义 opens the range picker; the period changes once both days are picked.
  const [picking, setPicking] = useState(false);
  return (
    <Card size="small" className="dash-toolbar no-print">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ flex: 'none' }}>
            {t('reports.breadcrumb')}
          </Typography.Text>
          <Breadcrumb
            data-testid="dashboard-breadcrumb"
            items={breadcrumb.map((step, i) => ({
              key: step.id,
              title: (
                <Link
                  to={dashboardHref(step, period)}
                  className={i === breadcrumb.length - 1 ? 'dash-crumb-current' : undefined}
                  data-testid={`dashboard-crumb-${step.id}`}
                >
                  {step.name}
                </Link>
              ),
            }))}
          />
        </Flex>
        <Flex align="center" gap={8} wrap data-testid="dashboard-period">
          <Typography.Text type="secondary">{t('reports.period')}</Typography.Text>
          <Segmented<PeriodPreset | 'custom'>
            value={preset ?? 'custom'}
            onChange={(p) => (p === 'custom' ? setPicking(true) : onPeriod(presetPeriod(p)))}
            options={[
              ...PERIOD_PRESETS.map((p) => ({ value: p, label: t(`reports.presets.${p}`) })),
              { value: 'custom' as const, label: t('reports.presets.custom') },
            ]}
            data-testid="dashboard-period-preset"
          />
          <DatePicker.RangePicker
            value={[dayjs(period.from), dayjs(period.to)]}
            allowClear={false}
            open={picking}
            onOpenChange={setPicking}
            onChange={(range) => {
              const [from, to] = range ?? [];
              if (from && to) onPeriod({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
            }}
            style={{ width: 250 }}
            data-testid="dashboard-period-range"
          />
          <CompoundSelect
            value={scope?.kind === 'compound' ? scope.id : undefined}
            onChange={(id) => id && navigate(dashboardHref({ kind: 'compound', id }, period))}
            knownOptions={scope?.kind === 'compound' && scopeName ? [{ value: scope.id, label: scopeName }] : []}
            placeholder={t('reports.pickCompound')}
            style={{ width: 200 }}
            data-testid="dashboard-compound-search"
          />
        </Flex>
      </Flex>
    </Card>
  );
};
