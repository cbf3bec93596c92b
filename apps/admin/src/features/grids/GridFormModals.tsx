import { CreateGridBodySchema, type Grid, UpdateGridBodySchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreateGridBody, gridsApi } from '../../api/grids.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FormModal, formModalState } from '../../components/FormModal.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';
import { formatGridCode, GridCodeInput } from './GridCodeInput.tsx';

type CreateValues = { code: string; name: string; orgId: string; compoundId?: string };

export const GridCreateModal = (props: CreateDialogProps) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<CreateValues, CreateGridBody, Grid>({
    ...props,
    create: gridsApi.create,
    createdText: t('grid.created'),
  });
  const shape = CreateGridBodySchema.shape;
  return (
    <FormModal {...modal} title={t('grid.create')} submitId="grid-submit" width={640}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) =>
          submit({ code: v.code, name: v.name.trim(), orgId: v.orgId, compoundId: v.compoundId || undefined })
        }
      >
        <Form.Item
          name="code"
          label={t('grid.code')}
          extra={t('grid.codeHelp')}
          rules={[requiredRule(t), contractRule(shape.code, t)]}
        >
          <GridCodeInput />
        </Form.Item>
        <Form.Item name="name" label={t('grid.name')} rules={[requiredRule(t), contractRule(shape.name, t)]}>
          <Input maxLength={80} data-testid="grid-name" />
        </Form.Item>
        <Form.Item name="orgId" label={t('grid.org')} rules={[requiredRule(t)]}>
          <OrgTreeSelect style={{ width: '100%' }} data-testid="grid-org" />
        </Form.Item>
        <Form.Item name="compoundId" label={t('grid.compound')}>
          <CompoundSelect allowClear placeholder={t('grid.noCompound')} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

type EditValues = { name: string; compoundId?: string | null };

export const GridEditModal = (props: {
  grid: Grid | null;
  onClose: () => void;
  onSaved: () => void;
  onReload: () => Promise<Grid | undefined>;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const { grid } = props;
  const save = useMutation({
    mutationFn: ({ g, v }: { g: Grid; v: EditValues }) =>
      gridsApi.update(g.id, { name: v.name.trim(), compoundId: v.compoundId ?? null }, g.version),
    onSuccess: () => {
      void message.success(t('common.feedback.saved'));
      props.onClose();
      props.onSaved();
    },
    onError: (e) => applyServerErrors(form, e, t),
  });
  useEffect(() => {
    if (grid) form.setFieldsValue({ name: grid.name, compoundId: grid.compoundId });
  }, [grid, form]);
  return (
    <FormModal
      {...formModalState({ open: !!grid, form, save, onCancel: props.onClose, onReload: props.onReload })}
      title={t('grid.editTitle')}
    >
      {grid && (
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ g: grid, v })}>
          <Form.Item label={t('grid.code')}>
            <Typography.Text className="mono">{formatGridCode(grid.code)}</Typography.Text>
          </Form.Item>
          <Form.Item
            name="name"
            label={t('grid.name')}
            rules={[requiredRule(t), contractRule(UpdateGridBodySchema.shape.name, t)]}
          >
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="compoundId" label={t('grid.compound')}>
            <CompoundSelect
              allowClear
              placeholder={t('grid.noCompound')}
              style={{ width: '100%' }}
              knownOptions={
                grid.compoundId && grid.compoundName ? [{ value: grid.compoundId, label: grid.compoundName }] : []
              }
            />
          </Form.Item>
        </Form>
      )}
    </FormModal>
  );
};
