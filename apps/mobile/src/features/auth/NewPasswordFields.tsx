import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField.tsx';

export type NewPasswordValue = { newPassword: string; confirm: string };
export type NewPasswordErrors = { newPassword?: string | undefined; confirm?: string | undefined };

type Props = {
  idPrefix: string;
  value: NewPasswordValue;
  errors: NewPasswordErrors;
  onChange: (value: NewPasswordValue) => void;
};

/** New password twice; the rules themselves are the server's (PASSWORD_POLICY answers say which one failed). */
export function NewPasswordFields({ idPrefix, value, errors, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${idPrefix}-new`}
        testId={`${idPrefix}-new`}
        label={t('auth.newPassword')}
        placeholder={t('auth.newPasswordPlaceholder')}
        type="password"
        autoComplete="new-password"
        maxLength={128}
        value={value.newPassword}
        onChange={(event) => onChange({ ...value, newPassword: event.target.value })}
        error={errors.newPassword}
        hint={t('password.policyHint')}
      />
      <TextField
        id={`${idPrefix}-confirm`}
        testId={`${idPrefix}-confirm`}
        label={t('auth.confirmPassword')}
        placeholder={t('auth.confirmPasswordPlaceholder')}
        type="password"
        autoComplete="new-password"
        maxLength={128}
        value={value.confirm}
        onChange={(event) => onChange({ ...value, confirm: event.target.value })}
        error={errors.confirm}
      />
    </>
  );
}

type CheckMessages = { required: string; mismatch: string; same: string };

/** Client-side checks only: filled, typed the same twice, and (when given) not the current password again. */
export const checkNewPassword = (
  value: NewPasswordValue,
  messages: CheckMessages,
  current?: string,
): NewPasswordErrors => {
  if (value.newPassword.length === 0) return { newPassword: messages.required };
  if (current !== undefined && value.newPassword === current) return { newPassword: messages.same };
  if (value.newPassword !== value.confirm) return { confirm: messages.mismatch };
  return {};
};
