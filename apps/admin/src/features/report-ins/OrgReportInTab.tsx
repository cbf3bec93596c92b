import { InboxOutlined } from '@ant-design/icons';
import {
  type OrgReportIn,
  type OrgReportInStatus,
  OrgReportInStatusSchema,
  type OrgReportInTargetKind,
  OrgReportInTargetKindSchema,
} from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type OrgReportInListQuery, reportInsApi } from '../../api/reportIns.ts';
import { errorText } from '../../components/errors.ts';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { formatTime } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';
import { rowTestId } from '../members/rowTestId.ts';
import { rethrowExplained } from '../posts/conflicts.ts';
import { OrgReportInCreateModal } from './OrgReportInCreateModal.tsx';

type Filters = Omit<OrgReportInListQuery, 'cursor' | 'limit'>;
const STATUS_COLORS: Record<OrgReportInStatus, string> = { submitted: 'gold', received: 'green', withdrawn: 'default' };

/**
 * 单位报到: 报到单 of organ Party organisations, filed by them and received (接收) by the compound or community. The
 * page's 新建报到单 button opens `creating`.
 */
type Props = { creating: boolean; onCloseCreate: () => void };

export const OrgReportInTab = ({ creating, onCloseCreate }: Props) => {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<Filters>({});
  const { paging, query } = useListQuery('org-report-ins', filters, reportInsApi.listOrg);

  const receive = useMutation({
    mutationFn: (id: string) => reportInsApi.receiveOrg(id).catch(rethrowExplained(t)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['org-report-ins'] });
      modal.success({
        title: t('reportIn.org.receivedTitle'),
        content: (
          <Typography.Paragraph style={{ marginTop: 8 }}>
            {t('reportIn.org.receivedBody', { org: saved.reportingOrgName, target: saved.targetName })}
            <br />
            {t('reportIn.receiptNo')}：
            <Typography.Text strong copyable className="mono" data-testid="org-report-in-receipt-no">
              {saved.receiptNo ?? '—'}
            </Typography.Text>
          </Typography.Paragraph>
        ),
        okText: t('common.actions.close'),
      });
    },
  });

  const askReceive = (r: OrgReportIn) =>
    modal.confirm({
      title: t('reportIn.org.receiveTitle', { org: r.reportingOrgName, target: r.targetName }),
      content: t('reportIn.org.receiveHint'),
      okText: t('reportIn.org.receive'),
      okButtonProps: { id: 'org-report-in-receive-ok' },
      cancelText: t('common.actions.cancel'),
      onOk: () => receive.mutateAsync(r.id).catch((e: unknown) => void message.error(errorText(e, t))),
    });

  const columns: TableColumnsType<OrgReportIn> = [
    { title: t('reportIn.org.reportingOrg'), dataIndex: 'reportingOrgName', width: 190, ellipsis: true },
    {
      title: t('reportIn.org.target'),
      dataIndex: 'targetName',
      width: 170,
      render: (name: string, r) => (
        <Flex gap={4} align="center">
          <Tag>{t(`reportIn.org.targetKinds.${r.targetKind}`)}</Tag>
          <span>{name}</span>
        </Flex>
      ),
    },
    {
      title: t('reportIn.org.contact'),
      key: 'contact',
      width: 130,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>{r.contactName}</span>
          <span className="mono" style={{ fontSize: 12 }}>
            {r.contactPhoneMasked}
          </span>
        </Flex>
      ),
    },
    {
      title: t('reportIn.org.resources'),
      dataIndex: 'resources',
      render: (v: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ margin: 0 }}>
          {v}
        </Typography.Paragraph>
      ),
    },
    { title: t('reportIn.org.reportedOn'), dataIndex: 'reportedOn', width: 105 },
    {
      title: t('reportIn.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: OrgReportInStatus) => <Tag color={STATUS_COLORS[s]}>{t(`reportIn.org.status.${s}`)}</Tag>,
    },
    {
      title: t('reportIn.receiptNo'),
      dataIndex: 'receiptNo',
      width: 150,
      render: (v: string | null, r) =>
        v ? (
          <Flex vertical>
            <span className="mono">{v}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatTime(r.receivedAt)}
            </Typography.Text>
          </Flex>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 80,
      render: (_: unknown, r) =>
        r.abilities.receive && (
          <Button
            size="small"
            type="primary"
            icon={<InboxOutlined />}
            onClick={() => askReceive(r)}
            data-testid="org-report-in-receive"
          >
            {t('reportIn.org.receive')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <FilterBar<Filters> onSearch={(v) => setFilters(v)} onReset={() => setFilters({})}>
        <Form.Item name="status">
          <Select<OrgReportInStatus>
            allowClear
            placeholder={t('reportIn.allStatuses')}
            style={{ width: 130 }}
            options={OrgReportInStatusSchema.options.map((s) => ({ value: s, label: t(`reportIn.org.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="targetKind">
          <Select<OrgReportInTargetKind>
            allowClear
            placeholder={t('reportIn.org.targetKind')}
            style={{ width: 130 }}
            options={OrgReportInTargetKindSchema.options.map((k) => ({
              value: k,
              label: t(`reportIn.org.targetKinds.${k}`),
            }))}
          />
        </Form.Item>
      </FilterBar>
      <ListTable<OrgReportIn>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        onRow={rowTestId('org-report-in-row')}
      />
      <OrgReportInCreateModal
        open={creating}
        onClose={onCloseCreate}
        onCreated={() => void queryClient.invalidateQueries({ queryKey: ['org-report-ins'] })}
      />
    </>
  );
};
