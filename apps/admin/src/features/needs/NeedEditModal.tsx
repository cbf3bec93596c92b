import { type NeedDetail, UpdateNeedBodySchema } from '@linli/contracts';
import { Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { needsApi, type UpdateNeedBody } from '../../api/posts.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { type EditDialogProps, useEditForm } from '../../components/useEditForm.ts';
import { explained } from '../posts/conflicts.ts';
import { NeedFields } from './NeedFields.tsx';

type Values = {
  categoryId: string;
  title: string;
  description: string;
  householdId?: string | null;
  dueOn?: Dayjs | null;
};

const valuesOf = (n: NeedDetail): Values => ({
  categoryId: n.categoryId,
  title: n.title,
  description: n.description,
  householdId: n.householdId,
  dueOn: n.dueOn ? dayjs(n.dueOn) : null,
});

/** Only what changed; a cleared household or due date is sent as null. */
const toBody = (n: NeedDetail, v: Values): UpdateNeedBody => {
  const title = v.title.trim();
  const description = v.description.trim();
  const householdId = v.householdId || null;
  const dueOn = v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null;
  return {
    ...(v.categoryId === n.categoryId ? {} : { categoryId: v.categoryId }),
    ...(title === n.title ? {} : { title }),
    ...(description === n.description ? {} : { description }),
    ...(householdId === n.householdId ? {} : { householdId }),
    ...(dueOn === n.dueOn ? {} : { dueOn }),
  };
};

/** `PATCH /needs/:id` at the version read; the need stays in its compound and moves status by its own buttons. */
export const NeedEditModal = ({ need, ...dialog }: EditDialogProps<NeedDetail> & { need: NeedDetail | null }) => {
  const { t } = useTranslation();
  const { form, onFinish, modal } = useEditForm({
    ...dialog,
    base: need,
    valuesOf,
    toBody,
    schema: UpdateNeedBodySchema,
    save: explained((n: NeedDetail, body: UpdateNeedBody) => needsApi.update(n.id, body, n.version), t),
  });
  const known =
    need?.householdId && need.householdAddress ? { value: need.householdId, label: need.householdAddress } : undefined;
  return (
    <FormModal {...modal} title={t('service.need.editTitle')} submitId="need-edit-submit" width={680}>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item label={t('service.need.compound')}>
          <Typography.Text strong>{need?.compoundName}</Typography.Text>
        </Form.Item>
        <NeedFields compoundId={need?.compoundId} knownHousehold={known} />
      </Form>
    </FormModal>
  );
};
