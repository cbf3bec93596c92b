import {
  DEFAULT_METRIC_SETTINGS,
  type MetricSettings,
  MetricSettingsSchema,
  VOID_REASONS,
  type VoidReason,
} from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { civicSettingsApi, METRIC_SETTINGS_KEY, type MetricSettingsResponse } from '../../api/civicSettings.ts';
import { ErrorState, FormErrorAlert, StaleVersionAlert } from '../../components/ErrorState.tsx';
import { isVersionStale } from '../../components/errors.ts';
import { applyIssues, issueMessage, requiredRule } from '../../components/validation.ts';
import { applySettingsErrors, settingsIssueText } from './settingsErrors.ts';

const GRADES = ['A', 'B', 'C', 'D'] as const;
const WEIGHTS = ['response', 'resolution', 'satisfaction'] as const;

/** The form holds the due-soon share as a percentage (80), the settings as a fraction (0.8). */
type Values = Omit<MetricSettings, 'dueSoonShare' | 'excludedVoidReasons'> & {
  dueSoonPercent: number;
  excludedVoidReasons: VoidReason[];
};

const valuesOf = (s: MetricSettings): Values => {
  const { dueSoonShare, ...rest } = s;
  return { ...rest, dueSoonPercent: Math.round(dueSoonShare * 100) };
};

const settingsOf = (v: Values): MetricSettings => {
  const { dueSoonPercent, ...rest } = v;
  return { ...rest, dueSoonShare: dueSoonPercent / 100 };
};

const sumOf = (w: Partial<MetricSettings['weights']> | undefined): number =>
  (w?.response ?? 0) + (w?.resolution ?? 0) + (w?.satisfaction ?? 0);

/** Form paths for the contract's paths (the share is a percentage in the form). */
const fieldPath = (path: (string | number)[]) =>
  path[0] === 'dueSoonShare' ? ['dueSoonPercent'] : path[0] === 'weights' && path.length === 1 ? null : path;

