import { PutSlaRuleBodySchema, type SlaBasis, type SlaRule, type SlaStep, type Urgency } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Flex, Form, InputNumber, Radio, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { civicSettingsApi, SLAS_KEY } from '../../api/civicSettings.ts';
import { FormModal, formModalState } from '../../components/FormModal.tsx';
import { requiredRule } from '../../components/validation.ts';
import { MINUTES_PER, type SlaUnit, slaText, unitOf } from './slaText.ts';

export type SlaCell = {
  urgency: Urgency;
  step: SlaStep;
  /** Null: the county default row. */
  category: { id: string; name: string } | null;
  /** What applies now (own row, inherited or default), to start the form from. */
  current: Pick<SlaRule, 'minutes' | 'basis'> | null;
};

type Values = { amount: number | null; unit: SlaUnit; basis: SlaBasis };

const MINUTES = PutSlaRuleBodySchema.shape.minutes;

/** Sets one cell of the time-limit table: a number, a unit and whether only working days count. */
export const SlaCellModal = ({ cell, onClose }: { cell: SlaCell | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (values: Values) => {
      if (!cell) throw new Error('no cell');
      return civicSettingsApi.putSla({
        categoryId: cell.category?.id ?? null,
        urgency: cell.urgency,
        step: cell.step,
        minutes: (values.amount ?? 0) * MINUTES_PER[values.unit],
        basis: values.basis,
      });
    },
    onSuccess: () => {
      void message.success(t('common.feedback.saved'));
      void queryClient.invalidateQueries({ queryKey: SLAS_KEY });
      onClose();
    },
  });

  useEffect(() => {
    if (!cell) return;
    const minutes = cell.current?.minutes ?? 1440;
    const unit = unitOf(minutes);
    form.setFieldsValue({ amount: minutes / MINUTES_PER[unit], unit, basis: cell.current?.basis ?? 'workday' });
  }, [cell, form]);

  const title = !cell
    ? ''
    : cell.category
      ? t('civicSettings.sla.editTitleCategory', {
          category: cell.category.name,
          urgency: t(`civic.urgency.${cell.urgency}`),
          step: t(`civic.slaStep.${cell.step}`),
        })
      : t('civicSettings.sla.editTitle', {
          urgency: t(`civic.urgency.${cell.urgency}`),
          step: t(`civic.slaStep.${cell.step}`),
        });

  return (
    <FormModal
      {...formModalState({ open: cell !== null, form, save, onCancel: onClose })}
      title={title}
      submitId="sla-cell-submit"
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Flex gap={12}>
          <Form.Item
            name="amount"
            label={t('civicSettings.sla.amount')}
            style={{ flex: 1 }}
            dependencies={['unit']}
            rules={[
              requiredRule(t),
              {
                validator: async (_r, amount: number | null) => {
                  if (amount == null) return;
                  const unit: SlaUnit = form.getFieldValue('unit');
                  if (!MINUTES.safeParse(amount * MINUTES_PER[unit]).success) {
                    throw new Error(t('civicSettings.sla.range'));
                  }
                },
              },
            ]}
          >
            <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="sla-amount" />
          </Form.Item>
          <Form.Item name="unit" label={t('civicSettings.sla.unit')} style={{ width: 120 }}>
            <Select
              options={[
                { value: 'minutes', label: t('civicSettings.sla.unitMinutes') },
                { value: 'hours', label: t('civicSettings.sla.unitHours') },
                { value: 'days', label: t('civicSettings.sla.unitDays') },
              ]}
              data-testid="sla-unit"
            />
          </Form.Item>
        </Flex>
        <Form.Item name="basis" label={t('civicSettings.sla.basis')}>
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            options={[
              { value: 'calendar', label: t('civicSettings.sla.basisCalendar') },
              { value: 'workday', label: t('civicSettings.sla.basisWorkday') },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {() => {
            const { amount, unit, basis } = form.getFieldsValue();
            if (!amount || !unit || !basis) return null;
            return <Typography.Text strong>{slaText(amount * MINUTES_PER[unit], basis, t)}</Typography.Text>;
          }}
        </Form.Item>
      </Form>
    </FormModal>
  );
};
