import { type Need, type NeedStatus, NeedStatusSchema } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Flex, Form, Select, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NeedListQuery, needsApi } from '../../api/posts.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { SearchField, trimSearch } from '../../components/SearchField.tsx';
import { formatDate, formatTime } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';
import { viewEditColumn } from '../../components/ViewEditAction.tsx';
import { rowTestId } from '../members/rowTestId.ts';
import { PostCategorySelect } from '../posts/PostCategorySelect.tsx';
import { NeedCreateModal } from './NeedCreateModal.tsx';
import { NeedDetailDrawer } from './NeedDetailDrawer.tsx';
import { isOverdue, NEED_COLORS } from './needStatus.ts';

type Filters = Omit<NeedListQuery, 'cursor' | 'limit'>;

/** 需求清单: residents' needs per compound, claimed by members and closed by the branch. */
export const NeedListPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const { paging, query } = useListQuery('needs', filters, needsApi.list);
  const today = dayjs().format('YYYY-MM-DD');

  const columns: TableColumnsType<Need> = [
    {
      title: t('service.need.titleField'),
      dataIndex: 'title',
      render: (title: string, n) => <Typography.Link onClick={() => setViewing(n.id)}>{title}</Typography.Link>,
    },
    { title: t('service.need.compound'), dataIndex: 'compoundName', width: 170, ellipsis: true },
    { title: t('service.need.category'), dataIndex: 'categoryName', width: 120, ellipsis: true },
    {
      title: t('service.need.household'),
      dataIndex: 'householdAddress',
      width: 140,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('service.need.dueOn'),
      dataIndex: 'dueOn',
      width: 110,
      render: (v: string | null, n) =>
        v ? <Typography.Text type={isOverdue(n.status, v, today) ? 'danger' : undefined}>{v}</Typography.Text> : '—',
    },
    {
      title: t('service.need.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: NeedStatus) => <Tag color={NEED_COLORS[s]}>{t(`service.need.statuses.${s}`)}</Tag>,
    },
    {
      title: t('service.need.claimant'),
      dataIndex: 'claimantName',
      width: 150,
      render: (name: string | null, n) =>
        name ? (
          <Flex vertical>
            <span>{name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(n.claimedAt)}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('service.need.unclaimed')}</Typography.Text>
        ),
    },
    { title: t('service.need.createdAt'), dataIndex: 'createdAt', width: 110, render: (v: string) => formatDate(v) },
    viewEditColumn(t, { permission: 'post.manage', onView: setViewing, testId: 'need-view' }),
  ];

  return (
    <PageContainer
      title={t('service.need.title')}
      subTitle={t('service.need.subTitle')}
      extra={
        <CreateButton permission="post.manage" onClick={() => setCreating(true)} data-testid="need-create">
          {t('service.need.create')}
        </CreateButton>
      }
    >
      <FilterBar<Filters> onSearch={(v) => setFilters(trimSearch(v))} onReset={() => setFilters({})}>
        <SearchField placeholder={t('service.need.q')} />
        <Form.Item name="compoundId">
          <CompoundSelect allowClear placeholder={t('service.need.compound')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('service.allStatuses')}
            style={{ width: 120 }}
            data-testid="need-status-filter"
            options={NeedStatusSchema.options.map((s) => ({ value: s, label: t(`service.need.statuses.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="categoryId">
          <PostCategorySelect allowClear placeholder={t('service.need.category')} style={{ width: 160 }} />
        </Form.Item>
      </FilterBar>
      <ListTable<Need> rowKey="id" query={query} paging={paging} columns={columns} onRow={rowTestId('need-row')} />
      <NeedCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void queryClient.invalidateQueries({ queryKey: ['needs'] })}
      />
      <NeedDetailDrawer id={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
};