const SettingsForm = ({ current, onReload }: { current: MetricSettingsResponse; onReload: () => Promise<void> }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const weights = Form.useWatch('weights', form);
  const sum = Math.round(sumOf(weights) * 100) / 100;

  useEffect(() => {
    form.setFieldsValue(valuesOf(current.settings));
  }, [current, form]);

  const save = useMutation({
    mutationFn: (settings: MetricSettings) => civicSettingsApi.putMetricSettings(settings, current.version),
    onSuccess: (saved) => {
      void message.success(t('common.feedback.saved'));
      queryClient.setQueryData(METRIC_SETTINGS_KEY, saved);
    },
    onError: (e) => setUnplaced(applySettingsErrors(form, e, t, fieldPath) ?? []),
  });

  const onFinish = (v: Values) => {
    setUnplaced([]);
    const settings = settingsOf(v);
    const parsed = MetricSettingsSchema.safeParse(settings);
    if (!parsed.success) {
      const toText = (i: (typeof parsed.error.issues)[number]) =>
        i.message === 'weights_sum' ? settingsIssueText(i.message, t) : issueMessage(i, t);
      setUnplaced(applyIssues(form, parsed.error.issues, toText, fieldPath));
      return;
    }
    save.mutate(settings);
  };

  const stale = isVersionStale(save.error);
  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish}>
      {stale ? (
        <StaleVersionAlert onReload={() => void onReload().then(() => save.reset())} />
      ) : (
        <FormErrorAlert error={unplaced.length === 0 ? save.error : null} />
      )}
      {unplaced.length > 0 && (
        <Alert type="error" showIcon title={unplaced.join(t('common.fmt.listSep'))} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('civicSettings.metrics.weights')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">{t('civicSettings.metrics.weightsHint')}</Typography.Paragraph>
            <Flex gap={12} align="end" wrap>
              {WEIGHTS.map((w) => (
                <Form.Item
                  key={w}
                  name={['weights', w]}
                  label={t(`civicSettings.metrics.weight.${w}`)}
                  rules={[requiredRule(t)]}
                  style={{ width: 120, marginBottom: 0 }}
                >
                  <InputNumber min={0} max={100} style={{ width: '100%' }} data-testid={`metric-weight-${w}`} />
                </Form.Item>
              ))}
              <Typography.Text
                type={sum === 100 ? 'success' : 'danger'}
                strong
                style={{ paddingBottom: 5 }}
                data-testid="metric-weight-sum"
              >
                {sum === 100
                  ? t('civicSettings.metrics.weightSum', { sum })
                  : t('civicSettings.metrics.weightSumBad', { sum })}
              </Typography.Text>
            </Flex>
            <Form.Item
              name="basicallySatisfiedWeight"
              label={t('civicSettings.metrics.basicWeight')}
              extra={t('civicSettings.metrics.basicWeightHint')}
              rules={[requiredRule(t)]}
              style={{ marginTop: 16, marginBottom: 0 }}
            >
              <InputNumber min={0} max={1} step={0.05} style={{ width: 120 }} />
            </Form.Item>
          </Card>
          <Card size="small" title={t('civicSettings.metrics.excluded')} style={{ marginBottom: 16 }}>
            <Form.Item
              name="excludedVoidReasons"
              extra={t('civicSettings.metrics.excludedHint')}
              style={{ marginBottom: 0 }}
            >
              <Checkbox.Group options={VOID_REASONS.map((r) => ({ value: r, label: t(`civic.voidReason.${r}`) }))} />
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('civicSettings.metrics.grades')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">{t('civicSettings.metrics.gradesHint')}</Typography.Paragraph>
            <Flex gap={12} wrap>
              {GRADES.map((g, i) => (
                <Form.Item
                  key={g}
                  name={['gradeFloors', g]}
                  label={t('civicSettings.metrics.gradeFloor', { grade: g })}
                  dependencies={i > 0 ? [['gradeFloors', GRADES[i - 1] ?? 'A']] : []}
                  rules={[
                    requiredRule(t),
                    {
                      validator: async (_r, value: number | null) => {
                        const above = i > 0 ? form.getFieldValue(['gradeFloors', GRADES[i - 1] ?? 'A']) : null;
                        if (value != null && typeof above === 'number' && value >= above) {
                          throw new Error(t('civicSettings.metrics.gradeOrder'));
                        }
                      },
                    },
                  ]}
                  style={{ width: 120, marginBottom: 0 }}
                >
                  <InputNumber min={0} max={100} style={{ width: '100%' }} />
                </Form.Item>
              ))}
            </Flex>
          </Card>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Flex gap={24} wrap>
              <Form.Item
                name="reopenWindowDays"
                label={t('civicSettings.metrics.reopenDays')}
                extra={t('civicSettings.metrics.reopenDaysHint')}
                rules={[requiredRule(t)]}
                style={{ marginBottom: 0, width: 240 }}
              >
                <InputNumber
                  min={0}
                  max={90}
                  precision={0}
                  suffix={t('civicSettings.metrics.days')}
                  style={{ width: 120 }}
                />
              </Form.Item>
              <Form.Item
                name="dueSoonPercent"
                label={t('civicSettings.metrics.dueSoon')}
                extra={t('civicSettings.metrics.dueSoonHint')}
                rules={[requiredRule(t)]}
                style={{ marginBottom: 0, width: 260 }}
              >
                <InputNumber min={50} max={99} precision={0} suffix="%" style={{ width: 120 }} />
              </Form.Item>
            </Flex>
          </Card>
        </Col>
      </Row>
      <Flex gap={8}>
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          disabled={stale}
          data-testid="metric-settings-save"
        >
          {t('common.actions.save')}
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue(valuesOf(DEFAULT_METRIC_SETTINGS));
            void message.info(t('civicSettings.metrics.restoredDefaults'));
          }}
        >
          {t('civicSettings.metrics.restoreDefaults')}
        </Button>
      </Flex>
    </Form>
  );
};

/** 考核参数: the 三率 weights, 基本满意's weight, excluded void reasons, grade floors, reopen window, due-soon share. */
export const MetricSettingsTab = () => {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: METRIC_SETTINGS_KEY, queryFn: civicSettingsApi.metricSettings });
  if (settings.isError && !settings.data) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  if (!settings.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <SettingsForm
      current={settings.data}
      onReload={async () => {
        await queryClient.invalidateQueries({ queryKey: METRIC_SETTINGS_KEY });
      }}
    />
  );
};
