import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText, requestIdOf } from './errors.ts';

type Props = { error: unknown; onRetry?: () => void; title?: string };

/** A failed load, in words, with the server's request id for the help desk and a retry button. */
export const ErrorState = ({ error, onRetry, title }: Props) => {
  const { t } = useTranslation();
  const requestId = requestIdOf(error);
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? t('common.errors.loadFailed')}
      description={
        <>
          <div>{errorText(error, t)}</div>
          {requestId && (
            <Typography.Text type="secondary" copyable={{ text: requestId }}>
              {t('common.errors.requestId', { id: requestId })}
            </Typography.Text>
          )}
        </>
      }
      action={
        onRetry && (
          <Button size="small" icon={<ReloadOutlined />} onClick={onRetry}>
            {t('common.actions.retry')}
          </Button>
        )
      }
    />
  );
};

/** Shown in a form when a PATCH/PUT answered `412 VERSION_STALE`. */
export const StaleVersionAlert = ({ onReload }: { onReload: () => void }) => {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      title={t('common.errors.versionStale')}
      description={t('common.errors.versionStaleHint')}
      action={
        <Button size="small" type="primary" icon={<ReloadOutlined />} onClick={onReload}>
          {t('common.actions.reload')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
};

/** A server refusal shown above a form (field errors go on the fields themselves). */
export const FormErrorAlert = ({ error }: { error: unknown }) => {
  const { t } = useTranslation();
  if (!error) return null;
  const requestId = requestIdOf(error);
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(error, t)}
      description={requestId ? t('common.errors.requestId', { id: requestId }) : undefined}
      style={{ marginBottom: 16 }}
    />
  );
};
