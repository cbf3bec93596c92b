import { EyeOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { type DutyZone, DutyZoneKindSchema } from '@linli/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DutyZoneListQuery, dutyZonesApi } from '../../api/dutyZones.ts';
import { useSession } from '../../app/session.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useCursorPaging } from '../../components/useCursorPaging.ts';
import { DutyZoneCreateModal } from './DutyZoneCreateModal.tsx';
import { DutyZoneDetailDrawer, GeometrySummary } from './DutyZoneDetailDrawer.tsx';
import type { Geometry } from './geometry.ts';

type Filters = Omit<DutyZoneListQuery, 'cursor' | 'limit'>;

export const DutyZoneListPage = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [form] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const paging = useCursorPaging(JSON.stringify(filters));
  const query = useQuery({
    queryKey: ['duty-zones', 'list', filters, paging.cursor, paging.limit],
    queryFn: () => dutyZonesApi.list({ ...filters, cursor: paging.cursor, limit: paging.limit }),
    placeholderData: keepPreviousData,
  });

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
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, z) => (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          onClick={() => setViewing(z.id)}
          data-testid="duty-zone-view"
        >
          {can('org.write') ? t('common.actions.viewEdit') : t('common.actions.view')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('dutyZone.title')}
      extra={
        can('org.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="duty-zone-create"
          >
            {t('dutyZone.create')}
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
            placeholder={t('dutyZone.q')}
            style={{ width: 200 }}
            maxLength={50}
          />
        </Form.Item>
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
