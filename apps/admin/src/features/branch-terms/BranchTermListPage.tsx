import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BranchTerm, type BranchTermListQuery, branchTermsApi } from '../../api/branchTerms.ts';
import { useSession } from '../../app/session.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useCursorPaging } from '../../components/useCursorPaging.ts';
import { BranchTermCreateModal } from './BranchTermCreateModal.tsx';
import { BranchTermDetailDrawer } from './BranchTermDetailDrawer.tsx';
import { TermMemberTags, TermStatusTag } from './TermTags.tsx';

type Filters = Omit<BranchTermListQuery, 'cursor' | 'limit'>;

export const BranchTermListPage = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [form] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const paging = useCursorPaging(JSON.stringify(filters));
  const query = useQuery({
    queryKey: ['branch-terms', 'list', filters, paging.cursor, paging.limit],
    queryFn: () => branchTermsApi.list({ ...filters, cursor: paging.cursor, limit: paging.limit }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<BranchTerm> = [
    { title: t('branchTerm.branch'), dataIndex: 'branchName', width: 240 },
    { title: t('branchTerm.electedOn'), dataIndex: 'electedOn', width: 120 },
    {
      title: t('branchTerm.term'),
      key: 'term',
      width: 220,
      render: (_: unknown, r) => `${r.startsOn} ~ ${r.endsOn}`,
    },
    {
      title: t('branchTerm.status'),
      key: 'status',
      width: 90,
      render: (_: unknown, r) => <TermStatusTag term={r} />,
    },
    {
      title: t('branchTerm.members'),
      dataIndex: 'members',
      render: (members: BranchTerm['members']) => <TermMemberTags members={members} />,
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, r) => (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          onClick={() => setViewing(r.id)}
          data-testid="branch-term-view"
        >
          {can('org.write') ? t('common.actions.viewEdit') : t('common.actions.view')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('branchTerm.title')}
      extra={
        can('org.write') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="branch-term-create"
          >
            {t('branchTerm.create')}
          </Button>
        )
      }
    >
      <FilterBar form={form} onSearch={(v) => setFilters(v)} onReset={() => setFilters({})}>
        <Form.Item name="branchOrgId">
          <OrgTreeSelect
            allowClear
            placeholder={t('branchTerm.branch')}
            style={{ width: 280 }}
            selectable={(u) => u.kind === 'branch'}
          />
        </Form.Item>
      </FilterBar>
      <ListTable<BranchTerm> rowKey="id" query={query} paging={paging} columns={columns} />
      <BranchTermCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void queryClient.invalidateQueries({ queryKey: ['branch-terms'] })}
      />
      <BranchTermDetailDrawer id={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
};
