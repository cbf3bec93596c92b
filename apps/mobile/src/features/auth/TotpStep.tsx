import { type LoginResult, TotpCodeSchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { TextField } from '../../components/TextField.tsx';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { FormError } from './FormError.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';

type Props = {
  mfaToken: string;
  enrolled: boolean;
  onResult: (result: LoginResult) => void;
  onRestart: () => void;
};

/** Staff second factor: a 6-digit TOTP code (enrolling first when the account has none yet). */
export function TotpStep({ mfaToken, enrolled, onResult, onRestart }: Props) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const verify = useMutation({ mutationFn: authApi.verifyTotp, onSuccess: onResult });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = TotpCodeSchema.safeParse(code.trim());
    setError(parsed.success ? undefined : t('validation.totp'));
    if (parsed.success) verify.mutate({ mfaToken, code: parsed.data });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {enrolled ? (
        <>
          <h2 className="section-title">{t('auth.totpTitle')}</h2>
          <p className="muted">{t('auth.totpHint')}</p>
        </>
      ) : (
        <TotpEnrolment mfaToken={mfaToken} />
      )}
      <TextField
        id="totp-code"
        testId="h5-totp-code"
        label={t('auth.totpCode')}
        placeholder={t('auth.totpPlaceholder')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        autoFocus
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={error}
      />
      {verify.isError ? <FormError message={describe(verify.error)} /> : null}
      <Button block type="submit" color="primary" size="large" loading={verify.isPending} data-testid="h5-totp-submit">
        {t('auth.totpSubmit')}
      </Button>
      <Button block fill="none" size="large" onClick={onRestart}>
        {t('auth.restart')}
      </Button>
    </form>
  );
}
