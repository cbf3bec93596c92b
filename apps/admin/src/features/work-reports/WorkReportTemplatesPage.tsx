import { CopyOutlined, DeleteOutlined, EditOutlined, EyeOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import type { WorkReportTemplate } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { WORK_REPORT_TEMPLATES_KEY, workReportTemplatesApi } from '../../api/reports.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { errorText } from '../../components/errors.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatTime } from '../../components/time.ts';
import { useTemplates } from './useTemplates.ts';

/** `/work-report-templates`: 汇报模板 — the built-in one (copy only) and the county's own (edit, default, delete). */
export const WorkReportTemplatesPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const templates = useTemplates();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: WORK_REPORT_TEMPLATES_KEY });

  const setDefault = useMutation({
    mutationFn: (tpl: WorkReportTemplate) =>
      workReportTemplatesApi.update(tpl.id, { name: tpl.name, body: tpl.body, isDefault: true }, tpl.version),
    onSuccess: (tpl) => void message.success(t('reports.templates.defaultSet', { name: tpl.name })),
    onError: (e) => void message.error(errorText(e, t)),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: (tpl: WorkReportTemplate) => workReportTemplatesApi.remove(tpl.id, tpl.version),
    onSuccess: () => void message.success(t('common.feedback.deleted')),
    onError: (e) => void message.error(errorText(e, t)),
    onSettled: refresh,
  });

  const columns: TableColumnsType<WorkReportTemplate> = [
    {
      title: t('reports.templates.name'),
      key: 'name',
      render: (_: unknown, tpl) => (
        <Flex gap={6} align="center" wrap>
          <Typography.Link onClick={() => navigate(`/work-report-templates/${tpl.id}`)}>{tpl.name}</Typography.Link>
          {tpl.builtin && <Tag>{t('reports.templates.builtin')}</Tag>}
          {tpl.isDefault && <Tag color="red">{t('reports.templates.default')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('reports.templates.length'),
      key: 'length',
      width: 110,
      align: 'right',
      render: (_: unknown, tpl) => t('reports.templates.chars', { count: tpl.body.length }),
    },
    {
      title: t('reports.templates.updatedBy'),
      key: 'updatedBy',
      width: 140,
      render: (_: unknown, tpl) => (tpl.builtin ? t('reports.templates.system') : (tpl.updatedByName ?? '—')),
    },
    {
      title: t('reports.templates.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (v: string | null) => formatTime(v),
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 400,
      render: (_: unknown, tpl) => (
        <Flex gap={4} wrap>
          {tpl.builtin ? (
            <Button
              size="small"
              type="link"
              icon={<EyeOutlined />}
              onClick={() => navigate(`/work-report-templates/${tpl.id}`)}
            >
              {t('common.actions.view')}
            </Button>
          ) : (
            <Button
              size="small"
              type="link"
              icon={<EditOutlined />}
              onClick={() => navigate(`/work-report-templates/${tpl.id}`)}
              data-testid={`template-edit-${tpl.id}`}
            >
              {t('common.actions.edit')}
            </Button>
          )}
          <Button
            size="small"
            type="link"
            icon={<CopyOutlined />}
            onClick={() => navigate(`/work-report-templates/new?copy=${tpl.id}`)}
            data-testid={`template-copy-${tpl.id}`}
          >
            {t('reports.templates.copy')}
          </Button>
          {!tpl.builtin && !tpl.isDefault && (
            <Button
              size="small"
              type="link"
              icon={<StarOutlined />}
              loading={setDefault.isPending && setDefault.variables?.id === tpl.id}
              onClick={() => setDefault.mutate(tpl)}
              data-testid={`template-default-${tpl.id}`}
            >
              {t('reports.templates.setDefault')}
            </Button>
          )}
          {!tpl.builtin && (
            <Popconfirm
              title={t('reports.templates.deleteConfirm', { name: tpl.name })}
              description={tpl.isDefault ? t('reports.templates.deleteDefaultHint') : undefined}
              onConfirm={() => remove.mutate(tpl)}
            >
              <Button
                size="small"
                type="link"
                danger
                icon={<DeleteOutlined />}
                loading={remove.isPending && remove.variables?.id === tpl.id}
                data-testid={`template-delete-${tpl.id}`}
              >
                {t('common.actions.delete')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <PageContainer
      title={t('reports.templates.title')}
      subTitle={t('reports.templates.subTitle')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/work-report-templates/new')}
          data-testid="template-create"
        >
          {t('reports.templates.create')}
        </Button>
      }
    >
      <Card size="small">
        {templates.isError && !templates.data ? (
          <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
        ) : (
          <Table<WorkReportTemplate>
            size="small"
            bordered
            rowKey="id"
            pagination={false}
            loading={templates.isFetching}
            columns={columns}
            dataSource={templates.data ?? []}
            onRow={(tpl) => ({ 'data-testid': `template-row-${tpl.id}` }) as HTMLAttributes<HTMLElement>}
            locale={{
              emptyText: templates.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />,
            }}
            data-testid="template-list"
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('reports.templates.listHint')}
        </Typography.Paragraph>
      </Card>
    </PageContainer>
  );
};
