import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField.tsx';
import { DevCodeNotice, OtpSendButton } from './OtpParts.tsx';
import type { useOtpSender } from './useOtpSender.ts';

type Props = {
  /** Element ids and test ids of the three controls, so each form keeps its own. */
  ids: { phone: string; code: string; phoneTestId: string; codeTestId: string; sendTestId: string };
  phone: string;
  code: string;
  onPhone: (phone: string) => void;
  onCode: (code: string) => void;
  errors: { phone?: string | undefined; code?: string | undefined };
  sender: ReturnType<typeof useOtpSender>;
};

/** Phone, 获取验证码 and the code, plus the demo-code notice: the same three steps in SMS login and registration. */
export function PhoneCodeFields({ ids, phone, code, onPhone, onCode, errors, sender }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={ids.phone}
        testId={ids.phoneTestId}
        label={t('auth.phone')}
        placeholder={t('auth.phonePlaceholder')}
        type="tel"
        inputMode="numeric"
        autoComplete="tel-national"
        maxLength={11}
        value={phone}
        onChange={(event) => {
          onPhone(event.target.value);
          sender.clearError();
        }}
        error={errors.phone ?? sender.error}
      />
      <TextField
        id={ids.code}
        testId={ids.codeTestId}
        label={t('auth.otpCode')}
        placeholder={t('auth.otpPlaceholder')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        value={code}
        onChange={(event) => onCode(event.target.value)}
        error={errors.code}
        addon={
          <OtpSendButton
            testId={ids.sendTestId}
            sending={sender.sending}
            secondsLeft={sender.secondsLeft}
            onSend={() => sender.send(phone)}
          />
        }
      />
      {sender.devCode ? <DevCodeNotice code={sender.devCode} onFill={() => onCode(sender.devCode ?? '')} /> : null}
    </>
  );
}
