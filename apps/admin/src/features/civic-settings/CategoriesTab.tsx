import type { CivicCategory } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CIVIC_CATEGORIES_KEY } from '../../api/civicCases.ts';
import { civicSettingsApi } from '../../api/civicSettings.ts';
import { CreateButton } from '../../components/CreateButton.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { errorText, isVersionStale } from '../../components/errors.ts';
import { UrgencyTag } from '../civic-cases/caseTags.tsx';
import { buildCategoryTree, type CategoryNode, useCivicCategories } from '../civic-cases/useCivicCategories.ts';
import { CategoryDrawer, type CategoryDrawerState } from './CategoryDrawer.tsx';

type Row = { key: string; category: CivicCategory; children?: Row[] };

const matches = (c: CivicCategory, q: string): boolean =>
  q === '' || c.name.toLowerCase().includes(q) || c.code.toLowerCase().includes(q);

/** The tree as table rows: retired ones only when asked for, and a parent kept when one of its children matches. */
const toRows = (nodes: CategoryNode[], q: string, showRetired: boolean): Row[] =>
  nodes.flatMap((n): Row[] => {
    if (!showRetired && !n.category.active) return [];
    const children = toRows(n.children, q, showRetired);
    if (!matches(n.category, q) && children.length === 0) return [];
    return [{ key: n.category.id, category: n.category, ...(children.length > 0 ? { children } : {}) }];
  });

const ActiveToggle = ({ category }: { category: CivicCategory }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () => civicSettingsApi.updateCategory(category.id, { active: !category.active }, category.version),
    onSuccess: (saved) => {
      void message.success(saved.active ? t('civicSettings.category.restored') : t('civicSettings.category.retired'));
    },
    onError: (e) => void message.error(errorText(e, t)),
    onSettled: (_d, e) => {
      if (!e || isVersionStale(e)) void queryClient.invalidateQueries({ queryKey: CIVIC_CATEGORIES_KEY });
    },
  });
  const name = category.name;
  return (
    <Popconfirm
      title={
        category.active
          ? t('civicSettings.category.retireConfirm', { name })
          : t('civicSettings.category.restoreConfirm', { name })
      }
      overlayStyle={{ maxWidth: 360 }}
      okText={t('common.actions.confirm')}
      cancelText={t('common.actions.cancel')}
      onConfirm={() => toggle.mutateAsync().catch(() => undefined)}
    >
      <Button type="link" size="small" danger={category.active} loading={toggle.isPending}>
        {category.active ? t('civicSettings.category.retire') : t('civicSettings.category.restore')}
      </Button>
    </Popconfirm>
  );
};

