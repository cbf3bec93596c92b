import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last line of defence for a render error or a lazy chunk that failed to load (e.g. after a deploy). */
export const RouteError = () => {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <Result status="404" title={t('common.errors.notFound')} subTitle={t('common.errors.notFoundHint')} />;
  }
  return (
    <Result
      status="error"
      title={t('common.errors.actionFailed')}
      subTitle={t('common.errors.chunkFailed')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('common.errors.reloadPage')}
        </Button>
      }
    />
  );
};
