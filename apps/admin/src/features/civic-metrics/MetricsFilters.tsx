import { DatePicker, Flex, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { ZONE } from '../../components/time.ts';

/** The statistics scope: the caller's own (the server picks the widest), an org node, or a compound. */
export type MetricsScope = { kind: 'mine' } | { kind: 'org'; id?: string } | { kind: 'compound'; id?: string };

export const PRESETS = ['thisMonth', 'lastMonth', 'last3', 'thisYear', 'last12'] as const;
export type Preset = (typeof PRESETS)[number];
export type Period = { from: string; to: string; preset: Preset | null };

const DATE = 'YYYY-MM-DD';
const todayInShanghai = (): Dayjs => dayjs(dayjs().tz(ZONE).format(DATE));

/** A preset's days, ending today (Asia/Shanghai) or at the end of last month. */
export const presetPeriod = (preset: Preset): Period => {
  const today = todayInShanghai();
  const span = (from: Dayjs, to: Dayjs): Period => ({ from: from.format(DATE), to: to.format(DATE), preset });
  switch (preset) {
    case 'thisMonth':
      return span(today.startOf('month'), today);
    case 'lastMonth': {
      const last = today.subtract(1, 'month');
      return span(last.startOf('month'), last.endOf('month'));
    }
    case 'last3':
      return span(today.subtract(2, 'month').startOf('month'), today);
    case 'thisYear':
      return span(today.startOf('year'), today);
    case 'last12':
      return span(today.subtract(11, 'month').startOf('month'), today);
  }
};

type ScopeProps = { value: MetricsScope; onChange: (scope: MetricsScope) => void };

/** 统计范围: my scope, or an org node from the tree, or a compound by name. */
export const ScopePicker = ({ value, onChange }: ScopeProps) => {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text>{t('civicMetrics.scope')}</Typography.Text>
      <Segmented<MetricsScope['kind']>
        value={value.kind}
        onChange={(kind) => onChange({ kind })}
        options={(['mine', 'org', 'compound'] as const).map((k) => ({
          value: k,
          label: t(`civicMetrics.scopeKind.${k}`),
        }))}
        data-testid="metrics-scope-kind"
      />
      {value.kind === 'org' && (
        <OrgTreeSelect
          value={value.id}
          onChange={(id) => onChange({ kind: 'org', ...(id ? { id } : {}) })}
          placeholder={t('civicMetrics.pickOrg')}
          style={{ width: 260 }}
          data-testid="metrics-scope-org"
        />
      )}
      {value.kind === 'compound' && (
        <CompoundSelect
          value={value.id}
          onChange={(id) => onChange({ kind: 'compound', ...(id ? { id } : {}) })}
          placeholder={t('civicMetrics.pickCompound')}
          style={{ width: 260 }}
          data-testid="metrics-scope-compound"
        />
      )}
    </Flex>
  );
};

type PeriodProps = { value: Period; onChange: (period: Period) => void };

/** 统计时段: month presets, or any range of days. */
export const PeriodPicker = ({ value, onChange }: PeriodProps) => {
  const { t } = useTranslation();
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text>{t('civicMetrics.period')}</Typography.Text>
      <Segmented<Preset | 'custom'>
        value={value.preset ?? 'custom'}
        onChange={(p) => p !== 'custom' && onChange(presetPeriod(p))}
        options={PRESETS.map((p) => ({ value: p, label: t(`civicMetrics.presets.${p}`) }))}
        data-testid="metrics-preset"
      />
      <DatePicker.RangePicker
        value={[dayjs(value.from), dayjs(value.to)]}
        allowClear={false}
        onChange={(range) => {
          const [from, to] = range ?? [];
          if (from && to) onChange({ from: from.format(DATE), to: to.format(DATE), preset: null });
        }}
        style={{ width: 260 }}
        data-testid="metrics-range"
      />
    </Flex>
  );
};
