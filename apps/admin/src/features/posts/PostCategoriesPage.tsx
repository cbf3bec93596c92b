import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import type { PostCategory } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postCategoriesApi, postCategoriesKey } from '../../api/posts.ts';
import { useSession } from '../../app/session.tsx';
import { CreateButton } from '../../components/CreateButton.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { errorText } from '../../components/errors.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useEditSnapshot } from '../../components/useDetailEditing.ts';
import { rowTestId } from '../members/rowTestId.ts';
import { PostCategoryCreateModal, PostCategoryEditModal } from './PostCategoryModals.tsx';
import { usePostCategories } from './PostCategorySelect.tsx';

/** Moves `c` one place up or down by taking its neighbour's order (and giving it `c`'s). */
const swapOrder = async (c: PostCategory, other: PostCategory, step: -1 | 1) => {
  if (c.sortOrder === other.sortOrder) {
    await postCategoriesApi.update(c.id, { sortOrder: Math.max(0, other.sortOrder + step) }, c.version);
    return;
  }
  await postCategoriesApi.update(c.id, { sortOrder: other.sortOrder }, c.version);
  await postCategoriesApi.update(other.id, { sortOrder: c.sortOrder }, other.version);
};

/** 岗位类别: the county's post categories (the eight of the 设岗定责 guidance by default), in their order. */
export const PostCategoriesPage = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const categories = usePostCategories();
  const [creating, setCreating] = useState(false);
  const edit = useEditSnapshot<PostCategory>();
  const items = categories.data ?? [];
  const canWrite = can('post_category.write');
  const refresh = () => queryClient.invalidateQueries({ queryKey: postCategoriesKey });

  const act = useMutation({
    mutationFn: async (run: () => Promise<unknown>) => {
      await run();
    },
    onSuccess: () => {
      void message.success(t('common.feedback.saved'));
    },
    onError: (e) => void message.error(errorText(e, t)),
    onSettled: () => void refresh(),
  });

  const move = (index: number, step: -1 | 1) => {
    const c = items[index];
    const other = items[index + step];
    if (c && other) act.mutate(() => swapOrder(c, other, step));
  };

  const toggle = (c: PostCategory) =>
    modal.confirm({
      title: c.active
        ? t('service.category.deactivateTitle', { name: c.name })
        : t('service.category.activateTitle', { name: c.name }),
      content: c.active ? t('service.category.deactivateHint') : undefined,
      okText: c.active ? t('service.category.deactivate') : t('service.category.activate'),
      okButtonProps: { danger: c.active, id: 'post-category-toggle-ok' },
      cancelText: t('common.actions.cancel'),
      onOk: () =>
        act.mutateAsync(() => postCategoriesApi.update(c.id, { active: !c.active }, c.version)).catch(() => undefined),
    });

  const columns: TableColumnsType<PostCategory> = [
    {
      title: t('service.category.order'),
      key: 'order',
      width: 70,
      align: 'center',
      render: (_: unknown, _c, i) => i + 1,
    },
    { title: t('service.category.name'), dataIndex: 'name' },
    { title: t('service.category.sortOrder'), dataIndex: 'sortOrder', width: 100, align: 'right' },
    {
      title: t('service.category.state'),
      dataIndex: 'active',
      width: 100,
      render: (v: boolean) =>
        v ? <Tag color="green">{t('service.category.active')}</Tag> : <Tag>{t('service.category.inactive')}</Tag>,
    },
    ...(canWrite
      ? [
          {
            title: t('common.actions.actions'),
            key: 'actions',
            width: 300,
            render: (_: unknown, c: PostCategory, i: number) => (
              <Flex gap={4}>
                <Tooltip title={t('service.category.up')}>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    disabled={i === 0 || act.isPending}
                    onClick={() => move(i, -1)}
                    aria-label={t('service.category.up')}
                    data-testid="post-category-up"
                  />
                </Tooltip>
                <Tooltip title={t('service.category.down')}>
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    disabled={i === items.length - 1 || act.isPending}
                    onClick={() => move(i, 1)}
                    aria-label={t('service.category.down')}
                    data-testid="post-category-down"
                  />
                </Tooltip>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => edit.start(c)}
                  data-testid="post-category-edit"
                >
                  {t('service.category.rename')}
                </Button>
                <Button
                  size="small"
                  danger={c.active}
                  icon={c.active ? <StopOutlined /> : <UndoOutlined />}
                  onClick={() => toggle(c)}
                  data-testid="post-category-toggle"
                >
                  {c.active ? t('service.category.deactivate') : t('service.category.activate')}
                </Button>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageContainer
      title={t('service.category.title')}
      subTitle={t('service.category.subTitle')}
      extra={
        <CreateButton
          permission="post_category.write"
          onClick={() => setCreating(true)}
          data-testid="post-category-create"
        >
          {t('service.category.create')}
        </CreateButton>
      }
    >
      <Card size="small">
        {categories.isError && !categories.data ? (
          <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />
        ) : (
          <Table<PostCategory>
            size="small"
            bordered
            rowKey="id"
            loading={categories.isFetching || act.isPending}
            dataSource={items}
            columns={columns}
            pagination={false}
            onRow={rowTestId('post-category-row')}
          />
        )}
      </Card>
      <PostCategoryCreateModal
        open={creating}
        nextOrder={items.reduce((max, c) => Math.max(max, c.sortOrder), 0) + 10}
        onClose={() => setCreating(false)}
        onCreated={() => void refresh()}
      />
      <PostCategoryEditModal
        open={edit.open}
        category={edit.base}
        onClose={edit.close}
        onReload={async () => {
          const fresh = await categories.refetch();
          const current = fresh.data?.find((c) => c.id === edit.base?.id);
          if (current) edit.replace(current);
        }}
        onSaved={() => void refresh()}
      />
    </PageContainer>
  );
};
