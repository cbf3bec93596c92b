import { EyeOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PartnerUnit, type PartnerUnitListQuery, partnerUnitsApi } from '../../api/partnerUnits.ts';
import { useSession } from '../../app/session.tsx';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useCursorPaging } from '../../components/useCursorPaging.ts';
import { LinkedCompoundTags } from './LinkedCompoundTags.tsx';
import { PartnerUnitCreateModal } from './PartnerUnitCreateModal.tsx';
import { PartnerUnitDetailDrawer } from './PartnerUnitDetailDrawer.tsx';

type Filters = Omit<PartnerUnitListQuery, 'cursor' | 'limit'>;

export const PartnerUnitListPage = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [form] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const paging = useCursorPaging(JSON.stringify(filters));
  const query = useQuery({
    queryKey: ['partner-units', 'list', filters, paging.cursor, paging.limit],
    queryFn: () => partnerUnitsApi.list({ ...filters, cursor: paging.cursor, limit: paging.limit }),
    placeholderData: keepPreviousData,
  });

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
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, u) => (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          onClick={() => setViewing(u.id)}
          data-testid="partner-unit-view"
        >
          {can('org.write') ? t('common.actions.viewEdit') : t('common.actions.view')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('partnerUnit.title')}
      extra={
        can('org.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="partner-unit-create"
          >
            {t('partnerUnit.create')}
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
            placeholder={t('partnerUnit.q')}
            style={{ width: 220 }}
            maxLength={50}
          />
        </Form.Item>
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
