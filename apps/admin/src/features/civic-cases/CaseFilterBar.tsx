import {
  CIVIC_CASE_KINDS,
  CIVIC_CASE_STATUSES,
  type CivicCaseStatus,
  INTAKE_CHANNELS,
  URGENCIES,
} from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CivicCaseFilters } from '../../api/civicCases.ts';
import { compoundsApi } from '../../api/compounds.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FilterActions } from '../../components/FilterActions.tsx';
import { SearchField } from '../../components/SearchField.tsx';
import { CategoryTreeSelect } from './CategoryTreeSelect.tsx';
import { parseStatuses } from './useCaseFilters.ts';

type Values = {
  q?: string;
  status?: CivicCaseStatus[];
  categoryId?: string;
  urgency?: CivicCaseFilters['urgency'];
  channel?: CivicCaseFilters['channel'];
  kind?: CivicCaseFilters['kind'];
  compoundId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  overdue?: boolean;
  sort?: string;
};

const SORTS = ['deadline_asc', 'deadline_desc', 'created_desc', 'created_asc', 'updated_desc', 'updated_asc'] as const;

const toValues = (f: CivicCaseFilters): Values => ({
  q: f.q,
  status: parseStatuses(f.status),
  categoryId: f.categoryId,
  urgency: f.urgency,
  channel: f.channel,
  kind: f.kind,
  compoundId: f.compoundId,
  range: f.from || f.to ? [f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null] : null,
  overdue: f.overdue === 'true',
  sort: `${f.sort ?? 'created'}_${f.order ?? 'desc'}`,
});

/** The form's values as the list's filters; what the form does not hold (view, unit, grid, org) is kept. */
const toFilters = (v: Values, base: CivicCaseFilters): CivicCaseFilters => {
  const [sort, order] = (v.sort ?? 'created_desc').split('_');
  return {
    ...base,
    q: v.q?.trim() || undefined,
    status: v.status && v.status.length > 0 ? v.status.join(',') : undefined,
    categoryId: v.categoryId,
    urgency: v.urgency,
    channel: v.channel,
    kind: v.kind,
    compoundId: v.compoundId,
    from: v.range?.[0]?.format('YYYY-MM-DD'),
    to: v.range?.[1]?.format('YYYY-MM-DD'),
    overdue: v.overdue ? 'true' : undefined,
    sort: sort === 'deadline' || sort === 'updated' ? sort : 'created',
    order: order === 'asc' ? 'asc' : 'desc',
  };
};

type Props = { filters: CivicCaseFilters; onChange: (f: CivicCaseFilters) => void };

/** The case centre's filter row: every select applies at once; the search box applies on 查询 or Enter. */
export const CaseFilterBar = ({ filters, onChange }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const compoundName = useQuery({
    queryKey: ['filter-names', 'compound', filters.compoundId],
    queryFn: async () => (await compoundsApi.get(filters.compoundId ?? '')).name,
    enabled: !!filters.compoundId,
    staleTime: 5 * 60_000,
    retry: false,
  });
  const apply = () => onChange(toFilters(form.getFieldsValue(), filters));
  useEffect(() => {
    form.setFieldsValue(toValues(filters));
  }, [form, filters]);
  const options = <K extends string>(values: readonly K[], label: (v: K) => string) =>
    values.map((v) => ({ value: v, label: label(v) }));
  const select = (
    name: 'urgency' | 'channel' | 'kind',
    placeholder: string,
    opts: { value: string; label: string }[],
  ) => (
    <Form.Item name={name}>
      <Select
        allowClear
        placeholder={placeholder}
        style={{ width: name === 'channel' ? 150 : 120 }}
        options={opts}
        onChange={apply}
        data-testid={`civic-case-filter-${name}`}
      />
    </Form.Item>
  );
  return (
    <Card size="small" className="filter-card">
      <Form<Values> form={form} layout="inline" initialValues={toValues(filters)} onFinish={apply}>
        <SearchField placeholder={t('civic.centre.q')} width={240} />
        <Form.Item name="status">
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('civic.centre.filters.status')}
            style={{ width: 240 }}
            options={options(CIVIC_CASE_STATUSES, (v) => t(`civic.status.${v}`))}
            onChange={apply}
            data-testid="civic-case-filter-status"
          />
        </Form.Item>
        <Form.Item name="categoryId">
          <CategoryTreeSelect
            allowClear
            placeholder={t('civic.centre.filters.category')}
            style={{ width: 180 }}
            onChange={apply}
            data-testid="civic-case-filter-category"
          />
        </Form.Item>
        {select(
          'urgency',
          t('civic.centre.filters.urgency'),
          options(URGENCIES, (v) => t(`civic.urgency.${v}`)),
        )}
        {select(
          'channel',
          t('civic.centre.filters.channel'),
          options(INTAKE_CHANNELS, (v) => t(`civic.channel.${v}`)),
        )}
        {select(
          'kind',
          t('civic.centre.filters.kind'),
          options(CIVIC_CASE_KINDS, (v) => t(`civic.kind.${v}`)),
        )}
        <Form.Item name="compoundId">
          <CompoundSelect
            allowClear
            placeholder={t('civic.centre.filters.compound')}
            style={{ width: 200 }}
            knownOptions={
              filters.compoundId && compoundName.data ? [{ value: filters.compoundId, label: compoundName.data }] : []
            }
            onChange={apply}
            data-testid="civic-case-filter-compound"
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t('civic.centre.filters.from'), t('civic.centre.filters.to')]}
            style={{ width: 250 }}
            onChange={apply}
            data-testid="civic-case-filter-received"
          />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox onChange={apply} data-testid="civic-case-filter-overdue">
            {t('civic.centre.filters.overdue')}
          </Checkbox>
        </Form.Item>
        <Form.Item name="sort">
          <Select
            style={{ width: 190 }}
            options={SORTS.map((s) => ({ value: s, label: t(`civic.centre.sort.${s}`) }))}
            onChange={apply}
            data-testid="civic-case-filter-sort"
          />
        </Form.Item>
        <FilterActions
          onReset={() => {
            form.setFieldsValue(toValues({ sort: 'created', order: 'desc' }));
            onChange({ view: filters.view, sort: 'created', order: 'desc' });
          }}
        />
      </Form>
    </Card>
  );
};
