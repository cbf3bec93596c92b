import { type LoginResult, OtpCodeSchema, PhoneSchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { FormError } from './FormError.tsx';
import { PhoneCodeFields } from './PhoneCodeFields.tsx';
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
      <PhoneCodeFields
        ids={{
          phone: 'otp-phone',
          code: 'otp-code',
          phoneTestId: 'h5-phone',
          codeTestId: 'h5-otp-code',
          sendTestId: 'h5-otp-send',
        }}
        phone={phone}
        code={code}
        onPhone={setPhone}
        onCode={setCode}
        errors={errors}
        sender={sender}
      />
      {login.isError ? <FormError message={describe(login.error)} /> : null}
      <Button block type="submit" color="primary" size="large" loading={login.isPending} data-testid="h5-otp-submit">
        {t('auth.login')}
      </Button>
    </form>
  );
}
