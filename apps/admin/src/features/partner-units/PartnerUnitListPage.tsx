import { useQueryClient } from '@tanstack/react-query';
import { Form, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PartnerUnit, type PartnerUnitListQuery, partnerUnitsApi } from '../../api/partnerUnits.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { SearchField, trimSearch } from '../../components/SearchField.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { viewEditColumn } from '../../components/ViewEditAction.tsx';
import { LinkedCompoundTags } from './LinkedCompoundTags.tsx';
import { PartnerUnitCreateModal } from './PartnerUnitCreateModal.tsx';
import { PartnerUnitDetailDrawer } from './PartnerUnitDetailDrawer.tsx';

type Filters = Omit<PartnerUnitListQuery, 'cursor' | 'limit'>;

export const PartnerUnitListPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const { paging, query } = useListQuery('partner-units', filters, partnerUnitsApi.list);

  const columns: TableColumnsType<PartnerUnit> = [
    { title: t('partnerUnit.name'), dataIndex: 'name', width: 260 },
    {
      title: t('partnerUnit.contactName'),
      dataIndex: 'contactName',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('partnerUnit.contactPhone'),
      dataIndex: 'contactPhoneMasked',
      width: 140,
      render: (v: string | null) => (v ? <span className="mono">{v}</span> : '—'),
    },
    {
      title: t('partnerUnit.resources'),
      dataIndex: 'resources',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('partnerUnit.compounds'),
      dataIndex: 'compoundIds',
      width: 280,
      render: (ids: string[]) => <LinkedCompoundTags ids={ids} max={3} />,
    },
    viewEditColumn(t, { permission: 'org.write', onView: setViewing, testId: 'partner-unit-view' }),
  ];

  return (
    <PageContainer
      title={t('partnerUnit.title')}
      extra={
        <CreateButton permission="org.write" onClick={() => setCreating(true)} data-testid="partner-unit-create">
          {t('partnerUnit.create')}
        </CreateButton>
      }
    >
      <FilterBar<Filters> onSearch={(v) => setFilters(trimSearch(v))} onReset={() => setFilters({})}>
        <SearchField placeholder={t('partnerUnit.q')} />
        <Form.Item name="compoundId">
          <CompoundSelect allowClear placeholder={t('partnerUnit.compounds')} style={{ width: 240 }} />
        </Form.Item>
      </FilterBar>
      <ListTable<PartnerUnit> rowKey="id" query={query} paging={paging} columns={columns} />
      <PartnerUnitCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void queryClient.invalidateQueries({ queryKey: ['partner-units'] })}
      />
      <PartnerUnitDetailDrawer id={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
};
