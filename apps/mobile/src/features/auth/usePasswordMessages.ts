import { useTranslation } from 'react-i18next';

/** The messages `checkNewPassword` needs, in the current language. */
export const usePasswordMessages = () => {
  const { t } = useTranslation();
  return {
    required: t('validation.required', { field: t('auth.newPassword') }),
    mismatch: t('validation.passwordMismatch'),
    same: t('validation.passwordSame'),
  };
};
