import { PlusOutlined } from '@ant-design/icons';
import { TERM_POSITIONS } from '@linli/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Form, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BranchTerm, type BranchTermListQuery, branchTermsApi } from '../../api/branchTerms.ts';
import { useSession } from '../../app/session.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ZONE } from '../../components/time.ts';
import { useCursorPaging } from '../../components/useCursorPaging.ts';
import { BranchTermCreateModal } from './BranchTermCreateModal.tsx';

type Filters = Omit<BranchTermListQuery, 'cursor' | 'limit'>;

const termStatus = (term: BranchTerm): 'current' | 'expired' | 'upcoming' => {
  const today = dayjs().tz(ZONE).format('YYYY-MM-DD');
  if (term.endsOn < today) return 'expired';
  if (term.startsOn > today) return 'upcoming';
  return 'current';
};
const STATUS_COLORS = { current: 'green', expired: 'default', upcoming: 'blue' } as const;

export const BranchTermListPage = () => {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const [form] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);
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
      render: (_: unknown, r) => {
        const s = termStatus(r);
        return <Tag color={STATUS_COLORS[s]}>{t(`branchTerm.${s}`)}</Tag>;
      },
    },
    {
      title: t('branchTerm.members'),
      dataIndex: 'members',
      render: (members: BranchTerm['members']) => (
        <Flex gap={4} wrap>
          {[...members]
            .sort((a, b) => TERM_POSITIONS.indexOf(a.position) - TERM_POSITIONS.indexOf(b.position))
            .map((m) => (
              <Tag key={m.id} color={m.position === 'secretary' ? 'red' : undefined}>
                {t('common.fmt.labelValue', { label: t(`common.enum.termPosition.${m.position}`), value: m.name })}
              </Tag>
            ))}
        </Flex>
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
    </PageContainer>
  );
};
