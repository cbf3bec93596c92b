import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { ResidentClaim } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Select, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ResidentClaimQuery, residentClaimsApi } from '../../api/residentClaims.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { errorText } from '../../components/errors.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatTime } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';

type Filters = Omit<ResidentClaimQuery, 'cursor' | 'limit'>;
type Status = ResidentClaim['status'];
const STATUSES: Status[] = ['pending', 'confirmed', 'rejected'];
const STATUS_COLORS: Record<Status, string> = { pending: 'gold', confirmed: 'green', rejected: 'default' };
const DEFAULT_FILTERS: Filters = { status: 'pending' };

export const ResidentClaimsPage = () => {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const { paging, query } = useListQuery('resident-claims', filters, residentClaimsApi.list);
  const decide = useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'confirmed' | 'rejected' }) =>
      residentClaimsApi.decide(id, decision),
    onSuccess: (_r, { decision }) => {
      void message.success(decision === 'confirmed' ? t('claim.confirmed') : t('claim.rejected'));
      void queryClient.invalidateQueries({ queryKey: ['resident-claims'] });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });

  const ask = (claim: ResidentClaim, decision: 'confirmed' | 'rejected') =>
    modal.confirm({
      title:
        decision === 'confirmed'
          ? t('claim.confirmTitle', { name: claim.displayName, address: claim.address })
          : t('claim.rejectTitle', { name: claim.displayName, address: claim.address }),
      okText: decision === 'confirmed' ? t('claim.confirm') : t('claim.reject'),
      okButtonProps: { danger: decision === 'rejected' },
      cancelText: t('common.actions.cancel'),
      onOk: () => decide.mutateAsync({ id: claim.id, decision }).catch(() => undefined),
    });

  const columns: TableColumnsType<ResidentClaim> = [
    { title: t('claim.applicant'), dataIndex: 'displayName', width: 140 },
    {
      title: t('claim.phone'),
      dataIndex: 'phoneMasked',
      width: 140,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: t('claim.compound'), dataIndex: 'compoundName', width: 200 },
    { title: t('claim.address'), dataIndex: 'address' },
    {
      title: t('claim.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (v: string) => formatTime(v),
    },
    {
      title: t('claim.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: Status) => <Tag color={STATUS_COLORS[s]}>{t(`common.enum.claimStatus.${s}`)}</Tag>,
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, c) =>
        c.status === 'pending' && (
          <Flex gap={4}>
            <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => ask(c, 'confirmed')}>
              {t('claim.confirm')}
            </Button>
            <Button size="small" danger icon={<CloseOutlined />} onClick={() => ask(c, 'rejected')}>
              {t('claim.reject')}
            </Button>
          </Flex>
        ),
    },
  ];

  return (
    <PageContainer title={t('claim.title')} subTitle={t('claim.hint')}>
      <FilterBar<Filters>
        initialValues={DEFAULT_FILTERS}
        onSearch={(v) => setFilters(v)}
        onReset={() => setFilters(DEFAULT_FILTERS)}
      >
        <Form.Item name="compoundId">
          <CompoundSelect allowClear placeholder={t('claim.compound')} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('claim.status')}
            style={{ width: 130 }}
            options={STATUSES.map((s) => ({ value: s, label: t(`common.enum.claimStatus.${s}`) }))}
          />
        </Form.Item>
      </FilterBar>
      <ListTable<ResidentClaim> rowKey="id" query={query} paging={paging} columns={columns} />
    </PageContainer>
  );
};
