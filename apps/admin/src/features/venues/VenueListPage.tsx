import { useQueryClient } from '@tanstack/react-query';
import { Form, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Venue, type VenueListQuery, venuesApi } from '../../api/venues.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { SearchField, trimSearch } from '../../components/SearchField.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { viewEditColumn } from '../../components/ViewEditAction.tsx';
import { EquipmentTags } from './EquipmentField.tsx';
import { VenueCreateModal } from './VenueCreateModal.tsx';
import { VenueDetailDrawer } from './VenueDetailDrawer.tsx';

type Filters = Omit<VenueListQuery, 'cursor' | 'limit'>;

export const VenueListPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const { paging, query } = useListQuery('venues', filters, venuesApi.list);

  const columns: TableColumnsType<Venue> = [
    { title: t('venue.name'), dataIndex: 'name', width: 220 },
    { title: t('venue.compound'), dataIndex: 'compoundName', width: 200 },
    { title: t('venue.address'), dataIndex: 'address', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('common.fmt.withNote', { text: t('venue.area'), note: t('venue.areaUnit') }),
      dataIndex: 'areaSqm',
      width: 110,
      align: 'right',
    },
    {
      title: t('venue.equipment'),
      dataIndex: 'equipment',
      render: (items: string[]) => <EquipmentTags items={items} />,
    },
    viewEditColumn(t, { permission: 'compound.write', onView: setViewing, testId: 'venue-view' }),
  ];

  return (
    <PageContainer
      title={t('venue.title')}
      extra={
        <CreateButton permission="compound.write" onClick={() => setCreating(true)} data-testid="venue-create">
          {t('venue.create')}
        </CreateButton>
      }
    >
      <FilterBar<Filters> onSearch={(v) => setFilters(trimSearch(v))} onReset={() => setFilters({})}>
        <SearchField placeholder={t('venue.q')} />
        <Form.Item name="compoundId">
          <CompoundSelect allowClear placeholder={t('venue.compound')} style={{ width: 240 }} />
        </Form.Item>
      </FilterBar>
      <ListTable<Venue> rowKey="id" query={query} paging={paging} columns={columns} />
      <VenueCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void queryClient.invalidateQueries({ queryKey: ['venues'] })}
      />
      <VenueDetailDrawer id={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
};
