import type { LoginResult } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { PasswordFields } from './PasswordFields.tsx';
import { showPasswordProblems } from './passwordProblems.ts';

type Props = { changeToken: string; onResult: (r: LoginResult) => void; onBack: () => void };
type Values = { newPassword: string; confirmPassword: string };

/** First login (or an expired password): set a new one, then continue to the TOTP step. */
export const InitialPasswordStep = ({ changeToken, onResult, onBack }: Props) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: (v: Values) => authApi.initialPassword({ changeToken, newPassword: v.newPassword }),
    onSuccess: onResult,
    onError: (e) => showPasswordProblems(form, e, t),
  });
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
        {t('auth.password.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('auth.password.hint')}</Typography.Paragraph>
      <FormErrorAlert error={change.error} />
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)} requiredMark={false}>
        <PasswordFields idPrefix="initial-password" />
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={change.isPending}
          data-testid="initial-password-submit"
        >
          {t('auth.password.submit')}
        </Button>
      </Form>
      <Button type="link" block onClick={onBack} style={{ marginTop: 8 }}>
        {t('auth.login.backToLogin')}
      </Button>
    </>
  );
};
