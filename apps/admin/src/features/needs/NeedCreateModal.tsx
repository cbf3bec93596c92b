import type { NeedDetail } from '@linli/contracts';
import { Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type CreateNeedBody, needsApi } from '../../api/posts.ts';
import { CompoundSelect } from '../../components/CompoundSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { requiredRule } from '../../components/validation.ts';
import { NeedFields } from './NeedFields.tsx';

type Values = {
  compoundId: string;
  categoryId: string;
  title: string;
  description: string;
  householdId?: string;
  dueOn?: Dayjs | null;
};

/** 新建需求: a need of one compound, optionally for one household, optionally due by a date. */
export const NeedCreateModal = (props: CreateDialogProps) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<Values, CreateNeedBody, NeedDetail>({
    ...props,
    create: needsApi.create,
    createdText: t('service.need.created'),
  });
  const compoundId: string | undefined = Form.useWatch('compoundId', form);
  const onFinish = (v: Values) =>
    submit({
      compoundId: v.compoundId,
      categoryId: v.categoryId,
      title: v.title.trim(),
      description: v.description.trim(),
      householdId: v.householdId || undefined,
      dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : undefined,
    });
  return (
    <FormModal {...modal} title={t('service.need.create')} submitId="need-submit" width={680}>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          if ('compoundId' in changed) form.setFieldValue('householdId', undefined);
        }}
      >
        <Form.Item name="compoundId" label={t('service.need.compound')} rules={[requiredRule(t)]}>
          <CompoundSelect style={{ width: '100%' }} data-testid="need-compound" />
        </Form.Item>
        <NeedFields compoundId={compoundId} />
      </Form>
    </FormModal>
  );
};
