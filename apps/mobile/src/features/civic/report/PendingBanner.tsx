import { Button, Dialog } from 'antd-mobile';
import { useTranslation } from 'react-i18next';

type Props = { sending: boolean; onRetry: () => void; onDiscard: () => void };

/** 待提交: the report is saved on the phone and waits for the network; it can be sent again or dropped. */
export function PendingBanner({ sending, onRetry, onDiscard }: Props) {
  const { t } = useTranslation();
  const confirmDiscard = async () => {
    const confirmed = await Dialog.confirm({
      content: t('civic.draft.discardConfirm'),
      confirmText: t('civic.draft.discard'),
      cancelText: t('common.cancel'),
    });
    if (confirmed) onDiscard();
  };
  return (
    <section className="civic-pending" role="status" data-testid="civic-draft-pending">
      <h2 className="civic-pending-title">{t('civic.draft.pendingTitle')}</h2>
      <p>{sending ? t('civic.draft.pendingRetrying') : t('civic.draft.pendingOffline')}</p>
      <div className="button-row">
        <Button size="large" onClick={() => void confirmDiscard()} disabled={sending}>
          {t('civic.draft.discard')}
        </Button>
        <Button size="large" color="primary" loading={sending} onClick={onRetry} data-testid="civic-draft-retry">
          {t('civic.draft.retry')}
        </Button>
      </div>
    </section>
  );
}
