import { Button, ErrorBlock, Skeleton } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors.ts';
import { useDescribeError } from '../i18n/describe-error.ts';

/** A load failure with a plain-language reason and a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const describe = useDescribeError();
  const code = isApiError(error) ? error.code : '';
  return (
    <ErrorBlock
      className="state-block"
      status={code === 'NETWORK' ? 'disconnected' : code === 'INTERNAL' ? 'busy' : 'default'}
      title={t('errors.loadFailed')}
      description={describe(error)}
      data-testid="h5-error"
    >
      {onRetry ? (
        <Button className="state-action" color="primary" fill="outline" size="large" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </ErrorBlock>
  );
}

/** Nothing to show yet, said kindly. */
export function EmptyState({ title, description }: { title: string; description?: string }) {
  return (
    <ErrorBlock
      className="state-block"
      status="empty"
      title={title}
      description={description ?? ''}
      data-testid="h5-empty"
    />
  );
}

/** Placeholder lines while a page loads. */
export function PageSkeleton({ blocks = 2 }: { blocks?: number }) {
  return (
    <div className="skeleton" aria-busy="true">
      {Array.from({ length: blocks }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders that never reorder
        <div className="card" key={index}>
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={3} animated />
        </div>
      ))}
    </div>
  );
}
