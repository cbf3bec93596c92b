import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { householdsApi } from '../../api/households.ts';

type Props = {
  compoundId: string | undefined;
  value?: string | undefined;
  onChange?: (v: string | undefined) => void;
  'data-testid'?: string;
};

/** Picks the household visit (走访) of the compound a case is raised from: the latest 50, newest first. */
export const VisitSelect = ({ compoundId, value, onChange, ...rest }: Props) => {
  const { t } = useTranslation();
  const visits = useQuery({
    queryKey: ['household-visits', 'for-case', compoundId],
    queryFn: () => householdsApi.listVisits({ compoundId, limit: 50 }),
    enabled: !!compoundId,
    staleTime: 60_000,
  });
  const options = (visits.data?.items ?? []).map((v) => ({
    value: v.id,
    label: t('civic.file.visitOption', { date: v.visitedOn, household: v.householdLabel, visitor: v.visitorName }),
    title: v.summary,
  }));
  return (
    <Select
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      disabled={!compoundId}
      loading={visits.isFetching}
      placeholder={compoundId ? t('civic.file.visitPlaceholder') : t('civic.file.visitNeedsCompound')}
      options={options}
      notFoundContent={visits.isError ? t('common.errors.loadFailed') : t('civic.file.noVisits')}
      data-testid={rest['data-testid']}
    />
  );
};
