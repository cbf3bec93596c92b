import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { type LoginResult, UsernameSchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../../api/auth.ts';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { useMeQuery, useSignIn } from '../../app/session.tsx';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { contractRule } from '../../components/validation.ts';
import { InitialPasswordStep } from './InitialPasswordStep.tsx';
import { TotpStep } from './TotpStep.tsx';

type Step =
  | { kind: 'password' }
  | { kind: 'totp'; mfaToken: string; enrolled: boolean }
  | { kind: 'change'; changeToken: string };

/** Only same-site paths, so `?next=` cannot send the user elsewhere. */
const safeNext = (next: string | null): string => (next?.startsWith('/') && !next.startsWith('//') ? next : '/');

export const LoginPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMeQuery();
  const signIn = useSignIn();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const next = safeNext(params.get('next'));
  const reason = params.get('reason');

  const onResult = (result: LoginResult) => {
    if (result.status === 'ok') {
      signIn(result.me);
      navigate(next, { replace: true });
    } else if (result.status === 'mfa_required') {
      setStep({ kind: 'totp', mfaToken: result.mfaToken, enrolled: result.enrolled });
    } else {
      setStep({ kind: 'change', changeToken: result.changeToken });
    }
  };

  if (me.data && step.kind === 'password') return <Navigate to={next} replace />;

  const backToLogin = () => setStep({ kind: 'password' });

  return (
    <div className="login-page">
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <div className="login-brand">
        <span className="app-emblem" style={{ width: 48, height: 48, fontSize: 24 }} aria-hidden>
          邻
        </span>
        <h1>{t('common.appTitle')}</h1>
        <div>{t('auth.login.subtitle')}</div>
      </div>
      <Card className="login-card">
        {step.kind === 'password' && (
          <PasswordStep
            onResult={onResult}
            notice={reason === 'expired' ? 'expired' : reason === 'logout' ? 'logout' : null}
          />
        )}
        {step.kind === 'totp' && (
          <TotpStep mfaToken={step.mfaToken} enrolled={step.enrolled} onDone={onResult} onBack={backToLogin} />
        )}
        {step.kind === 'change' && (
          <InitialPasswordStep changeToken={step.changeToken} onResult={onResult} onBack={backToLogin} />
        )}
      </Card>
      <div className="login-footer">{t('auth.login.footer')}</div>
    </div>
  );
};

type Values = { username: string; password: string };

const PasswordStep = ({
  onResult,
  notice,
}: {
  onResult: (r: LoginResult) => void;
  notice: 'expired' | 'logout' | null;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const login = useMutation({
    mutationFn: (v: Values) => authApi.login({ username: v.username.trim().toLowerCase(), password: v.password }),
    onSuccess: onResult,
    onError: () => form.setFieldValue('password', ''),
  });
  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0, textAlign: 'center' }}>
        {t('auth.login.title')}
      </Typography.Title>
      {notice && !login.error && (
        <Alert
          type={notice === 'expired' ? 'warning' : 'success'}
          showIcon
          title={notice === 'expired' ? t('auth.login.sessionExpired') : t('auth.login.loggedOut')}
          style={{ marginBottom: 16 }}
        />
      )}
      <FormErrorAlert error={login.error} />
      <Form form={form} layout="vertical" onFinish={(v) => login.mutate(v)} requiredMark={false} size="large">
        <Form.Item
          name="username"
          label={t('auth.login.username')}
          htmlFor="login-username"
          rules={[contractRule(UsernameSchema, t)]}
        >
          <Input
            id="login-username"
            data-testid="login-username"
            prefix={<UserOutlined />}
            placeholder={t('auth.login.usernamePlaceholder')}
            autoComplete="username"
            autoFocus
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.login.password')}
          htmlFor="login-password"
          rules={[{ required: true, message: t('common.validation.required') }]}
        >
          <Input.Password
            id="login-password"
            data-testid="login-password"
            prefix={<LockOutlined />}
            placeholder={t('auth.login.passwordPlaceholder')}
            autoComplete="current-password"
            maxLength={128}
          />
        </Form.Item>
        <Button
          id="login-submit"
          data-testid="login-submit"
          type="primary"
          htmlType="submit"
          block
          loading={login.isPending}
        >
          {t('auth.login.submit')}
        </Button>
      </Form>
    </>
  );
};
