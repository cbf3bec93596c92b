import {
  CreateResidentBodySchema,
  RESIDENT_RELATIONS,
  type Resident,
  type ResidentRelation,
  UpdateResidentBodySchema,
} from '@linli/contracts';
import { Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreateResidentBody, householdsApi, type UpdateResidentBody } from '../../api/households.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { MaskedPhoneField, type MaskedPhoneValues, phoneChange } from '../../components/MaskedPhoneField.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { type EditDialogProps, useEditForm } from '../../components/useEditForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';

type Values = { name: string; relation: ResidentRelation; phone?: string };

const NameAndRelation = () => {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="name"
        label={t('household.resident.name')}
        rules={[requiredRule(t), contractRule(CreateResidentBodySchema.shape.name, t)]}
      >
        <Input maxLength={40} style={{ width: 240 }} data-testid="resident-name" />
      </Form.Item>
      <Form.Item name="relation" label={t('household.resident.relation')} rules={[requiredRule(t)]}>
        <Radio.Group
          optionType="button"
          data-testid="resident-relation"
          options={RESIDENT_RELATIONS.map((r) => ({ value: r, label: t(`household.relation.${r}`) }))}
        />
      </Form.Item>
    </>
  );
};

/** 添加住户成员: a name, the relation to the household and an optional phone (stored encrypted, shown masked). */
export const ResidentCreateModal = ({ householdId, ...props }: CreateDialogProps & { householdId: string }) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<Values, CreateResidentBody, Resident>({
    ...props,
    create: (body, key) => householdsApi.addResident(householdId, body, key),
    createdText: t('household.resident.added'),
  });
  const onFinish = (v: Values) =>
    submit({ name: v.name.trim(), relation: v.relation, phone: v.phone?.trim() || undefined });
  return (
    <FormModal {...modal} title={t('household.resident.add')} submitId="resident-submit">
      <Form form={form} layout="vertical" preserve={false} initialValues={{ relation: 'owner' }} onFinish={onFinish}>
        <NameAndRelation />
        <Form.Item
          name="phone"
          label={t('household.resident.phone')}
          extra={t('household.resident.phoneHint')}
          rules={[contractRule(CreateResidentBodySchema.shape.phone, t)]}
        >
          <Input maxLength={11} inputMode="numeric" style={{ width: 240 }} data-testid="resident-phone" />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

type EditValues = Omit<Values, 'phone'> & MaskedPhoneValues;

const valuesOf = (r: Resident): EditValues => ({ name: r.name, relation: r.relation, phone: '', clearPhone: false });

const toBody = (r: Resident, v: EditValues): UpdateResidentBody => {
  const name = v.name.trim();
  const phone = phoneChange(v, r.phoneMasked !== null);
  return {
    ...(name === r.name ? {} : { name }),
    ...(v.relation === r.relation ? {} : { relation: v.relation }),
    ...(phone === undefined ? {} : { phone }),
  };
};

/** `PATCH /residents/:id`: the stored phone stays masked; typing a number replaces it, 清除号码 removes it. */
export const ResidentEditModal = ({
  resident,
  ...dialog
}: EditDialogProps<Resident> & { resident: Resident | null }) => {
  const { t } = useTranslation();
  const { form, onFinish, modal } = useEditForm({
    ...dialog,
    base: resident,
    valuesOf,
    toBody,
    schema: UpdateResidentBodySchema,
    save: (r, body) => householdsApi.updateResident(r.id, body, r.version),
  });
  return (
    <FormModal {...modal} title={t('household.resident.editTitle')} submitId="resident-edit-submit">
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <NameAndRelation />
        <MaskedPhoneField
          name={[]}
          path={[]}
          masked={resident?.phoneMasked}
          label={t('household.resident.phone')}
          placeholder={t('household.resident.phonePlaceholder')}
          rules={[contractRule(CreateResidentBodySchema.shape.phone, t)]}
          phoneTestId="resident-edit-phone"
          clearTestId="resident-edit-clear-phone"
          style={{ maxWidth: 360 }}
        />
      </Form>
    </FormModal>
  );
};
