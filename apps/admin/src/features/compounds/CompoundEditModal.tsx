import { type CompoundDetail, UpdateCompoundBodySchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { compoundsApi, type UpdateCompoundBody } from '../../api/compounds.ts';
import { FormModal, formModalState } from '../../components/FormModal.tsx';
import { applyIssues, applyServerErrors, issueMessage } from '../../components/validation.ts';
import { basicFieldPath, type CompoundBasicValues, CompoundFields, toLocation } from './CompoundFields.tsx';

type Props = {
  open: boolean;
  compound: CompoundDetail;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSaved: () => void;
};

const valuesOf = (c: CompoundDetail): CompoundBasicValues => ({
  name: c.name,
  address: c.address,
  householdCount: c.householdCount,
  buildingCount: c.buildingCount,
  rolloutStage: c.rolloutStage,
  lng: c.location?.lng ?? null,
  lat: c.location?.lat ?? null,
});

/** `PATCH /compounds/:id` with `If-Match`; a 412 offers to reload the newer version. */
export const CompoundEditModal = ({ open, compound, onClose, onReload, onSaved }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CompoundBasicValues>();
  const save = useMutation({
    mutationFn: (body: UpdateCompoundBody) => compoundsApi.update(compound.id, body, compound.version),
    onSuccess: () => {
      void message.success(t('common.feedback.saved'));
      onClose();
      onSaved();
    },
    onError: (e) => applyServerErrors(form, e, t, basicFieldPath),
  });

  useEffect(() => {
    if (open) form.setFieldsValue(valuesOf(compound));
  }, [open, compound, form]);

  const onFinish = (v: CompoundBasicValues) => {
    const body: UpdateCompoundBody = {
      name: v.name.trim(),
      address: v.address.trim(),
      householdCount: v.householdCount,
      buildingCount: v.buildingCount,
      rolloutStage: v.rolloutStage,
      // Both coordinates emptied: `null` removes the stored map point (leaving it out would keep it).
      location: toLocation(v) ?? (compound.location ? null : undefined),
    };
    const parsed = UpdateCompoundBodySchema.safeParse(body);
    if (!parsed.success) {
      applyIssues(form, parsed.error.issues, (i) => issueMessage(i, t), basicFieldPath);
      return;
    }
    save.mutate(body);
  };

  return (
    <FormModal
      {...formModalState({ open, form, save, onCancel: onClose, onReload })}
      width={820}
      title={t('compound.form.editTitle')}
      submitId="compound-edit-submit"
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <CompoundFields withOrg={false} clearableLocation />
      </Form>
    </FormModal>
  );
};
