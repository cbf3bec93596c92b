import { CreatePartnerUnitBodySchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreatePartnerUnitBody, partnerUnitsApi } from '../../api/partnerUnits.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';

type Values = {
  name: string;
  contactName?: string;
  contactPhone?: string;
  resources?: string;
  compoundIds?: string[];
  orgId?: string;
};

export const PartnerUnitCreateModal = (props: { open: boolean; onClose: () => void; onCreated: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const idem = useIdempotencyKey(props.open);
  const shape = CreatePartnerUnitBodySchema.shape;
  const create = useMutation({
    mutationFn: (body: CreatePartnerUnitBody) => partnerUnitsApi.create(body, idem.key),
    onSuccess: () => {
      void message.success(t('partnerUnit.created'));
      props.onClose();
      props.onCreated();
    },
    onError: (e) => {
      idem.afterError(e);
      applyServerErrors(form, e, t);
    },
  });
  const onFinish = (v: Values) =>
    create.mutate({
      name: v.name.trim(),
      contactName: v.contactName?.trim() || undefined,
      contactPhone: v.contactPhone?.trim() || undefined,
      resources: v.resources?.trim() || undefined,
      compoundIds: v.compoundIds ?? [],
      orgId: v.orgId || undefined,
    });
  return (
    <Modal
      open={props.open}
      width={640}
      title={t('partnerUnit.create')}
      okText={t('common.actions.save')}
      cancelText={t('common.actions.cancel')}
      confirmLoading={create.isPending}
      okButtonProps={{ id: 'partner-unit-submit' }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      afterClose={() => create.reset()}
      destroyOnHidden
    >
      <FormErrorAlert error={create.error} />
      <Form form={form} layout="vertical" preserve={false} onFinish={onFinish}>
        <Form.Item name="name" label={t('partnerUnit.name')} rules={[requiredRule(t), contractRule(shape.name, t)]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contactName" label={t('partnerUnit.contactName')} rules={[contractRule(shape.contactName, t)]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('partnerUnit.contactPhone')}
          rules={[contractRule(shape.contactPhone, t)]}
        >
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item name="resources" label={t('partnerUnit.resources')} rules={[contractRule(shape.resources, t)]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('partnerUnit.resourcesHint')} />
        </Form.Item>
        <Form.Item name="compoundIds" label={t('partnerUnit.compounds')} rules={[contractRule(shape.compoundIds, t)]}>
          <CompoundSelect mode="multiple" allowClear style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="orgId" label={t('partnerUnit.org')} extra={t('partnerUnit.orgHint')}>
          <OrgTreeSelect allowClear style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
