import { EyeOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Venue, type VenueListQuery, venuesApi } from '../../api/venues.ts';
import { useSession } from '../../app/session.tsx';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useCursorPaging } from '../../components/useCursorPaging.ts';
import { EquipmentTags } from './EquipmentField.tsx';
import { VenueCreateModal } from './VenueCreateModal.tsx';
import { VenueDetailDrawer } from './VenueDetailDrawer.tsx';

type Filters = Omit<VenueListQuery, 'cursor' | 'limit'>;

export const VenueListPage = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [form] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const paging = useCursorPaging(JSON.stringify(filters));
  const query = useQuery({
    queryKey: ['venues', 'list', filters, paging.cursor, paging.limit],
    queryFn: () => venuesApi.list({ ...filters, cursor: paging.cursor, limit: paging.limit }),
    placeholderData: keepPreviousData,
  });

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
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, v) => (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          onClick={() => setViewing(v.id)}
          data-testid="venue-view"
        >
          {can('compound.write') ? t('common.actions.viewEdit') : t('common.actions.view')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('venue.title')}
      extra={
        can('compound.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="venue-create">
            {t('venue.create')}
          </Button>
        )
      }
    >
      <FilterBar
        form={form}
        onSearch={(v) => setFilters({ ...v, q: v.q?.trim() || undefined })}
        onReset={() => setFilters({})}
      >
        <Form.Item name="q">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('venue.q')}
            style={{ width: 220 }}
            maxLength={50}
          />
        </Form.Item>
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
