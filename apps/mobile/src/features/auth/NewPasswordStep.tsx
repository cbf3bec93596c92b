import type { LoginResult } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { FormError } from './FormError.tsx';
import {
  checkNewPassword,
  type NewPasswordErrors,
  NewPasswordFields,
  type NewPasswordValue,
} from './NewPasswordFields.tsx';
import { usePasswordMessages } from './usePasswordMessages.ts';

type Props = { changeToken: string; onResult: (result: LoginResult) => void; onRestart: () => void };

/** `password_change_required`: a one-time or expired password must be replaced before anything else (SEC-7). */
export function NewPasswordStep({ changeToken, onResult, onRestart }: Props) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const messages = usePasswordMessages();
  const [value, setValue] = useState<NewPasswordValue>({ newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<NewPasswordErrors>({});
  const save = useMutation({ mutationFn: authApi.setInitialPassword, onSuccess: onResult });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkNewPassword(value, messages);
    setErrors(found);
    if (!found.newPassword && !found.confirm) save.mutate({ changeToken, newPassword: value.newPassword });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <h2 className="section-title">{t('auth.newPasswordTitle')}</h2>
      <p className="muted">{t('auth.newPasswordHint')}</p>
      <NewPasswordFields idPrefix="h5-initial-password" value={value} errors={errors} onChange={setValue} />
      {save.isError ? <FormError message={describe(save.error)} /> : null}
      <Button
        block
        type="submit"
        color="primary"
        size="large"
        loading={save.isPending}
        data-testid="h5-new-password-submit"
      >
        {t('auth.newPasswordSubmit')}
      </Button>
      <Button block fill="none" size="large" onClick={onRestart}>
        {t('auth.restart')}
      </Button>
    </form>
  );
}
