import { useQuery } from '@tanstack/react-query';
import { DatePicker, Flex, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { compoundDetailKey, compoundsApi } from '../../api/compounds.ts';
import { orgApi } from '../../api/organisation.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import {
  PERIOD_PRESETS,
  type PeriodPreset,
  periodProblem,
  presetPeriod,
  type ReportPeriod,
  type ReportScope,
} from './scopePeriod.ts';

const DATE = 'YYYY-MM-DD';

/** The name of a scope that came in the URL (the cockpit links with an id), so the picker shows it, not the id. */
const useScopeName = (scope: ReportScope): string | undefined => {
  const orgId = scope.kind === 'org' ? scope.id : undefined;
  const compoundId = scope.kind === 'compound' ? scope.id : undefined;
  const org = useQuery({
    queryKey: ['org-units', 'detail', orgId],
    queryFn: () => orgApi.get(orgId ?? ''),
    enabled: Boolean(orgId),
    staleTime: 60_000,
  });
  const compound = useQuery({
    queryKey: compoundDetailKey(compoundId ?? ''),
    queryFn: () => compoundsApi.get(compoundId ?? ''),
    enabled: Boolean(compoundId),
    staleTime: 60_000,
  });
  return orgId ? org.data?.name : compoundId ? compound.data?.name : undefined;
};

type ScopeProps = {
  value: ReportScope;
  onChange: (scope: ReportScope) => void;
  /** Marks an "org"/"compound" choice still waiting for its pick. */
  showMissing?: boolean;
  'data-testid'?: string;
};

/** 统计范围: the caller's whole area, an org node from the tree, or a compound by name. */
export const ScopeField = ({ value, onChange, showMissing, ...rest }: ScopeProps) => {
  const { t } = useTranslation();
  const name = useScopeName(value);
  const missing = showMissing && value.kind !== 'mine' && !value.id;
  const testId = rest['data-testid'] ?? 'report-scope';
  return (
    <Flex gap={8} align="center" wrap data-testid={testId}>
      <Segmented<ReportScope['kind']>
        value={value.kind}
        onChange={(kind) => onChange({ kind })}
        options={[
          { value: 'mine', label: t('reports.scopeDefault') },
          { value: 'org', label: t('reports.scopeKind.org') },
          { value: 'compound', label: t('reports.scopeKind.compound') },
        ]}
        data-testid={`${testId}-kind`}
      />
      {value.kind === 'org' && (
        <OrgTreeSelect
          value={value.id}
          onChange={(id) => onChange({ kind: 'org', ...(id ? { id } : {}) })}
          placeholder={t('reports.pickOrg')}
          knownLabels={value.id && name ? { [value.id]: name } : undefined}
          style={{ width: 280 }}
          data-testid={`${testId}-org`}
        />
      )}
      {value.kind === 'compound' && (
        <CompoundSelect
          value={value.id}
          onChange={(id) => onChange({ kind: 'compound', ...(id ? { id } : {}) })}
          placeholder={t('reports.pickCompound')}
          knownOptions={value.id && name ? [{ value: value.id, label: name }] : undefined}
          style={{ width: 280 }}
          data-testid={`${testId}-compound`}
        />
      )}
      {missing && (
        <Typography.Text type="danger">
          {value.kind === 'org' ? t('reports.scopeMissing.org') : t('reports.scopeMissing.compound')}
        </Typography.Text>
      )}
    </Flex>
  );
};

type PeriodProps = {
  value: ReportPeriod;
  onChange: (period: ReportPeriod) => void;
  'data-testid'?: string;
};

/** 统计时段: 上月 / 本季度 / 今年 / 去年, or any range of days (自定义). */
export const PeriodField = ({ value, onChange, ...rest }: PeriodProps) => {
  const { t } = useTranslation();
  const testId = rest['data-testid'] ?? 'report-period';
  const problem = periodProblem(value);
  return (
    <Flex gap={8} align="center" wrap data-testid={testId}>
      <Segmented<PeriodPreset | 'custom'>
        value={value.preset ?? 'custom'}
        onChange={(p) => onChange(p === 'custom' ? { ...value, preset: null } : presetPeriod(p))}
        options={[
          ...PERIOD_PRESETS.map((p) => ({ value: p, label: t(`reports.presets.${p}`) })),
          { value: 'custom' as const, label: t('reports.presets.custom') },
        ]}
        data-testid={`${testId}-preset`}
      />
      <DatePicker.RangePicker
        value={[dayjs(value.from), dayjs(value.to)]}
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
        onChange={(range) => {
          const [from, to] = range ?? [];
          if (from && to) onChange({ from: from.format(DATE), to: to.format(DATE), preset: null });
        }}
        style={{ width: 260 }}
        data-testid={`${testId}-range`}
      />
      {problem && <Typography.Text type="danger">{t(`reports.periodProblem.${problem}`)}</Typography.Text>}
    </Flex>
  );
};
