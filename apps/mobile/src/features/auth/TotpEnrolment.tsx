import { useQuery } from '@tanstack/react-query';
import { Button, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { authApi } from '../../api/auth.ts';
import { ErrorState, PageSkeleton } from '../../components/StateBlocks.tsx';

const groupSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * First staff login: the server issues a secret. On a phone the authenticator usually lives on the same phone, so
 * instead of a QR code we offer the `otpauth://` link and the key to copy.
 */
export function TotpEnrolment({ mfaToken }: { mfaToken: string }) {
  const { t } = useTranslation();
  // One enrolment per sign-in attempt: a second call could issue a different secret.
  const enrolment = useQuery({
    queryKey: ['totp-enrolment', mfaToken],
    queryFn: () => authApi.enrolTotp({ mfaToken }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  if (enrolment.isPending) return <PageSkeleton blocks={1} />;
  if (enrolment.isError) return <ErrorState error={enrolment.error} onRetry={() => void enrolment.refetch()} />;

  const { secret, otpauthUri } = enrolment.data;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      Toast.show({ content: t('common.copied') });
    } catch {
      // Clipboard access needs a secure context; the key stays selectable on screen.
    }
  };

  return (
    <div className="enrolment" data-testid="h5-totp-enrolment">
      <h2 className="section-title">{t('auth.enrolTitle')}</h2>
      <p className="muted">{t('auth.enrolHint')}</p>
      <div className="secret">
        <span className="secret-label">{t('auth.secret')}</span>
        <code className="secret-value" data-testid="h5-totp-secret">
          {groupSecret(secret)}
        </code>
      </div>
      <div className="button-row">
        <Button color="primary" fill="outline" onClick={() => void copy()}>
          {t('common.copy')}
        </Button>
        <Button color="primary" onClick={() => window.location.assign(otpauthUri)}>
          {t('auth.openAuthenticator')}
        </Button>
      </div>
    </div>
  );
}
