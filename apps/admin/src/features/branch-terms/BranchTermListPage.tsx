import { useQueryClient } from '@tanstack/react-query';
import { Form, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BranchTerm, type BranchTermListQuery, branchTermsApi } from '../../api/branchTerms.ts';
import { CreateButton } from '../../components/CreateButton.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useListQuery } from '../../components/useListQuery.ts';
import { viewEditColumn } from '../../components/ViewEditAction.tsx';
import { BranchTermCreateModal } from './BranchTermCreateModal.tsx';
import { BranchTermDetailDrawer } from './BranchTermDetailDrawer.tsx';
import { TermMemberTags, TermStatusTag } from './TermTags.tsx';

type Filters = Omit<BranchTermListQuery, 'cursor' | 'limit'>;

export const BranchTermListPage = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState(false);
  const [viewing, setViewing] = useState<string | null>(null);
  const { paging, query } = useListQuery('branch-terms', filters, branchTermsApi.list);

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
    viewEditColumn(t, { permission: 'org.write', onView: setViewing, testId: 'branch-term-view' }),
  ];

  return (
    <PageContainer
      title={t('branchTerm.title')}
      extra={
        <CreateButton permission="org.write" onClick={() => setCreating(true)} data-testid="branch-term-create">
          {t('branchTerm.create')}
        </CreateButton>
      }
    >
      <FilterBar<Filters> onSearch={(v) => setFilters(v)} onReset={() => setFilters({})}>
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
