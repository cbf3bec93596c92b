import { useMutation } from '@tanstack/react-query';
import { Button, Toast } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { authApi } from '../../api/auth.ts';
import { PageShell } from '../../components/PageShell.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { FormError } from '../auth/FormError.tsx';
import {
  checkNewPassword,
  type NewPasswordErrors,
  NewPasswordFields,
  type NewPasswordValue,
} from '../auth/NewPasswordFields.tsx';
import { usePasswordMessages } from '../auth/usePasswordMessages.ts';
import { useCurrentUser } from '../session/session.ts';

/** 修改密码 for accounts with a username (`POST /auth/password`). */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const describe = useDescribeError();
  const messages = usePasswordMessages();
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState<NewPasswordValue>({ newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<NewPasswordErrors & { current?: string | undefined }>({});

  const change = useMutation({
    mutationFn: authApi.changePassword,
    onSuccess: () => {
      Toast.show({ icon: 'success', content: t('password.done') });
      navigate('/profile', { replace: true });
    },
  });

  if (!me.username) return <Navigate to="/profile" replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      ...checkNewPassword(value, messages, current),
      current: current.length === 0 ? t('validation.required', { field: t('password.current') }) : undefined,
    };
    setErrors(found);
    if (!found.current && !found.newPassword && !found.confirm) {
      change.mutate({ currentPassword: current, newPassword: value.newPassword });
    }
  };

  return (
    <PageShell title={t('password.title')} backTo="/profile" testId="h5-change-password-page">
      <form className="form card" onSubmit={submit} noValidate>
        <TextField
          id="h5-password-current"
          testId="h5-password-current"
          label={t('password.current')}
          placeholder={t('password.currentPlaceholder')}
          type="password"
          autoComplete="current-password"
          maxLength={128}
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          error={errors.current}
        />
        <NewPasswordFields idPrefix="h5-password" value={value} errors={errors} onChange={setValue} />
        {change.isError ? <FormError message={describe(change.error)} /> : null}
        <Button
          block
          type="submit"
          color="primary"
          size="large"
          loading={change.isPending}
          data-testid="h5-password-submit"
        >
          {t('password.submit')}
        </Button>
      </form>
    </PageShell>
  );
}
