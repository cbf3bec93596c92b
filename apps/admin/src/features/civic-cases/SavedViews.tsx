import { DeleteOutlined, SaveOutlined, StarOutlined } from '@ant-design/icons';
import { CreateSavedViewBodySchema } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Empty, Flex, Form, Input, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CivicCaseFilters, SAVED_VIEWS_KEY, type SavedView, savedViewsApi } from '../../api/civicCases.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { errorText } from '../../components/errors.ts';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';
import { filtersFromParams, filtersToRecord } from './useCaseFilters.ts';

type Props = { filters: CivicCaseFilters; onApply: (f: CivicCaseFilters) => void };

const SaveViewModal = ({
  open,
  filters,
  onClose,
}: {
  open: boolean;
  filters: CivicCaseFilters;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const save = useMutation({
    mutationFn: (name: string) => savedViewsApi.create({ name, query: filtersToRecord(filters) }),
    onSuccess: () => {
      void message.success(t('civic.views.saved'));
      void queryClient.invalidateQueries({ queryKey: SAVED_VIEWS_KEY });
      onClose();
    },
    onError: (e) => applyServerErrors(form, e, t),
  });
  return (
    <Modal
      open={open}
      title={t('civic.views.saveTitle')}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ id: 'civic-save-view-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => save.reset()}
      destroyOnHidden
    >
      <FormErrorAlert error={save.error} />
      <Typography.Paragraph type="secondary">{t('civic.views.saveHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false} onFinish={(v) => save.mutate(v.name.trim())}>
        <Form.Item
          name="name"
          label={t('civic.views.name')}
          rules={[requiredRule(t), contractRule(CreateSavedViewBodySchema.shape.name, t)]}
        >
          <Input
            maxLength={30}
            autoFocus
            placeholder={t('civic.views.namePlaceholder')}
            data-testid="civic-save-view-name"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};

/** My saved views of the case centre: apply one, delete one, or save the current filters under a name. */
export const SavedViews = ({ filters, onApply }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const views = useQuery({ queryKey: SAVED_VIEWS_KEY, queryFn: savedViewsApi.list });
  const remove = useMutation({
    mutationFn: (id: string) => savedViewsApi.remove(id),
    onSuccess: () => {
      void message.success(t('civic.views.deleted'));
      void queryClient.invalidateQueries({ queryKey: SAVED_VIEWS_KEY });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  const items = views.data?.items ?? [];
  const row = (v: SavedView) => (
    <Flex justify="space-between" align="center" gap={16} style={{ minWidth: 220 }}>
      <span>{v.name}</span>
      <Popconfirm
        title={t('civic.views.deleteConfirm', { name: v.name })}
        okText={t('common.actions.delete')}
        cancelText={t('common.actions.cancel')}
        onConfirm={(e) => {
          e?.stopPropagation();
          remove.mutate(v.id);
        }}
        onCancel={(e) => e?.stopPropagation()}
      >
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('common.actions.delete')}
          onClick={(e) => e.stopPropagation()}
          data-testid="civic-view-delete"
        />
      </Popconfirm>
    </Flex>
  );
  const menuItems = items.length
    ? items.map((v) => ({ key: v.id, label: row(v), 'data-testid': 'civic-view-item' }))
    : [
        {
          key: 'empty',
          disabled: true,
          label: views.isError ? (
            t('common.errors.loadFailed')
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('civic.views.none')} />
          ),
        },
      ];
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: menuItems,
          onClick: ({ key }) => {
            const view = items.find((v) => v.id === key);
            if (view) onApply(filtersFromParams(new URLSearchParams(view.query)));
          },
        }}
      >
        <Button icon={<StarOutlined />} loading={views.isFetching} data-testid="civic-views">
          {t('civic.views.open', { n: items.length })}
        </Button>
      </Dropdown>
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="civic-save-view">
        {t('civic.views.save')}
      </Button>
      <SaveViewModal open={saving} filters={filters} onClose={() => setSaving(false)} />
    </>
  );
};
