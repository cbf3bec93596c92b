import { type Post, type PostStatus, PostStatusSchema } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Form, Select, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type PostListQuery, postsApi } from '../../api/posts.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { SearchField, trimSearch } from '../../components/SearchField.tsx';
import { formatDate } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';
import { viewEditColumn } from '../../components/ViewEditAction.tsx';
import { rowTestId } from '../members/rowTestId.ts';
import { AreaSummary } from './PostAreaField.tsx';
import { PostCategorySelect } from './PostCategorySelect.tsx';
import { PostClaimsTab } from './PostClaimsTab.tsx';
import { PostCreateModal } from './PostCreateModal.tsx';
import { PostDetailDrawer } from './PostDetailDrawer.tsx';
import { SeatsCell } from './SeatsCell.tsx';

type Filters = Omit<PostListQuery, 'cursor' | 'limit'>;
type Sort = 'createdAt' | 'title';

const PostsTab = ({ onView }: { onView: (id: string) => void }) => {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const { paging, query } = useListQuery('posts', filters, postsApi.list);
  const sortOrderOf = (key: Sort): SortOrder | undefined =>
    (filters.sort ?? 'createdAt') === key ? (filters.order === 'asc' ? 'ascend' : 'descend') : null;

  const columns: TableColumnsType<Post> = [
    {
      title: t('service.post.titleField'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: sortOrderOf('title'),
      render: (title: string, p) => <Typography.Link onClick={() => onView(p.id)}>{title}</Typography.Link>,
    },
    { title: t('service.post.compound'), dataIndex: 'compoundName', width: 170, ellipsis: true },
    { title: t('service.post.category'), dataIndex: 'categoryName', width: 160, ellipsis: true },
    {
      title: t('service.post.seats'),
      key: 'seats',
      width: 140,
      render: (_: unknown, p) => <SeatsCell claimed={p.claimedSeats} seats={p.seats} />,
    },
    {
      title: t('service.post.pendingClaims'),
      dataIndex: 'pendingClaims',
      width: 90,
      align: 'center',
      render: (n: number) => (n > 0 ? <Badge count={n} /> : <Typography.Text type="secondary">0</Typography.Text>),
    },
    {
      title: t('service.post.area'),
      key: 'area',
      width: 200,
      render: (_: unknown, p) => <AreaSummary area={p.area} />,
    },
    {
      title: t('service.post.status'),
      dataIndex: 'status',
      width: 80,
      render: (s: PostStatus) => (
        <Tag color={s === 'open' ? 'green' : 'default'}>{t(`service.post.statuses.${s}`)}</Tag>
      ),
    },
    {
      title: t('service.post.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 110,
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      render: (v: string) => formatDate(v),
    },
    viewEditColumn(t, { permission: 'post.manage', onView, testId: 'post-view' }),
  ];

  return (
    <>
      <FilterBar<Filters>
        onSearch={(v) => setFilters({ ...trimSearch(v), sort: filters.sort, order: filters.order })}
        onReset={() => setFilters({})}
      >
        <SearchField placeholder={t('service.post.q')} />
        <Form.Item name="compoundId">
          <CompoundSelect allowClear placeholder={t('service.post.compound')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="categoryId">
          <PostCategorySelect allowClear placeholder={t('service.post.category')} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('service.allStatuses')}
            style={{ width: 130 }}
            options={PostStatusSchema.options.map((s) => ({ value: s, label: t(`service.post.statuses.${s}`) }))}
          />
        </Form.Item>
      </FilterBar>
      <ListTable<Post>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        onRow={rowTestId('post-row')}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = s?.order ? (s.columnKey as Sort | undefined) : undefined;
          setFilters({ ...filters, sort: key ?? 'createdAt', order: s?.order === 'ascend' ? 'asc' : 'desc' });
        }}
      />
    </>
  );
};

/** 设岗定责: the posts of the compounds in scope, and the claims on them waiting for the branch. */
export const PostListPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const tab = params.get('tab') === 'claims' ? 'claims' : 'posts';
  return (
    <PageContainer
      title={t('service.post.title')}
      subTitle={t('service.post.subTitle')}
      extra={
        <CreateButton permission="post.manage" onClick={() => setCreating(true)} data-testid="post-create">
          {t('service.post.create')}
        </CreateButton>
      }
    >
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => setParams(key === 'claims' ? { tab: key } : {}, { replace: true })}
        items={[
          { key: 'posts', label: t('service.post.tabPosts'), children: <PostsTab onView={setViewing} /> },
          { key: 'claims', label: t('service.claim.tab'), children: <PostClaimsTab /> },
        ]}
      />
      <PostCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void queryClient.invalidateQueries({ queryKey: ['posts'] })}
      />
      <PostDetailDrawer id={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
};
