import { type HouseholdDetail, UpdateHouseholdBodySchema } from '@linli/contracts';
import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CreateHouseholdBody, householdsApi, type UpdateHouseholdBody } from '../../api/households.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { type EditDialogProps, useEditForm } from '../../components/useEditForm.ts';
import { requiredRule } from '../../components/validation.ts';
import { explained } from '../posts/conflicts.ts';
import { HouseholdFields } from './HouseholdFields.tsx';

type Values = { building: string; unit?: string; room: string; gridId?: string | null; note?: string };

/** 新增住户: a dwelling of one compound, optionally in one of its grids. */
export const HouseholdCreateModal = (props: CreateDialogProps) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<Values & { compoundId: string }, CreateHouseholdBody, HouseholdDetail>({
    ...props,
    create: explained(householdsApi.create, t),
    createdText: t('household.created'),
  });
  const compoundId: string | undefined = Form.useWatch('compoundId', form);
  const onFinish = (v: Values & { compoundId: string }) =>
    submit({
      compoundId: v.compoundId,
      gridId: v.gridId || undefined,
      building: v.building.trim(),
      unit: v.unit?.trim() ?? '',
      room: v.room.trim(),
      note: v.note?.trim() || undefined,
    });
  return (
    <FormModal {...modal} title={t('household.create')} submitId="household-submit" width={640}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values & { compoundId: string }>) => {
          if ('compoundId' in changed) form.setFieldValue('gridId', undefined);
        }}
      >
        <Form.Item name="compoundId" label={t('household.compound')} rules={[requiredRule(t)]}>
          <CompoundSelect style={{ width: '100%' }} data-testid="household-compound" />
        </Form.Item>
        <HouseholdFields compoundId={compoundId} />
      </Form>
    </FormModal>
  );
};

const valuesOf = (h: HouseholdDetail): Values => ({
  building: h.building,
  unit: h.unit,
  room: h.room,
  gridId: h.gridId,
  note: h.note ?? '',
});

/** Only what changed; a cleared grid or note is sent as null. */
const toBody = (h: HouseholdDetail, v: Values): UpdateHouseholdBody => {
  const building = v.building.trim();
  const unit = v.unit?.trim() ?? '';
  const room = v.room.trim();
  const gridId = v.gridId || null;
  const note = v.note?.trim() || null;
  return {
    ...(building === h.building ? {} : { building }),
    ...(unit === h.unit ? {} : { unit }),
    ...(room === h.room ? {} : { room }),
    ...(gridId === h.gridId ? {} : { gridId }),
    ...(note === h.note ? {} : { note }),
  };
};

/** `PATCH /households/:id` at the version read; the household stays in its compound. */
export const HouseholdEditModal = ({
  household,
  ...dialog
}: EditDialogProps<HouseholdDetail> & { household: HouseholdDetail | null }) => {
  const { t } = useTranslation();
  const { form, onFinish, modal } = useEditForm({
    ...dialog,
    base: household,
    valuesOf,
    toBody,
    schema: UpdateHouseholdBodySchema,
    save: explained((h: HouseholdDetail, body: UpdateHouseholdBody) => householdsApi.update(h.id, body, h.version), t),
  });
  const knownGrid = household?.gridId ? { value: household.gridId, label: household.gridName ?? '' } : undefined;
  return (
    <FormModal {...modal} title={t('household.editTitle')} submitId="household-edit-submit" width={640}>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('household.compound')} extra={t('household.compoundFixed')}>
          <Typography.Text strong>{household?.compoundName}</Typography.Text>
        </Form.Item>
        <HouseholdFields compoundId={household?.compoundId} knownGrid={knownGrid} />
      </Form>
    </FormModal>
  );
};
