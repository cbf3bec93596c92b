import { EditOutlined } from '@ant-design/icons';
import type { Grid } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type GridListQuery, gridsApi } from '../../api/grids.ts';
import { useSession } from '../../app/session.tsx';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { SearchField, trimSearch } from '../../components/SearchField.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { formatGridCode } from './GridCodeInput.tsx';
import { GridCreateModal, GridEditModal } from './GridFormModals.tsx';

type Filters = Omit<GridListQuery, 'cursor' | 'limit'>;

export const GridListPage = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Grid | null>(null);
  const { paging, query } = useListQuery('grids', filters, gridsApi.list);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['grids'] });
  const canWrite = can('grid.write');

  const columns: TableColumnsType<Grid> = [
    {
      title: t('grid.code'),
      dataIndex: 'code',
      width: 190,
      render: (code: string) => <span className="mono">{formatGridCode(code)}</span>,
    },
    { title: t('grid.name'), dataIndex: 'name' },
    { title: t('grid.org'), dataIndex: 'orgName', ellipsis: true },
    { title: t('grid.compound'), dataIndex: 'compoundName', render: (v: string | null) => v ?? '—' },
    {
      title: (
        <Tooltip title={t('grid.workersHint')}>
          <span>{t('grid.workers')}</span>
        </Tooltip>
      ),
      dataIndex: 'workers',
      render: (workers: Grid['workers']) =>
        workers.length === 0 ? (
          <Typography.Text type="secondary">{t('grid.noWorkers')}</Typography.Text>
        ) : (
          <Flex gap={4} wrap>
            {workers.map((w) => (
              <Tag key={w.userId} color="geekblue">
                {w.displayName}
              </Tag>
            ))}
          </Flex>
        ),
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, g: Grid) => (
              <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(g)}>
                {t('common.actions.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('grid.title')}
      extra={
        <CreateButton permission="grid.write" onClick={() => setCreating(true)} data-testid="grid-create">
          {t('grid.create')}
        </CreateButton>
      }
    >
      <FilterBar<Filters> onSearch={(v) => setFilters(trimSearch(v))} onReset={() => setFilters({})}>
        <SearchField placeholder={t('grid.q')} />
        <Form.Item name="orgId">
          <OrgTreeSelect allowClear placeholder={t('grid.org')} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="compoundId">
          <CompoundSelect allowClear placeholder={t('grid.compound')} style={{ width: 220 }} />
        </Form.Item>
      </FilterBar>
      <ListTable<Grid> rowKey="id" query={query} paging={paging} columns={columns} />
      <GridCreateModal open={creating} onClose={() => setCreating(false)} onCreated={refresh} />
      <GridEditModal
        grid={editing}
        onClose={() => setEditing(null)}
        onSaved={refresh}
        onReload={async () => {
          if (!editing) return undefined;
          const fresh = await gridsApi.get(editing.id);
          setEditing(fresh);
          return fresh;
        }}
      />
    </PageContainer>
  );
};
