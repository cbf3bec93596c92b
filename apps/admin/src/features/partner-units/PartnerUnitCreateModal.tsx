import { CreatePartnerUnitBodySchema } from '@linli/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreatePartnerUnitBody, type PartnerUnit, partnerUnitsApi } from '../../api/partnerUnits.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';

type Values = {
  name: string;
  contactName?: string;
  contactPhone?: string;
  resources?: string;
  compoundIds?: string[];
  orgId?: string;
};

export const PartnerUnitCreateModal = (props: CreateDialogProps) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<Values, CreatePartnerUnitBody, PartnerUnit>({
    ...props,
    create: partnerUnitsApi.create,
    createdText: t('partnerUnit.created'),
  });
  const shape = CreatePartnerUnitBodySchema.shape;
  const onFinish = (v: Values) =>
    submit({
      name: v.name.trim(),
      contactName: v.contactName?.trim() || undefined,
      contactPhone: v.contactPhone?.trim() || undefined,
      resources: v.resources?.trim() || undefined,
      compoundIds: v.compoundIds ?? [],
      orgId: v.orgId || undefined,
    });
  return (
    <FormModal {...modal} title={t('partnerUnit.create')} submitId="partner-unit-submit" width={640}>
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
    </FormModal>
  );
};
