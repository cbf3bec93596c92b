import { CheckOutlined, CloseOutlined, DownloadOutlined } from '@ant-design/icons';
import { PII_EXPORT_REQUEST_STATUSES, type PiiExportRequest, type PiiExportRequestStatus } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Select, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExportRequestListQuery, exportRequestsApi, membersApi } from '../../api/members.ts';
import { useSession } from '../../app/session.tsx';
import { errorText } from '../../components/errors.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatTime } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';
import { type Decision, ExportDecisionModal } from './ExportDecisionModal.tsx';
import { ExportFilterSummary } from './ExportFilterSummary.tsx';
import { rowTestId } from './rowTestId.ts';

const STATUS_COLORS: Record<PiiExportRequestStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  used: 'default',
  expired: 'default',
};

type Filters = Omit<ExportRequestListQuery, 'cursor' | 'limit'>;

/** The unmasked file of an approved request of mine, once, after a warning about what it holds. */
const useApprovedDownload = () => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const download = useMutation({
    mutationFn: (r: PiiExportRequest) =>
      membersApi.exportApproved(r.id, `${t('member.export.plainFileName')}-${dayjs().format('YYYYMMDD')}.xlsx`),
    onSuccess: () => void message.success(t('member.exportRequest.downloaded')),
    onError: (e) => void message.error(errorText(e, t)),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['member-export-requests'] }),
  });
  const start = (r: PiiExportRequest) =>
    modal.confirm({
      title: t('member.exportRequest.downloadTitle'),
      content: t('member.exportRequest.downloadWarning'),
      okText: t('member.exportRequest.downloadConfirm'),
      cancelText: t('common.actions.cancel'),
      okButtonProps: { danger: true, id: 'export-download-confirm' },
      onOk: () => download.mutateAsync(r).catch(() => undefined),
    });
  return { start, pendingId: download.isPending ? download.variables?.id : undefined };
};

/** `/member-export-requests`: my unmasked-export requests and the ones I may decide (PI-4). */
export const ExportRequestsPage = () => {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const [filters, setFilters] = useState<Filters>({});
  // Kept after closing, so the dialog does not change its words while it animates away.
  const [deciding, setDeciding] = useState<{ request: PiiExportRequest; decision: Decision } | null>(null);
  const [decidingOpen, setDecidingOpen] = useState(false);
  const openDecision = (request: PiiExportRequest, decision: Decision) => {
    setDeciding({ request, decision });
    setDecidingOpen(true);
  };
  const { paging, query } = useListQuery('member-export-requests', filters, exportRequestsApi.list);
  const download = useApprovedDownload();

  const actions = (r: PiiExportRequest) => {
    const mine = r.requestedById === me.id;
    if (r.abilities.decide && !mine) {
      return (
        <Flex gap={4} wrap>
          <Button
            size="small"
            type="primary"
            icon={<CheckOutlined />}
            onClick={() => openDecision(r, 'approved')}
            data-testid="export-request-approve"
          >
            {t('member.exportRequest.decide.approved')}
          </Button>
          <Button
            size="small"
            danger
            icon={<CloseOutlined />}
            onClick={() => openDecision(r, 'rejected')}
            data-testid="export-request-reject"
          >
            {t('member.exportRequest.decide.rejected')}
          </Button>
        </Flex>
      );
    }
    if (r.status === 'approved' && mine) {
      return (
        <Button
          size="small"
          type="primary"
          icon={<DownloadOutlined />}
          loading={download.pendingId === r.id}
          onClick={() => download.start(r)}
          data-testid="export-request-download"
        >
          {t('member.exportRequest.download')}
        </Button>
      );
    }
    if (r.status === 'pending' && mine) {
      return <Typography.Text type="secondary">{t('member.exportRequest.waiting')}</Typography.Text>;
    }
    return <Typography.Text type="secondary">—</Typography.Text>;
  };

  const columns: TableColumnsType<PiiExportRequest> = [
    {
      title: t('member.exportRequest.requestedAt'),
      dataIndex: 'requestedAt',
      width: 140,
      render: (v: string) => formatTime(v),
    },
    {
      title: t('member.exportRequest.requester'),
      dataIndex: 'requestedByName',
      width: 130,
      render: (name: string, r) => (
        <>
          {name} {r.requestedById === me.id && <Tag color="blue">{t('member.exportRequest.me')}</Tag>}
        </>
      ),
    },
    {
      title: t('member.exportRequest.filter'),
      key: 'filter',
      width: 260,
      render: (_: unknown, r) => <ExportFilterSummary filter={r.filter} />,
    },
    { title: t('member.exportRequest.reason'), dataIndex: 'reason' },
    {
      title: t('member.exportRequest.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: PiiExportRequestStatus) => (
        <Tag color={STATUS_COLORS[s]}>{t(`member.exportRequest.statusLabel.${s}`)}</Tag>
      ),
    },
    {
      title: t('member.exportRequest.decision'),
      key: 'decision',
      width: 220,
      render: (_: unknown, r) =>
        r.decidedAt ? (
          <Flex vertical>
            <span>
              {t('member.exportRequest.decidedLine', { name: r.decidedByName ?? '—', at: formatTime(r.decidedAt) })}
            </span>
            {r.decisionNote && <Typography.Text type="secondary">{r.decisionNote}</Typography.Text>}
            {r.status === 'approved' && r.expiresAt && (
              <Typography.Text type="warning">
                {t('member.exportRequest.expiresLine', { at: formatTime(r.expiresAt) })}
              </Typography.Text>
            )}
            {r.usedAt && (
              <Typography.Text type="secondary">
                {t('member.exportRequest.usedLine', { at: formatTime(r.usedAt) })}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: t('common.actions.actions'), key: 'actions', width: 170, render: (_: unknown, r) => actions(r) },
  ];

  return (
    <PageContainer title={t('member.exportRequest.title')} subTitle={t('member.exportRequest.subTitle')}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={can('member.export_approve') ? t('member.exportRequest.introApprover') : t('member.exportRequest.intro')}
      />
      <FilterBar<Filters> onSearch={(v) => setFilters({ status: v.status })} onReset={() => setFilters({})}>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder={t('member.exportRequest.status')}
            style={{ width: 160 }}
            options={PII_EXPORT_REQUEST_STATUSES.map((s) => ({
              value: s,
              label: t(`member.exportRequest.statusLabel.${s}`),
            }))}
            data-testid="export-request-filter-status"
          />
        </Form.Item>
      </FilterBar>
      <ListTable<PiiExportRequest>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        onRow={rowTestId('export-request-row')}
      />
      <ExportDecisionModal
        open={decidingOpen}
        request={deciding?.request ?? null}
        decision={deciding?.decision ?? 'approved'}
        onClose={() => setDecidingOpen(false)}
      />
    </PageContainer>
  );
};
