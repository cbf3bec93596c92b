import { SafetyCertificateOutlined } from '@ant-design/icons';
import { type AuditEntry, ROLES, type Role } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Select,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditQuery, auditApi } from '../../api/audit.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { SearchField } from '../../components/SearchField.tsx';
import { formatTime } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';

type Filters = Omit<AuditQuery, 'cursor' | 'limit'>;
const isRole = (c: string): c is Role => (ROLES as readonly string[]).includes(c);
type FormValues = {
  action?: string;
  objectType?: string;
  objectId?: string;
  outcome?: AuditEntry['outcome'];
  range?: [Dayjs | null, Dayjs | null] | null;
};

const toFilters = (v: FormValues): Filters => ({
  action: v.action?.trim() || undefined,
  objectType: v.objectType?.trim() || undefined,
  objectId: v.objectId?.trim() || undefined,
  outcome: v.outcome,
  from: v.range?.[0]?.toISOString(),
  to: v.range?.[1]?.toISOString(),
});

const EntryDetails = ({ entry }: { entry: AuditEntry }) => {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'ua', label: t('audit.userAgent'), children: entry.userAgent ?? '—' },
        { key: 'req', label: t('audit.requestId'), children: <span className="mono">{entry.requestId ?? '—'}</span> },
        {
          key: 'details',
          label: t('audit.details'),
          children:
            entry.details == null ? (
              '—'
            ) : (
              <pre className="mono" style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                {JSON.stringify(entry.details, null, 2)}
              </pre>
            ),
        },
      ]}
    />
  );
};

export const AuditLogPage = () => {
  const { t } = useTranslation();
  /** `actorRoles` is the role codes as recorded (comma-separated); shown with their names where known. */
  const roleNames = (codes: string) =>
    codes
      .split(/[,\s]+/)
      .filter(Boolean)
      .map((c) => (isRole(c) ? t(`common.enum.role.${c}`) : c))
      .join(t('common.fmt.listSep'));
  const [filters, setFilters] = useState<Filters>({});
  const { paging, query } = useListQuery('audit', filters, auditApi.list, 50);
  const verify = useMutation({ mutationFn: auditApi.verify });

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.seq'),
      dataIndex: 'seq',
      width: 90,
      align: 'right',
      render: (v: number) => <span className="mono">{v}</span>,
    },
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => formatTime(v, 'YYYY-MM-DD HH:mm:ss') },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: 150,
      render: (v: string | null, e) => (
        <>
          <div>{v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>}</div>
          {e.actorRoles && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {roleNames(e.actorRoles)}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    {
      title: t('audit.objectType'),
      key: 'object',
      render: (_: unknown, e) =>
        e.objectType ? (
          <>
            <Tag>{e.objectType}</Tag>
            <Typography.Text
              className="mono"
              style={{ fontSize: 12 }}
              copyable={e.objectId ? { text: e.objectId } : false}
            >
              {e.objectId ?? ''}
            </Typography.Text>
          </>
        ) : (
          '—'
        ),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 80,
      render: (o: AuditEntry['outcome']) => (
        <Tag color={o === 'success' ? 'green' : 'red'}>{t(`common.enum.outcome.${o}`)}</Tag>
      ),
    },
    {
      title: t('audit.ip'),
      dataIndex: 'ip',
      width: 130,
      render: (v: string | null) => <span className="mono">{v ?? '—'}</span>,
    },
  ];

  return (
    <PageContainer
      title={t('audit.title')}
      subTitle={t('audit.hint')}
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      }
    >
      {verify.isError && (
        <div style={{ marginBottom: 16 }}>
          <ErrorState error={verify.error} title={t('audit.verify')} onRetry={() => verify.mutate()} />
        </div>
      )}
      {verify.data && (
        <Alert
          data-testid="audit-verify-result"
          type={verify.data.ok ? 'success' : 'error'}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          style={{ marginBottom: 16 }}
          title={verify.data.ok ? t('audit.verifyOk') : t('audit.verifyBroken')}
          description={
            verify.data.ok
              ? t('audit.verifyOkDetail', { checked: verify.data.checked })
              : t('audit.verifyBrokenDetail', { checked: verify.data.checked, seq: verify.data.firstBrokenSeq ?? '—' })
          }
        />
      )}
      <FilterBar<FormValues> onSearch={(v) => setFilters(toFilters(v))} onReset={() => setFilters({})}>
        <SearchField name="action" placeholder={t('audit.action')} width={150} maxLength={80} />
        <Form.Item name="objectType">
          <Input allowClear placeholder={t('audit.objectType')} style={{ width: 120 }} maxLength={40} />
        </Form.Item>
        <Form.Item name="objectId">
          <Input allowClear placeholder={t('audit.objectId')} style={{ width: 150 }} maxLength={80} />
        </Form.Item>
        <Form.Item name="outcome">
          <Select
            allowClear
            placeholder={t('audit.outcome')}
            style={{ width: 100 }}
            options={(['success', 'failure'] as const).map((o) => ({ value: o, label: t(`common.enum.outcome.${o}`) }))}
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            allowEmpty={[true, true]}
            style={{ width: 330 }}
          />
        </Form.Item>
      </FilterBar>
      <ListTable<AuditEntry>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        expandable={{ expandedRowRender: (e) => <EntryDetails entry={e} /> }}
      />
    </PageContainer>
  );
};
