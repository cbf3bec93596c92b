import {
  type CompoundParty,
  type CompoundPartyKind,
  type ReplaceCompoundPartyBody,
  ReplaceCompoundPartyBodySchema,
} from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { compoundsApi } from '../../api/compounds.ts';
import { FormModal, formModalState } from '../../components/FormModal.tsx';
import {
  applyIssues,
  applyServerErrors,
  contractRule,
  issueMessage,
  requiredRule,
} from '../../components/validation.ts';
import { PeopleListField, type PersonRow, toPeople } from './PeopleListField.tsx';

type Values = { name: string; people: PersonRow[] };

type Props = {
  open: boolean;
  compoundId: string;
  kind: CompoundPartyKind;
  party: CompoundParty | undefined;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSaved: () => void;
};

const initialValues = (party: CompoundParty | undefined): Values => ({
  name: party?.name ?? '',
  people: (party?.people ?? []).map((p) => ({
    id: p.id,
    name: p.name,
    position: p.position,
    phone: '',
    clearPhone: false,
    phoneMasked: p.phoneMasked,
  })),
});

/**
 * Replaces one party's name and people (`PUT /compounds/:id/parties/:kind`, If-Match on the party's version).
 * People already stored are sent with their `id`, so their phones stay unless a new number is typed or cleared.
 */
export const PartyEditModal = ({ open, compoundId, kind, party, onClose, onReload, onSaved }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (body: ReplaceCompoundPartyBody) =>
      compoundsApi.replaceParty(compoundId, kind, body, party?.version ?? 0),
    onSuccess: () => {
      void message.success(t('common.feedback.saved'));
      onClose();
      onSaved();
    },
    onError: (e) => applyServerErrors(form, e, t),
  });

  useEffect(() => {
    if (open) form.setFieldsValue(initialValues(party));
  }, [open, party, form]);

  const onFinish = () => {
    // The whole store, not just the fields on screen: each row's `id` and `phoneMasked` have no input of their own.
    const v: Values = form.getFieldsValue(true);
    const body = { name: v.name.trim(), people: toPeople(v.people) };
    const parsed = ReplaceCompoundPartyBodySchema.safeParse(body);
    if (!parsed.success) {
      applyIssues(form, parsed.error.issues, (i) => issueMessage(i, t));
      return;
    }
    save.mutate(body);
  };

  return (
    <FormModal
      {...formModalState({ open, form, save, onCancel: onClose, onReload })}
      width={760}
      title={t('compound.form.partyEditTitle', { party: t(`common.enum.partyKind.${kind}`) })}
      submitId="party-submit"
    >
      {party && party.people.length > 0 && (
        <Alert type="info" showIcon title={t('compound.form.partyEditHint')} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="name"
          label={t('compound.form.partyName')}
          rules={[requiredRule(t), contractRule(ReplaceCompoundPartyBodySchema.shape.name, t)]}
        >
          <Input maxLength={100} placeholder={t(`compound.form.partyNamePlaceholder.${kind}`)} />
        </Form.Item>
        <Form.Item label={t('compound.form.people')}>
          <PeopleListField name={['people']} kind={kind} testIdPrefix="party-edit" />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
