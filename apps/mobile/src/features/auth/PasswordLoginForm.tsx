import { type LoginResult, UsernameSchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { TextField } from '../../components/TextField.tsx';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { FormError } from './FormError.tsx';

/** 账号密码 login (staff, and members or residents who have a username). */
export function PasswordLoginForm({ onResult }: { onResult: (result: LoginResult) => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});

  const login = useMutation({ mutationFn: authApi.login, onSuccess: onResult });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsedUsername = UsernameSchema.safeParse(username);
    const hasPassword = password.length > 0;
    setErrors({
      username: parsedUsername.success ? undefined : t('validation.username'),
      password: hasPassword ? undefined : t('validation.required', { field: t('auth.password') }),
    });
    if (parsedUsername.success && hasPassword) login.mutate({ username: parsedUsername.data, password });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        id="login-username"
        testId="h5-username"
        label={t('auth.username')}
        placeholder={t('auth.usernamePlaceholder')}
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        maxLength={32}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        error={errors.username}
      />
      <TextField
        id="login-password"
        testId="h5-password"
        label={t('auth.password')}
        placeholder={t('auth.passwordPlaceholder')}
        type="password"
        autoComplete="current-password"
        maxLength={128}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={errors.password}
      />
      {login.isError ? <FormError message={describe(login.error)} /> : null}
      <Button block type="submit" color="primary" size="large" loading={login.isPending} data-testid="h5-login-submit">
        {t('auth.login')}
      </Button>
    </form>
  );
}
