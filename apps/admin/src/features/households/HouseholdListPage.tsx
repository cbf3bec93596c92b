import { DownloadOutlined } from '@ant-design/icons';
import type { Household } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HouseholdListQuery, householdsApi } from '../../api/households.ts';
import { CompoundSelect, GridSelect } from '../../components/CompoundSelect.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { errorText } from '../../components/errors.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { SearchField } from '../../components/SearchField.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { viewEditColumn } from '../../components/ViewEditAction.tsx';
import { rowTestId } from '../members/rowTestId.ts';
import { HouseholdDetailDrawer } from './HouseholdDetailDrawer.tsx';
import { HouseholdCreateModal } from './HouseholdModals.tsx';

type Filters = Omit<HouseholdListQuery, 'cursor' | 'limit'>;

const cleanFilters = (v: Filters): Filters => ({
  compoundId: v.compoundId,
  gridId: v.gridId,
  building: v.building?.trim() || undefined,
  q: v.q?.trim() || undefined,
});

/** 住户: households by address with their residents, linked members and visits; CSV export of the filter. */
export const HouseholdListPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const { paging, query } = useListQuery('households', filters, householdsApi.list);
  const exporter = useMutation({
    mutationFn: () => householdsApi.export(filters, `${t('household.exportName')}-${dayjs().format('YYYYMMDD')}.csv`),
    onError: (e) => void message.error(errorText(e, t)),
  });

  const columns: TableColumnsType<Household> = [
    {
      title: t('household.address'),
      dataIndex: 'label',
      width: 200,
      render: (label: string, h) => <Typography.Link onClick={() => setViewing(h.id)}>{label}</Typography.Link>,
    },
    { title: t('household.compound'), dataIndex: 'compoundName', width: 180, ellipsis: true },
    {
      title: t('household.grid'),
      dataIndex: 'gridName',
      width: 150,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('household.residentCount'), dataIndex: 'residentCount', width: 90, align: 'right' },
    { title: t('household.linkedMemberCount'), dataIndex: 'linkedMemberCount', width: 100, align: 'right' },
    {
      title: t('household.lastVisitOn'),
      dataIndex: 'lastVisitOn',
      width: 120,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('household.neverVisited')}</Typography.Text>,
    },
    { title: t('household.note'), dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '—' },
    viewEditColumn(t, { permission: 'household.write', onView: setViewing, testId: 'household-view' }),
  ];

  return (
    <PageContainer
      title={t('household.title')}
      subTitle={t('household.subTitle')}
      extra={
        <>
          <Button
            icon={<DownloadOutlined />}
            loading={exporter.isPending}
            onClick={() => exporter.mutate()}
            data-testid="household-export"
          >
            {t('common.actions.export')}
          </Button>
          <CreateButton permission="household.write" onClick={() => setCreating(true)} data-testid="household-create">
            {t('household.create')}
          </CreateButton>
        </>
      }
    >
      <FilterBar<Filters> onSearch={(v) => setFilters(cleanFilters(v))} onReset={() => setFilters({})}>
        <SearchField placeholder={t('household.q')} width={200} />
        <Form.Item name="compoundId">
          <CompoundSelect allowClear placeholder={t('household.compound')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="gridId">
          <GridSelect allowClear placeholder={t('household.grid')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="building">
          <Input allowClear maxLength={20} placeholder={t('household.building')} style={{ width: 120 }} />
        </Form.Item>
      </FilterBar>
      <ListTable<Household>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        onRow={rowTestId('household-row')}
      />
      <HouseholdCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void queryClient.invalidateQueries({ queryKey: ['households'] })}
      />
      <HouseholdDetailDrawer id={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
};
