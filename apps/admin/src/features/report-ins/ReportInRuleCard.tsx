import { type ReportInRule, type ReportInRuleDetail, UpdateReportInRuleBodySchema } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, DatePicker, Descriptions, Form, InputNumber, Skeleton, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { reportInRuleKey, reportInsApi } from '../../api/reportIns.ts';
import { EditButton } from '../../components/EditButton.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { formatTime } from '../../components/time.ts';
import { useEditSnapshot } from '../../components/useDetailEditing.ts';
import { type EditDialogProps, useEditForm } from '../../components/useEditForm.ts';
import { contractRule, requiredRule } from '../../components/validation.ts';

/** A year without 29 February, so the picker cannot offer a day the rule refuses. */
const RULE_YEAR = 2025;

type Values = { minServices: number; minServiceHours: number; evaluateOn: Dayjs };

const valuesOf = (r: ReportInRuleDetail): Values => ({
  minServices: r.minServices,
  minServiceHours: r.minServiceHours,
  evaluateOn: dayjs(`${RULE_YEAR}-${r.evaluateOn}`),
});

/** The whole rule when anything changed (PUT replaces it), else nothing to save. */
const toBody = (r: ReportInRuleDetail, v: Values): ReportInRule | Record<string, never> => {
  const next: ReportInRule = {
    minServices: v.minServices,
    minServiceHours: v.minServiceHours,
    evaluateOn: v.evaluateOn.format('MM-DD'),
  };
  const same =
    next.minServices === r.minServices &&
    next.minServiceHours === r.minServiceHours &&
    next.evaluateOn === r.evaluateOn;
  return same ? {} : next;
};

const isRule = (b: ReportInRule | Record<string, never>): b is ReportInRule => 'evaluateOn' in b;

type EditProps = EditDialogProps<ReportInRuleDetail> & { rule: ReportInRuleDetail | null };

const RuleEditModal = ({ rule, ...dialog }: EditProps) => {
  const { t } = useTranslation();
  const { form, onFinish, modal } = useEditForm({
    ...dialog,
    base: rule,
    valuesOf,
    toBody,
    schema: UpdateReportInRuleBodySchema,
    save: (r, body) => (isRule(body) ? reportInsApi.updateRule(body, r.version) : Promise.resolve(r)),
  });
  const shape = UpdateReportInRuleBodySchema.shape;
  return (
    <FormModal {...modal} title={t('reportIn.rule.editTitle')} submitId="report-in-rule-submit">
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="minServices"
          label={t('reportIn.rule.minServices')}
          extra={t('reportIn.rule.minServicesHint')}
          rules={[requiredRule(t), contractRule(shape.minServices, t)]}
        >
          <InputNumber min={0} max={1000} precision={0} suffix={t('reportIn.rule.times')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="minServiceHours"
          label={t('reportIn.rule.minServiceHours')}
          extra={t('reportIn.rule.minServiceHoursHint')}
          rules={[requiredRule(t), contractRule(shape.minServiceHours, t)]}
        >
          <InputNumber min={0} max={10000} step={0.5} suffix={t('reportIn.rule.hours')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item
          name="evaluateOn"
          label={t('reportIn.rule.evaluateOn')}
          extra={t('reportIn.rule.evaluateOnHint')}
          rules={[requiredRule(t)]}
        >
          <DatePicker
            format="MM-DD"
            allowClear={false}
            minDate={dayjs(`${RULE_YEAR}-01-01`)}
            maxDate={dayjs(`${RULE_YEAR}-12-31`)}
            data-testid="report-in-rule-evaluate-on"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

/** 年终评议规则: how many services and hours a member needs in a year, and the day the yearly check runs. */
export const ReportInRuleCard = () => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const rule = useQuery({ queryKey: reportInRuleKey, queryFn: reportInsApi.rule });
  const edit = useEditSnapshot<ReportInRuleDetail>();
  const [month = '', day = ''] = rule.data?.evaluateOn.split('-') ?? [];
  return (
    <Card
      size="small"
      title={t('reportIn.rule.title')}
      extra={
        rule.data?.abilities.update && (
          <EditButton onClick={() => rule.data && edit.start(rule.data)} data-testid="report-in-rule-edit" />
        )
      }
      style={{ marginBottom: 16 }}
    >
      {rule.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : rule.isError ? (
        <ErrorState error={rule.error} onRetry={() => void rule.refetch()} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={3}
            items={[
              {
                key: 'services',
                label: t('reportIn.rule.minServices'),
                children: t('reportIn.rule.timesValue', { n: rule.data.minServices }),
              },
              {
                key: 'hours',
                label: t('reportIn.rule.minServiceHours'),
                children: t('reportIn.rule.hoursValue', { n: rule.data.minServiceHours }),
              },
              {
                key: 'on',
                label: t('reportIn.rule.evaluateOn'),
                children: t('reportIn.rule.evaluateOnValue', { month: Number(month), day: Number(day) }),
              },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reportIn.rule.explain')}
            {rule.data.updatedAt && ` ${t('reportIn.rule.updatedAt', { time: formatTime(rule.data.updatedAt) })}`}
          </Typography.Text>
        </>
      )}
      <RuleEditModal
        open={edit.open}
        rule={edit.base}
        onClose={edit.close}
        onReload={async () => {
          const fresh = await rule.refetch();
          if (fresh.data) edit.replace(fresh.data);
        }}
        onSaved={(saved) => {
          queryClient.setQueryData(reportInRuleKey, saved);
          void queryClient.invalidateQueries({ queryKey: ['member-year-flags'] });
        }}
      />
    </Card>
  );
};
