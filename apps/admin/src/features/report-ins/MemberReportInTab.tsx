import { CheckOutlined, CloseOutlined, FileTextOutlined } from '@ant-design/icons';
import { type MemberReportIn, type MemberReportInStatus, MemberReportInStatusSchema } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MemberReportInListQuery, reportInsApi } from '../../api/reportIns.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { errorText } from '../../components/errors.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { formatTime } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';
import { rowTestId } from '../members/rowTestId.ts';
import { rethrowExplained } from '../posts/conflicts.ts';
import { WorkUnitSelect } from '../work-units/WorkUnitSelect.tsx';
import { ReasonModal } from './ReasonModal.tsx';
import { ReceiptModal } from './ReceiptModal.tsx';

type Filters = Omit<MemberReportInListQuery, 'cursor' | 'limit'>;
const DEFAULT_FILTERS: Filters = { status: 'pending' };

export const MEMBER_REPORT_IN_COLORS: Record<MemberReportInStatus, string> = {
  pending: 'gold',
  confirmed: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

type Decision = { id: string; decision: 'confirmed' | 'rejected'; reason?: string };

/** 党员报到: the branch confirms or rejects in-service members' report-ins; a confirmation issues the 回执. */
export const MemberReportInTab = () => {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const [rejecting, setRejecting] = useState<MemberReportIn | null>(null);
  const [receiptOf, setReceiptOf] = useState<string | null>(null);
  const { paging, query } = useListQuery('member-report-ins', filters, reportInsApi.listMember);

  const decide = useMutation({
    mutationFn: ({ id, ...body }: Decision) => reportInsApi.decide(id, body).catch(rethrowExplained(t)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['member-report-ins'] });
      void queryClient.invalidateQueries({ queryKey: ['report-in-boards'] });
      if (saved.status === 'confirmed') {
        void message.success(t('reportIn.confirmedToast', { no: saved.receiptNo ?? '' }));
        setReceiptOf(saved.id);
      } else {
        void message.success(t('reportIn.rejectedToast'));
        setRejecting(null);
      }
    },
  });

  const confirm = (r: MemberReportIn) =>
    modal.confirm({
      title: t('reportIn.confirmTitle', { name: r.memberName, compound: r.compoundName }),
      content: t('reportIn.confirmHint'),
      okText: t('reportIn.confirm'),
      okButtonProps: { id: 'report-in-confirm-ok' },
      cancelText: t('common.actions.cancel'),
      onOk: () =>
        decide
          .mutateAsync({ id: r.id, decision: 'confirmed' })
          .catch((e: unknown) => void message.error(errorText(e, t))),
    });

  const columns: TableColumnsType<MemberReportIn> = [
    { title: t('reportIn.member'), dataIndex: 'memberName', width: 110 },
    { title: t('reportIn.compound'), dataIndex: 'compoundName', width: 180, ellipsis: true },
    {
      title: t('reportIn.workUnit'),
      dataIndex: 'workUnitName',
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('reportIn.skills'),
      dataIndex: 'skills',
      width: 120,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
    },
    { title: t('reportIn.registeredAt'), dataIndex: 'registeredAt', width: 150, render: (v: string) => formatTime(v) },
    {
      title: t('reportIn.status'),
      dataIndex: 'status',
      width: 160,
      render: (s: MemberReportInStatus, r) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={MEMBER_REPORT_IN_COLORS[s]}>{t(`reportIn.memberStatus.${s}`)}</Tag>
          </span>
          {r.status === 'rejected' && r.rejectReason && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('common.fmt.labelValue', { label: t('reportIn.reason'), value: r.rejectReason })}
            </Typography.Text>
          )}
          {r.decidedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reportIn.decidedAt', { time: formatTime(r.decidedAt) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('reportIn.receiptNo'),
      dataIndex: 'receiptNo',
      width: 140,
      render: (v: string | null) => (v ? <span className="mono">{v}</span> : '—'),
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, r) => (
        <Flex gap={4}>
          {r.abilities.decide && (
            <>
              <Button
                size="small"
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => confirm(r)}
                data-testid="report-in-confirm"
              >
                {t('reportIn.confirm')}
              </Button>
              <Button
                size="small"
                danger
                icon={<CloseOutlined />}
                onClick={() => setRejecting(r)}
                data-testid="report-in-reject"
              >
                {t('reportIn.reject')}
              </Button>
            </>
          )}
          {r.status === 'confirmed' && (
            <Button
              size="small"
              icon={<FileTextOutlined />}
              onClick={() => setReceiptOf(r.id)}
              data-testid="report-in-receipt-open"
            >
              {t('reportIn.receipt.open')}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <FilterBar<Filters>
        initialValues={DEFAULT_FILTERS}
        onSearch={(v) => setFilters(v)}
        onReset={() => setFilters(DEFAULT_FILTERS)}
      >
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('reportIn.allStatuses')}
            style={{ width: 130 }}
            data-testid="report-in-status-filter"
            options={MemberReportInStatusSchema.options.map((s) => ({
              value: s,
              label: t(`reportIn.memberStatus.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="compoundId">
          <CompoundSelect allowClear placeholder={t('reportIn.compound')} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="workUnitId">
          <WorkUnitSelect allowClear placeholder={t('reportIn.workUnit')} style={{ width: 240 }} />
        </Form.Item>
      </FilterBar>
      <ListTable<MemberReportIn>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        onRow={rowTestId('report-in-row')}
      />
      <ReasonModal
        open={rejecting !== null}
        title={t('reportIn.rejectTitle')}
        subject={
          rejecting && t('reportIn.rejectSubject', { name: rejecting.memberName, compound: rejecting.compoundName })
        }
        okText={t('reportIn.reject')}
        maxLength={500}
        saving={decide.isPending}
        error={decide.error}
        onSubmit={(reason) => rejecting && decide.mutate({ id: rejecting.id, decision: 'rejected', reason })}
        onCancel={() => setRejecting(null)}
        afterClose={() => decide.reset()}
        data-testid="report-in-reject-reason"
      />
      <ReceiptModal reportInId={receiptOf} onClose={() => setReceiptOf(null)} />
    </>
  );
};