/** 类别: the county's two-level category tree with each category's flags, urgency and extra questions. */
export const CategoriesTab = () => {
  const { t } = useTranslation();
  const { query, items } = useCivicCategories();
  const [q, setQ] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [drawer, setDrawer] = useState<CategoryDrawerState>(null);

  const tree = useMemo(() => buildCategoryTree(items), [items]);
  const rows = useMemo(() => toRows(tree, q.trim().toLowerCase(), showRetired), [tree, q, showRetired]);
  const parents = rows.filter((r) => r.children).map((r) => r.key);
  const searching = q.trim() !== '';
  const expanded = searching ? parents : parents.filter((k) => !collapsed.has(k));

  if (query.isError && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;

  const columns: TableColumnsType<Row> = [
    {
      title: t('civicSettings.category.name'),
      key: 'name',
      render: (_: unknown, { category: c }) => (
        <Flex vertical>
          <Typography.Text type={c.active ? undefined : 'secondary'} delete={!c.active}>
            {c.name}
          </Typography.Text>
          {c.nameEn && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.nameEn}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('civicSettings.category.code'),
      key: 'code',
      width: 110,
      render: (_: unknown, { category: c }) => <span className="mono">{c.code}</span>,
    },
    {
      title: t('civicSettings.category.defaultUrgency'),
      key: 'urgency',
      width: 130,
      render: (_: unknown, { category: c }) => <UrgencyTag urgency={c.defaultUrgency} />,
    },
    {
      title: t('civicSettings.category.flags'),
      key: 'flags',
      width: 190,
      render: (_: unknown, { category: c }) =>
        c.anonymousAllowed || c.staffOnly ? (
          <Flex gap={4} wrap>
            {c.anonymousAllowed && <Tag color="green">{t('civicSettings.category.anonymousAllowed')}</Tag>}
            {c.staffOnly && <Tag color="orange">{t('civicSettings.category.staffOnly')}</Tag>}
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('civicSettings.category.questions'),
      key: 'questions',
      width: 110,
      render: (_: unknown, { category: c }) =>
        c.questions.length > 0 ? (
          t('civicSettings.category.questionCount', { n: c.questions.length })
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: t('civicSettings.category.sortOrder'),
      key: 'sortOrder',
      width: 70,
      align: 'right',
      render: (_: unknown, { category: c }) => c.sortOrder,
    },
    {
      title: t('civicSettings.category.active'),
      key: 'active',
      width: 90,
      render: (_: unknown, { category: c }) =>
        c.active ? (
          <Tag color="success">{t('civicSettings.category.activeOn')}</Tag>
        ) : (
          <Tag>{t('civicSettings.category.activeOff')}</Tag>
        ),
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 210,
      render: (_: unknown, { category: c }) => (
        <Flex gap={0} wrap>
          <Button
            type="link"
            size="small"
            onClick={() => setDrawer({ mode: 'edit', category: c })}
            data-testid="category-edit"
          >
            {t('common.actions.edit')}
          </Button>
          {c.parentId === null && c.active && (
            <Button
              type="link"
              size="small"
              onClick={() => setDrawer({ mode: 'create', parent: c })}
              data-testid="category-create-child"
            >
              {t('civicSettings.category.createChild')}
            </Button>
          )}
          <ActiveToggle category={c} />
        </Flex>
      ),
    },
  ];

  return (
    <Card size="small">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Flex gap={16} align="center" wrap>
          <Input.Search
            allowClear
            placeholder={t('civicSettings.category.search')}
            style={{ width: 240 }}
            onSearch={setQ}
            onChange={(e) => e.target.value === '' && setQ('')}
            data-testid="category-search"
          />
          <Flex gap={8} align="center">
            <Switch size="small" checked={showRetired} onChange={setShowRetired} data-testid="category-show-retired" />
            <Typography.Text>{t('civicSettings.category.showRetired')}</Typography.Text>
          </Flex>
          <Button size="small" onClick={() => setCollapsed(new Set())} disabled={searching}>
            {t('civicSettings.category.expandAll')}
          </Button>
          <Button size="small" onClick={() => setCollapsed(new Set(parents))} disabled={searching}>
            {t('civicSettings.category.collapseAll')}
          </Button>
        </Flex>
        <CreateButton
          permission="civic_case.configure"
          onClick={() => setDrawer({ mode: 'create', parent: null })}
          data-testid="category-create"
        >
          {t('civicSettings.category.create')}
        </CreateButton>
      </Flex>
      <Table<Row>
        size="small"
        bordered
        rowKey="key"
        loading={query.isFetching}
        dataSource={rows}
        columns={columns}
        pagination={false}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, r) =>
            setCollapsed((prev) => {
              const next = new Set(prev);
              if (open) next.delete(r.key);
              else next.add(r.key);
              return next;
            }),
        }}
        onRow={(r) => ({ 'data-testid': `category-row-${r.category.code}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: query.isPending ? ' ' : t('civicSettings.category.empty') }}
      />
      <CategoryDrawer state={drawer} roots={tree.map((n) => n.category)} onClose={() => setDrawer(null)} />
    </Card>
  );
};
