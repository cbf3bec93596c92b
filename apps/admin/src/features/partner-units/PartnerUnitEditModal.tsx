import { type PartnerUnitDetail, UpdatePartnerUnitBodySchema } from '@linli/contracts';
import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { partnerUnitsApi, type UpdatePartnerUnitBody } from '../../api/partnerUnits.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { MaskedPhoneField, type MaskedPhoneValues, phoneChange } from '../../components/MaskedPhoneField.tsx';
import { type EditDialogProps, useEditForm } from '../../components/useEditForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';
import type { LinkedCompound } from './useLinkedCompounds.ts';

type Values = MaskedPhoneValues & {
  name: string;
  contactName?: string;
  resources?: string;
  /** The linked compounds the caller can see; the others are kept as they are. */
  compoundIds?: string[];
};

/** What the dialog edits: the unit as read, and its links resolved to names. */
export type PartnerUnitEditing = { unit: PartnerUnitDetail; linked: LinkedCompound[] };

const readable = (linked: LinkedCompound[]) =>
  linked.flatMap((c) => (c.status === 'ok' ? [{ value: c.id, label: c.name }] : []));
const kept = (linked: LinkedCompound[]) => linked.filter((c) => c.status !== 'ok').map((c) => c.id);

const valuesOf = ({ unit, linked }: PartnerUnitEditing): Values => ({
  name: unit.name,
  contactName: unit.contactName ?? '',
  phone: '',
  clearPhone: false,
  resources: unit.resources ?? '',
  compoundIds: readable(linked).map((o) => o.value),
});

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
};

/**
 * Only what changed. An emptied contact name is `null` (clears it); the phone is sent only when a new number is
 * typed or 清除号码 ticked; `compoundIds` (the compounds shown plus the ones the caller cannot see) replaces the links.
 */
const toBody = ({ unit, linked }: PartnerUnitEditing, v: Values): UpdatePartnerUnitBody => {
  const name = v.name.trim();
  const contactName = v.contactName?.trim() || null;
  const contactPhone = phoneChange(v, unit.contactPhoneMasked !== null);
  const resources = v.resources?.trim() ?? '';
  const compoundIds = [...new Set([...(v.compoundIds ?? []), ...kept(linked)])];
  return {
    ...(name === unit.name ? {} : { name }),
    ...(contactName === unit.contactName ? {} : { contactName }),
    ...(contactPhone === undefined ? {} : { contactPhone }),
    ...(resources === (unit.resources ?? '') ? {} : { resources }),
    ...(sameSet(compoundIds, unit.compoundIds) ? {} : { compoundIds }),
  };
};

/** Body paths → form fields: the phone is typed into `phone`; an issue with one linked compound goes on the list. */
const fieldPath = (p: (string | number)[]) =>
  p[0] === 'contactPhone' ? ['phone'] : p[0] === 'compoundIds' ? [p[0]] : p;

type Props = EditDialogProps<PartnerUnitDetail> & { editing: PartnerUnitEditing | null };

/** `PATCH /partner-units/:id` at the version read. */
export const PartnerUnitEditModal = ({ editing, ...dialog }: Props) => {
  const { t } = useTranslation();
  const { form, onFinish, modal } = useEditForm({
    ...dialog,
    base: editing,
    valuesOf,
    toBody,
    schema: UpdatePartnerUnitBodySchema,
    save: ({ unit }, body) => partnerUnitsApi.update(unit.id, body, unit.version),
    fieldPath,
  });
  const shape = UpdatePartnerUnitBodySchema.shape;
  const hidden = editing ? kept(editing.linked).length : 0;

  return (
    <FormModal {...modal} title={t('partnerUnit.editTitle')} submitId="partner-unit-edit-submit" width={640}>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="name" label={t('partnerUnit.name')} rules={[requiredRule(t), contractRule(shape.name, t)]}>
          <Input maxLength={100} data-testid="partner-unit-edit-name" />
        </Form.Item>
        <Form.Item name="contactName" label={t('partnerUnit.contactName')} rules={[contractRule(shape.contactName, t)]}>
          <Input maxLength={40} allowClear />
        </Form.Item>
        <MaskedPhoneField
          name={[]}
          path={[]}
          label={t('partnerUnit.contactPhone')}
          masked={editing?.unit.contactPhoneMasked}
          rules={[contractRule(shape.contactPhone, t)]}
          placeholder={t('partnerUnit.contactPhone')}
          phoneTestId="partner-unit-phone"
          clearTestId="partner-unit-clear-phone"
        />
        <Form.Item name="resources" label={t('partnerUnit.resources')} rules={[contractRule(shape.resources, t)]}>
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('partnerUnit.resourcesHint')} />
        </Form.Item>
        <Form.Item
          name="compoundIds"
          label={t('partnerUnit.compounds')}
          extra={t('partnerUnit.compoundsEditHint')}
          rules={[contractRule(shape.compoundIds, t)]}
        >
          <CompoundSelect
            mode="multiple"
            allowClear
            style={{ width: '100%' }}
            knownOptions={editing ? readable(editing.linked) : []}
            data-testid="partner-unit-edit-compounds"
          />
        </Form.Item>
        {hidden > 0 && <Alert type="info" showIcon title={t('partnerUnit.compoundsKept', { count: hidden })} />}
      </Form>
    </FormModal>
  );
};
