import { CopyOutlined, KeyOutlined } from '@ant-design/icons';
import { CreateApiKeyBodySchema } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_KEYS_KEY, type ApiKey, civicSettingsApi, type IssuedApiKey } from '../../api/civicSettings.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { errorText } from '../../components/errors.ts';
import { FormModal, formModalState } from '../../components/FormModal.tsx';
import { formatTime } from '../../components/time.ts';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';

const OPEN311_PATH = '/open311/v2/';

const IssueModal = ({
  open,
  onClose,
  onIssued,
}: {
  open: boolean;
  onClose: () => void;
  onIssued: (key: IssuedApiKey) => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const save = useMutation({
    mutationFn: (v: { name: string }) => civicSettingsApi.issueApiKey(v.name.trim()),
    onSuccess: (issued) => {
      onClose();
      onIssued(issued);
    },
    onError: (e) => applyServerErrors(form, e, t),
  });
  return (
    <FormModal
      {...formModalState({ open, form, save, onCancel: onClose })}
      title={t('civicSettings.apiKeys.issueTitle')}
      submitId="api-key-issue-submit"
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item
          name="name"
          label={t('civicSettings.apiKeys.name')}
          rules={[requiredRule(t), contractRule(CreateApiKeyBodySchema.shape.name, t)]}
        >
          <Input maxLength={60} placeholder={t('civicSettings.apiKeys.namePlaceholder')} data-testid="api-key-name" />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

/** The whole key, once: copy it now, it cannot be shown again. */
const IssuedModal = ({ issued, onClose }: { issued: IssuedApiKey | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    if (!issued) return;
    try {
      await navigator.clipboard.writeText(issued.key);
      void message.success(t('civicSettings.apiKeys.copied'));
    } catch {
      void message.error(t('common.errors.actionFailed'));
    }
  };
  return (
    <Modal
      open={issued !== null}
      title={t('civicSettings.apiKeys.issuedTitle')}
      closable={false}
      mask={{ closable: false }}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-key-issued-close">
          {t('civicSettings.apiKeys.done')}
        </Button>
      }
    >
      {issued && (
        <Flex vertical gap={16}>
          <Alert
            type="warning"
            showIcon
            title={t('civicSettings.apiKeys.issuedWarning')}
            description={t('civicSettings.apiKeys.issuedWarningHint')}
          />
          <Typography.Text type="secondary">
            {t('common.fmt.labelValue', { label: t('civicSettings.apiKeys.name'), value: issued.name })}
          </Typography.Text>
          <Input.TextArea
            readOnly
            value={issued.key}
            autoSize
            className="mono"
            onFocus={(e) => e.target.select()}
            data-testid="api-key-issued-value"
          />
          <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="api-key-copy">
            {t('civicSettings.apiKeys.copy')}
          </Button>
        </Flex>
      )}
    </Modal>
  );
};

const RevokeButton = ({ apiKey }: { apiKey: ApiKey }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => civicSettingsApi.revokeApiKey(apiKey.id),
    onSuccess: () => {
      void message.success(t('civicSettings.apiKeys.revokedDone'));
      void queryClient.invalidateQueries({ queryKey: API_KEYS_KEY });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  return (
    <Popconfirm
      title={t('civicSettings.apiKeys.revokeConfirm', { name: apiKey.name })}
      overlayStyle={{ maxWidth: 340 }}
      okText={t('civicSettings.apiKeys.revoke')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.actions.cancel')}
      onConfirm={() => revoke.mutateAsync().catch(() => undefined)}
    >
      <Button type="link" size="small" danger loading={revoke.isPending} data-testid="api-key-revoke">
        {t('civicSettings.apiKeys.revoke')}
      </Button>
    </Popconfirm>
  );
};

/** 接口密钥: the Open311 keys the county issued to other systems (the 12345 hotline): issue, see use, revoke. */
export const ApiKeysTab = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: API_KEYS_KEY, queryFn: civicSettingsApi.apiKeys });
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedApiKey | null>(null);

  if (keys.isError && !keys.data) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;

  const columns: TableColumnsType<ApiKey> = [
    { title: t('civicSettings.apiKeys.name'), dataIndex: 'name' },
    {
      title: t('civicSettings.apiKeys.prefix'),
      dataIndex: 'prefix',
      width: 160,
      render: (p: string) => <span className="mono">{p}…</span>,
    },
    {
      title: t('civicSettings.apiKeys.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (v: string) => formatTime(v),
    },
    {
      title: t('civicSettings.apiKeys.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      width: 160,
      render: (v: string | null) =>
        v ? formatTime(v) : <Typography.Text type="secondary">{t('civicSettings.apiKeys.neverUsed')}</Typography.Text>,
    },
    {
      title: t('civicSettings.apiKeys.status'),
      key: 'status',
      width: 200,
      render: (_: unknown, k) =>
        k.revokedAt ? (
          <Tag>{t('civicSettings.apiKeys.revoked', { time: formatTime(k.revokedAt) })}</Tag>
        ) : (
          <Tag color="success">{t('civicSettings.apiKeys.active')}</Tag>
        ),
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, k) => (k.revokedAt ? null : <RevokeButton apiKey={k} />),
    },
  ];

  return (
    <Card size="small" title={t('civicSettings.apiKeys.title')}>
      <Flex justify="space-between" align="start" gap={16} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('civicSettings.apiKeys.hint', { path: OPEN311_PATH })}</Typography.Text>
        <Button type="primary" icon={<KeyOutlined />} onClick={() => setIssuing(true)} data-testid="api-key-issue">
          {t('civicSettings.apiKeys.issue')}
        </Button>
      </Flex>
      <Table<ApiKey>
        size="small"
        bordered
        rowKey="id"
        loading={keys.isFetching}
        dataSource={keys.data?.items ?? []}
        columns={columns}
        pagination={false}
        onRow={(k) => ({ 'data-testid': `api-key-row-${k.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: keys.isPending ? ' ' : t('civicSettings.apiKeys.empty') }}
      />
      <IssueModal
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={(k) => {
          setIssued(k);
          void queryClient.invalidateQueries({ queryKey: API_KEYS_KEY });
        }}
      />
      <IssuedModal issued={issued} onClose={() => setIssued(null)} />
    </Card>
  );
};
