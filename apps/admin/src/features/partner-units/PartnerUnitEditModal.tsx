import { type PartnerUnitDetail, UpdatePartnerUnitBodySchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { partnerUnitsApi, type UpdatePartnerUnitBody } from '../../api/partnerUnits.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { EditModal } from '../../components/EditModal.tsx';
import { MaskedPhoneField, type MaskedPhoneValues, phoneChange } from '../../components/MaskedPhoneField.tsx';
import {
  applyIssues,
  applyServerErrors,
  contractRule,
  issueMessage,
  requiredRule,
} from '../../components/validation.ts';
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

type Props = {
  open: boolean;
  editing: PartnerUnitEditing | null;
  onClose: () => void;
  onReload: () => Promise<void>;
  onSaved: (unit: PartnerUnitDetail) => void;
};

/** `PATCH /partner-units/:id` at the version read. */
export const PartnerUnitEditModal = ({ open, editing, onClose, onReload, onSaved }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const shape = UpdatePartnerUnitBodySchema.shape;
  const save = useMutation({
    mutationFn: ({ id, body, version }: { id: string; body: UpdatePartnerUnitBody; version: number }) =>
      partnerUnitsApi.update(id, body, version),
    onSuccess: (saved) => {
      void message.success(t('common.feedback.saved'));
      onClose();
      onSaved(saved);
    },
    onError: (e) =>
      applyServerErrors(form, e, t, (p) => (p[0] === 'contactPhone' ? ['phone'] : p[0] === 'compoundIds' ? [p[0]] : p)),
  });

  useEffect(() => {
    if (open && editing) form.setFieldsValue(valuesOf(editing));
  }, [open, editing, form]);

  const onFinish = (v: Values) => {
    if (!editing) return;
    const body = toBody(editing, v);
    if (Object.keys(body).length === 0) {
      void message.info(t('common.feedback.noChanges'));
      onClose();
      return;
    }
    const parsed = UpdatePartnerUnitBodySchema.safeParse(body);
    if (!parsed.success) {
      applyIssues(
        form,
        parsed.error.issues,
        (i) => issueMessage(i, t),
        (p) => (p[0] === 'contactPhone' ? ['phone'] : p),
      );
      return;
    }
    save.mutate({ id: editing.unit.id, body, version: editing.unit.version });
  };

  const hidden = editing ? kept(editing.linked).length : 0;

  return (
    <EditModal
      open={open}
      title={t('partnerUnit.editTitle')}
      submitId="partner-unit-edit-submit"
      saving={save.isPending}
      error={save.error}
      onSubmit={() => form.submit()}
      onCancel={onClose}
      onReload={() => void onReload().then(() => save.reset())}
      afterClose={() => save.reset()}
      width={640}
    >
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
    </EditModal>
  );
};
