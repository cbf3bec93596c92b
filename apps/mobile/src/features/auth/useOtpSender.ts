import { type OtpSendBody, PhoneSchema } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { isApiError } from '../../api/errors.ts';
import { useDescribeError } from '../../i18n/describe-error.ts';
import { useCountdown } from './useCountdown.ts';

export const RESEND_SECONDS = 60;

/** 获取验证码: validates the phone, sends the code, runs the 60 s countdown, keeps a demo `devCode` on screen. */
export const useOtpSender = (purpose: OtpSendBody['purpose']) => {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const { secondsLeft, start } = useCountdown();
  const [devCode, setDevCode] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();

  const mutation = useMutation({
    mutationFn: authApi.sendOtp,
    onSuccess: (result) => {
      start(RESEND_SECONDS);
      setDevCode(result.devCode ?? null);
      Toast.show({ content: t('auth.codeSent') });
    },
    onError: (cause) => {
      if (isApiError(cause) && cause.code === 'RATE_LIMITED' && cause.retryAfter) start(cause.retryAfter);
      setError(describe(cause));
    },
  });

  /** Returns false (and sets `error`) when the phone number is not a mainland mobile number. */
  const send = (phone: string): boolean => {
    const parsed = PhoneSchema.safeParse(phone.trim());
    if (!parsed.success) {
      setError(t('validation.phone'));
      return false;
    }
    setError(undefined);
    mutation.mutate({ phone: parsed.data, purpose });
    return true;
  };

  return { send, sending: mutation.isPending, secondsLeft, devCode, error, clearError: () => setError(undefined) };
};
