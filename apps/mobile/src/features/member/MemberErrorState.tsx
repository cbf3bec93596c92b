import { ErrorBlock } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/StateBlocks.tsx';
import { useCurrentUser } from '../session/session.ts';
import { isNotOnRoster } from './member-queries.ts';

/** An account that is not on the Party roster yet: not a failure, a step the branch has to take. */
export function NotOnRoster() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return (
    <ErrorBlock
      className="state-block card"
      status="empty"
      title={t('member.notOnRosterTitle')}
      description={
        <span className="result-text-block">
          {me.phoneMasked ? t('member.notOnRosterPhone', { phone: me.phoneMasked }) : t('member.notOnRosterNoPhone')}
        </span>
      }
      data-testid="h5-not-on-roster"
    />
  );
}

/** Load failures of the `/me/...` pages: the roster explanation for `not_on_roster`, else the usual retry. */
export function MemberErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (isNotOnRoster(error)) return <NotOnRoster />;
  return <ErrorState error={error} onRetry={onRetry} />;
}
