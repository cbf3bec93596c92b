import { UpdateWorkUnitBodySchema, type WorkUnitDetail } from '@linli/contracts';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { type UpdateWorkUnitBody, workUnitsApi } from '../../api/workUnits.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { MaskedPhoneField, type MaskedPhoneValues, phoneChange } from '../../components/MaskedPhoneField.tsx';
import { type EditDialogProps, useEditForm } from '../../components/useEditForm.ts';
import { contractRule } from '../../components/validation.ts';
import { type WorkUnitBasicValues, WorkUnitFields } from './WorkUnitFields.tsx';

type Values = WorkUnitBasicValues & MaskedPhoneValues;

const valuesOf = (u: WorkUnitDetail): Values => ({
  name: u.name,
  partyOrgId: u.partyOrgId ?? undefined,
  partyOrgName: u.partyOrgName,
  contactName: u.contactName ?? '',
  address: u.address ?? '',
  phone: '',
  clearPhone: false,
});

/** Only what changed; emptied optional fields are `null` (cleared), the phone only when typed or cleared. */
const toBody = (u: WorkUnitDetail, v: Values): UpdateWorkUnitBody => {
  const name = v.name.trim();
  const partyOrgId = v.partyOrgId || null;
  const partyOrgName = v.partyOrgName?.trim() ?? '';
  const contactName = v.contactName?.trim() || null;
  const address = v.address?.trim() || null;
  const contactPhone = phoneChange(v, u.contactPhoneMasked !== null);
  return {
    ...(name === u.name ? {} : { name }),
    ...(partyOrgId === u.partyOrgId ? {} : { partyOrgId }),
    ...(partyOrgName === u.partyOrgName || partyOrgName === '' ? {} : { partyOrgName }),
    ...(contactName === u.contactName ? {} : { contactName }),
    ...(address === u.address ? {} : { address }),
    ...(contactPhone === undefined ? {} : { contactPhone }),
  };
};

const fieldPath = (p: (string | number)[]) => (p[0] === 'contactPhone' ? ['phone'] : p);

type Props = EditDialogProps<WorkUnitDetail> & { unit: WorkUnitDetail | null };

/** `PATCH /work-units/:id` at the version read. */
export const WorkUnitEditModal = ({ unit, ...dialog }: Props) => {
  const { t } = useTranslation();
  const { form, onFinish, modal } = useEditForm({
    ...dialog,
    base: unit,
    valuesOf,
    toBody,
    schema: UpdateWorkUnitBodySchema,
    save: (u, body) => workUnitsApi.update(u.id, body, u.version),
    fieldPath,
  });
  return (
    <FormModal {...modal} title={t('member.workUnit.editTitle')} submitId="work-unit-edit-submit" width={600}>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <WorkUnitFields
          nameTestId="work-unit-edit-name"
          knownOrg={unit?.partyOrgId ? { id: unit.partyOrgId, name: unit.partyOrgName } : null}
          phoneField={
            <MaskedPhoneField
              name={[]}
              path={[]}
              label={t('member.workUnit.contactPhone')}
              masked={unit?.contactPhoneMasked}
              rules={[contractRule(UpdateWorkUnitBodySchema.shape.contactPhone, t)]}
              placeholder={t('member.workUnit.contactPhone')}
              phoneTestId="work-unit-phone"
              clearTestId="work-unit-clear-phone"
            />
          }
        />
      </Form>
    </FormModal>
  );
};
