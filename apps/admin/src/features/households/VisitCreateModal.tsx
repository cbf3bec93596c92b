import { CreateHouseholdVisitBodySchema, type HouseholdVisit } from '@linli/contracts';
import { DatePicker, Form, Input, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type CreateHouseholdVisitBody, householdsApi } from '../../api/households.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { type CreateDialogProps, useCreateForm } from '../../components/useCreateForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';

type Values = { visitedOn: Dayjs; summary: string; findings?: string; followUp: boolean };

/** 记录走访: when, what was talked about, what was found, and whether it needs following up (then findings are required). */
export const VisitCreateModal = ({
  householdId,
  householdLabel,
  ...props
}: CreateDialogProps & { householdId: string; householdLabel: string }) => {
  const { t } = useTranslation();
  const { form, submit, modal } = useCreateForm<Values, CreateHouseholdVisitBody, HouseholdVisit>({
    ...props,
    create: (body, key) => householdsApi.addVisit(householdId, body, key),
    createdText: t('household.visit.logged'),
  });
  const followUp = Form.useWatch('followUp', form) === true;
  const shape = CreateHouseholdVisitBodySchema.shape;
  const onFinish = (v: Values) =>
    submit({
      visitedOn: v.visitedOn.format('YYYY-MM-DD'),
      summary: v.summary.trim(),
      findings: v.findings?.trim() || undefined,
      followUp: v.followUp,
    });
  return (
    <FormModal
      {...modal}
      title={t('household.visit.createTitle', { label: householdLabel })}
      submitId="visit-submit"
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ visitedOn: dayjs(), followUp: false }}
        onFinish={onFinish}
      >
        <Form.Item name="visitedOn" label={t('household.visit.visitedOn')} rules={[requiredRule(t)]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="visit-date" />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('household.visit.summary')}
          extra={t('household.visit.summaryHint')}
          rules={[requiredRule(t), contractRule(shape.summary, t)]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="visit-summary" />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('household.visit.findings')}
          extra={t('household.visit.findingsHint')}
          dependencies={['followUp']}
          rules={[
            ...(followUp ? [{ required: true, whitespace: true, message: t('household.visit.findingsRequired') }] : []),
            contractRule(shape.findings, t),
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="visit-findings" />
        </Form.Item>
        <Form.Item
          name="followUp"
          label={t('household.visit.followUp')}
          extra={t('household.visit.followUpHint')}
          valuePropName="checked"
        >
          <Switch data-testid="visit-follow-up" />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
