import { CreateWorkUnitBodySchema, type WorkUnit } from '@linli/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreateWorkUnitBody, workUnitsApi } from '../../api/workUnits.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useCreateForm } from '../../components/useCreateForm.ts';
import { contractRule } from '../../components/validation.ts';
import { type WorkUnitBasicValues, WorkUnitFields } from './WorkUnitFields.tsx';

type Values = WorkUnitBasicValues & { contactPhone?: string };

type Props = { open: boolean; onClose: () => void; onCreated: (unit: WorkUnit) => void };

/** `POST /work-units`. */
export const WorkUnitCreateModal = (props: Props) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<Values, CreateWorkUnitBody, WorkUnit>({
    ...props,
    create: workUnitsApi.create,
    createdText: t('member.workUnit.created'),
  });
  const onFinish = (v: Values) =>
    submit({
      name: v.name.trim(),
      partyOrgId: v.partyOrgId || undefined,
      partyOrgName: v.partyOrgName?.trim() || undefined,
      contactName: v.contactName?.trim() || undefined,
      contactPhone: v.contactPhone?.trim() || undefined,
      address: v.address?.trim() || undefined,
    });
  return (
    <FormModal {...modal} title={t('member.workUnit.create')} submitId="work-unit-submit" width={600}>
      <Form form={form} layout="vertical" preserve={false} onFinish={onFinish}>
        <WorkUnitFields
          nameTestId="work-unit-name"
          phoneField={
            <Form.Item
              name="contactPhone"
              label={t('member.workUnit.contactPhone')}
              rules={[contractRule(CreateWorkUnitBodySchema.shape.contactPhone, t)]}
            >
              <Input maxLength={11} inputMode="numeric" />
            </Form.Item>
          }
        />
      </Form>
    </FormModal>
  );
};
