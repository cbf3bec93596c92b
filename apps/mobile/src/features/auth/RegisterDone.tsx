import { Button, Result, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AuthLayout } from './AuthLayout.tsx';

/** After registration: signed in, with the household claim 待支部确认. */
export function RegisterDone() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <AuthLayout title={t('register.doneTitle')} testId="h5-register-done">
      <Result
        status="waiting"
        title={t('register.doneTitle')}
        description={
          <>
            <Tag color="warning" className="status-tag">
              {t('register.doneStatus')}
            </Tag>
            <p className="result-text">{t('register.doneDesc')}</p>
          </>
        }
      />
      <Button
        block
        color="primary"
        size="large"
        onClick={() => navigate('/', { replace: true })}
        data-testid="h5-register-home"
      >
        {t('register.goHome')}
      </Button>
    </AuthLayout>
  );
}
