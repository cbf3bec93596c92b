import type { HouseholdVisit } from '@linli/contracts';
import { Button, DatePicker, Form, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type HouseholdVisitListQuery, householdsApi } from '../../api/households.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { rowTestId } from '../members/rowTestId.ts';
import { HouseholdDetailDrawer } from './HouseholdDetailDrawer.tsx';
import { visitColumns } from './HouseholdPanels.tsx';

type Filters = Omit<HouseholdVisitListQuery, 'cursor' | 'limit'>;
type FormValues = Pick<Filters, 'compoundId' | 'followUp'> & { range?: [Dayjs | null, Dayjs | null] | null };

const toFilters = (v: FormValues): Filters => ({
  compoundId: v.compoundId,
  followUp: v.followUp,
  from: v.range?.[0]?.format('YYYY-MM-DD'),
  to: v.range?.[1]?.format('YYYY-MM-DD'),
});

/** 走访记录: visits to households, newest first; those needing follow-up can be picked out. */
export const HouseholdVisitListPage = () => {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const householdId = params.get('householdId') ?? undefined;
  const [formFilters, setFormFilters] = useState<Filters>({});
  const [viewing, setViewing] = useState<string | null>(null);
  const filters: Filters = { ...formFilters, householdId };
  const { paging, query } = useListQuery('household-visits', filters, householdsApi.listVisits);
  const first = query.data?.items[0];
  const householdLabel = householdId && first?.householdId === householdId ? first.householdLabel : undefined;

  const columns = [
    ...visitColumns(t, true),
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, v: HouseholdVisit) => (
        <Button size="small" type="link" onClick={() => setViewing(v.householdId)} data-testid="visit-household-open">
          {t('household.visit.openHousehold')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer title={t('household.visit.title')} subTitle={t('household.visit.subTitle')}>
      <FilterBar<FormValues>
        onSearch={(v) => setFormFilters(toFilters(v))}
        onReset={() => {
          setFormFilters({});
          if (householdId) setParams({}, { replace: true });
        }}
      >
        {householdId && (
          <Form.Item>
            <Tag
              closable
              onClose={() => setParams({}, { replace: true })}
              color="blue"
              data-testid="visit-household-filter"
            >
              {t('household.visit.onlyHousehold', { label: householdLabel ?? t('household.visit.thisHousehold') })}
            </Tag>
          </Form.Item>
        )}
        <Form.Item name="compoundId">
          <CompoundSelect allowClear placeholder={t('household.compound')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="followUp">
          <Select
            allowClear
            placeholder={t('household.visit.followUpFilter')}
            style={{ width: 140 }}
            data-testid="visit-follow-up-filter"
            options={[
              { value: 'true', label: t('household.visit.needsFollowUp') },
              { value: 'false', label: t('household.visit.noFollowUp') },
            ]}
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            placeholder={[t('household.visit.from'), t('household.visit.to')]}
            style={{ width: 250 }}
          />
        </Form.Item>
      </FilterBar>
      <ListTable<HouseholdVisit>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        onRow={rowTestId('visit-row')}
      />
      <HouseholdDetailDrawer id={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
};
