import { Button } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

type SendButtonProps = { testId: string; sending: boolean; secondsLeft: number; onSend: () => void };

/** 获取验证码, or the countdown until another code may be asked for. */
export function OtpSendButton({ testId, sending, secondsLeft, onSend }: SendButtonProps) {
  const { t } = useTranslation();
  return (
    <Button
      className="field-addon"
      color="primary"
      fill="outline"
      data-testid={testId}
      loading={sending}
      disabled={secondsLeft > 0}
      onClick={onSend}
    >
      {secondsLeft > 0 ? t('auth.resendIn', { seconds: secondsLeft }) : t('auth.sendCode')}
    </Button>
  );
}

/** Outside production the server echoes the code; show it plainly marked as a demo aid. */
export function DevCodeNotice({ code, onFill }: { code: string; onFill: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="dev-code" role="status" data-testid="h5-otp-devcode">
      <div className="dev-code-text">
        <strong>{t('auth.devCode', { code })}</strong>
        <span className="dev-code-hint">{t('auth.devCodeHint')}</span>
      </div>
      <Button size="small" color="warning" fill="outline" onClick={onFill}>
        {t('auth.fillCode')}
      </Button>
    </div>
  );
}
