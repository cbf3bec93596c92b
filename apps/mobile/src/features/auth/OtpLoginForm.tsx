import { type LoginResult, OtpCodeSchema, PhoneSchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { TextField } from '../../components/TextField.tsx';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { FormError } from './FormError.tsx';
import { DevCodeNotice, OtpSendButton } from './OtpParts.tsx';
import { useOtpSender } from './useOtpSender.ts';

/** 手机验证码 login: phone → 获取验证码 → code → 登录. */
export function OtpLoginForm({ onResult }: { onResult: (result: LoginResult) => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const sender = useOtpSender('login');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ phone?: string; code?: string }>({});

  const login = useMutation({ mutationFn: authApi.loginWithOtp, onSuccess: onResult });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsedPhone = PhoneSchema.safeParse(phone.trim());
    const parsedCode = OtpCodeSchema.safeParse(code.trim());
    setErrors({
      phone: parsedPhone.success ? undefined : t('validation.phone'),
      code: parsedCode.success ? undefined : t('validation.otp'),
    });
    if (parsedPhone.success && parsedCode.success) login.mutate({ phone: parsedPhone.data, code: parsedCode.data });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextField
        id="otp-phone"
        testId="h5-phone"
        label={t('auth.phone')}
        placeholder={t('auth.phonePlaceholder')}
        type="tel"
        inputMode="numeric"
        autoComplete="tel-national"
        maxLength={11}
        value={phone}
        onChange={(event) => {
          setPhone(event.target.value);
          sender.clearError();
        }}
        error={errors.phone ?? sender.error}
      />
      <TextField
        id="otp-code"
        testId="h5-otp-code"
        label={t('auth.otpCode')}
        placeholder={t('auth.otpPlaceholder')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={errors.code}
        addon={
          <OtpSendButton
            testId="h5-otp-send"
            sending={sender.sending}
            secondsLeft={sender.secondsLeft}
            onSend={() => sender.send(phone)}
          />
        }
      />
      {sender.devCode ? <DevCodeNotice code={sender.devCode} onFill={() => setCode(sender.devCode ?? '')} /> : null}
      {login.isError ? <FormError message={describe(login.error)} /> : null}
      <Button block type="submit" color="primary" size="large" loading={login.isPending} data-testid="h5-otp-submit">
        {t('auth.login')}
      </Button>
    </form>
  );
}
