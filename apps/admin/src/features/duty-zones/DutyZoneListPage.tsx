import { type DutyZone, DutyZoneKindSchema } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Form, Select, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DutyZoneListQuery, dutyZonesApi } from '../../api/dutyZones.ts';
import { CreateButton } from '../../components/CreateButton.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { SearchField, trimSearch } from '../../components/SearchField.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { viewEditColumn } from '../../components/ViewEditAction.tsx';
import { DutyZoneCreateModal } from './DutyZoneCreateModal.tsx';
import { DutyZoneDetailDrawer, GeometrySummary } from './DutyZoneDetailDrawer.tsx';
import type { Geometry } from './geometry.ts';

type Filters = Omit<DutyZoneListQuery, 'cursor' | 'limit'>;

export const DutyZoneListPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const { paging, query } = useListQuery('duty-zones', filters, dutyZonesApi.list);

  const columns: TableColumnsType<DutyZone> = [
    {
      title: t('dutyZone.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (k: DutyZone['kind']) => (
        <Tag color={k === 'river' ? 'blue' : 'orange'}>{t(`common.enum.dutyZoneKind.${k}`)}</Tag>
      ),
    },
    { title: t('dutyZone.name'), dataIndex: 'name', width: 220 },
    { title: t('dutyZone.holder'), dataIndex: 'holderOrgName', width: 240, ellipsis: true },
    {
      title: t('dutyZone.description'),
      dataIndex: 'description',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('dutyZone.geometry'),
      dataIndex: 'geometry',
      width: 150,
      render: (g: Geometry | null) => <GeometrySummary geometry={g} />,
    },
    viewEditColumn(t, { permission: 'org.write', onView: setViewing, testId: 'duty-zone-view' }),
  ];

  return (
    <PageContainer
      title={t('dutyZone.title')}
      extra={
        <CreateButton permission="org.write" onClick={() => setCreating(true)} data-testid="duty-zone-create">
          {t('dutyZone.create')}
        </CreateButton>
      }
    >
      <FilterBar<Filters> onSearch={(v) => setFilters(trimSearch(v))} onReset={() => setFilters({})}>
        <SearchField placeholder={t('dutyZone.q')} width={200} />
        <Form.Item name="kind">
          <Select
            allowClear
            placeholder={t('dutyZone.kind')}
            style={{ width: 120 }}
            options={DutyZoneKindSchema.options.map((k) => ({ value: k, label: t(`common.enum.dutyZoneKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="holderOrgId">
          <OrgTreeSelect
            allowClear
            placeholder={t('dutyZone.holder')}
            style={{ width: 260 }}
            selectable={(u) => u.sector === 'organ'}
          />
        </Form.Item>
      </FilterBar>
      <ListTable<DutyZone> rowKey="id" query={query} paging={paging} columns={columns} />
      <DutyZoneCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void queryClient.invalidateQueries({ queryKey: ['duty-zones'] })}
      />
      <DutyZoneDetailDrawer id={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
};
