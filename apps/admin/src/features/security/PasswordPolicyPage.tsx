import { type PasswordPolicy, PasswordPolicySchema } from '@linli/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { securityApi } from '../../api/security.ts';
import { ErrorState, FormErrorAlert, StaleVersionAlert } from '../../components/ErrorState.tsx';
import { isVersionStale } from '../../components/errors.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { applyServerErrors, contractRule, requiredRule } from '../../components/validation.ts';

type Field = {
  name: keyof PasswordPolicy;
  min: number;
  max: number;
  unit: 'unitChars' | 'unitClasses' | 'unitDays' | 'unitTimes' | 'unitMinutes';
  hint?: 'minClassesHint' | 'maxAgeHint';
};

/** Bounds mirror `PasswordPolicySchema`; the contract rule checks them again. */
const FIELDS: Field[] = [
  { name: 'minLength', min: 8, max: 64, unit: 'unitChars' },
  { name: 'minClasses', min: 1, max: 4, unit: 'unitClasses', hint: 'minClassesHint' },
  { name: 'maxAgeDays', min: 0, max: 365, unit: 'unitDays', hint: 'maxAgeHint' },
  { name: 'lockoutThreshold', min: 3, max: 10, unit: 'unitTimes' },
  { name: 'lockoutMinutes', min: 5, max: 1440, unit: 'unitMinutes' },
];

export const PasswordPolicyPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordPolicy>();
  const policy = useQuery({ queryKey: ['security', 'password-policy'], queryFn: securityApi.getPasswordPolicy });
  const save = useMutation({
    mutationFn: (v: PasswordPolicy) => securityApi.putPasswordPolicy(v, policy.data?.etag ?? null),
    onSuccess: async () => {
      void message.success(t('policy.saved'));
      await policy.refetch();
    },
    onError: (e) => applyServerErrors(form, e, t),
  });
  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data.data);
  }, [policy.data, form]);

  const reload = async () => {
    await policy.refetch();
    save.reset();
  };

  return (
    <PageContainer title={t('policy.title')} subTitle={t('policy.intro')}>
      <Card style={{ maxWidth: 720 }}>
        {policy.isPending && <Skeleton active />}
        {policy.isError && <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />}
        {policy.data && (
          <>
            {isVersionStale(save.error) ? (
              <StaleVersionAlert onReload={() => void reload()} />
            ) : (
              <FormErrorAlert error={save.error} />
            )}
            <Form
              form={form}
              layout="horizontal"
              labelCol={{ span: 8 }}
              wrapperCol={{ span: 16 }}
              onFinish={(v) => save.mutate(v)}
            >
              {FIELDS.map((f) => (
                <Form.Item
                  key={f.name}
                  name={f.name}
                  label={t(`policy.${f.name}`)}
                  extra={f.hint ? t(`policy.${f.hint}`) : undefined}
                  rules={[requiredRule(t), contractRule(PasswordPolicySchema.shape[f.name], t)]}
                >
                  <InputNumber
                    min={f.min}
                    max={f.max}
                    precision={0}
                    suffix={t(`policy.${f.unit}`)}
                    style={{ width: 200 }}
                  />
                </Form.Item>
              ))}
              <Form.Item wrapperCol={{ offset: 8, span: 16 }}>
                <Button type="primary" htmlType="submit" loading={save.isPending} disabled={isVersionStale(save.error)}>
                  {t('common.actions.save')}
                </Button>
              </Form.Item>
            </Form>
          </>
        )}
      </Card>
    </PageContainer>
  );
};
