import type { Me } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Tabs } from 'antd-mobile';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { PageSkeleton } from '../../components/StateBlocks.tsx';
import { rememberMe, useMe } from '../session/session.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { NewPasswordStep } from './NewPasswordStep.tsx';
import { OtpLoginForm } from './OtpLoginForm.tsx';
import { PasswordLoginForm } from './PasswordLoginForm.tsx';
import { TotpStep } from './TotpStep.tsx';
import { redirectTarget, useLoginFlow } from './useLoginFlow.ts';

type Tab = 'otp' | 'password';

/** 登录: 手机验证码 or 账号密码, then the TOTP or new-password step when the server asks for it. */
export default function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const { data: me, isPending } = useMe();
  const [tab, setTab] = useState<Tab>('otp');
  const onSignedIn = useCallback((signedIn: Me) => rememberMe(queryClient, signedIn), [queryClient]);
  const { step, handleResult, restart } = useLoginFlow(onSignedIn);

  if (isPending) return <PageSkeleton blocks={2} />;
  if (me) return <Navigate to={redirectTarget(location.state)} replace />;

  return (
    <AuthLayout title={t('auth.login')} testId="h5-login">
      {step.kind === 'totp' ? (
        <TotpStep mfaToken={step.mfaToken} enrolled={step.enrolled} onResult={handleResult} onRestart={restart} />
      ) : step.kind === 'new_password' ? (
        <NewPasswordStep changeToken={step.changeToken} onResult={handleResult} onRestart={restart} />
      ) : (
        <>
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key === 'password' ? 'password' : 'otp')}
            className="auth-tabs"
          >
            <Tabs.Tab key="otp" title={<span data-testid="h5-tab-otp">{t('auth.tabOtp')}</span>}>
              <OtpLoginForm onResult={handleResult} />
            </Tabs.Tab>
            <Tabs.Tab key="password" title={<span data-testid="h5-tab-password">{t('auth.tabPassword')}</span>}>
              <PasswordLoginForm onResult={handleResult} />
            </Tabs.Tab>
          </Tabs>
          <p className="auth-switch">
            {t('auth.noAccount')}
            <Link to="/register" data-testid="h5-register-link">
              {t('auth.register')}
            </Link>
          </p>
        </>
      )}
    </AuthLayout>
  );
}
