import type { Me } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { NoticeBar, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { residentClaimsApi } from '../../api/resident-claims.ts';
import { PageShell } from '../../components/PageShell.tsx';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { useApprovalsBadge } from '../approvals/approval-queries.ts';
import { useInboxBadge, usePendingDraft, useUnreadBadge } from '../civic/civic-badges.ts';
import { useToRateBadge } from '../rating/rating-queries.ts';
import { useCurrentUser } from '../session/session.ts';
import { HomeTile } from './HomeTile.tsx';
import { type TileName, tilesFor } from './tiles.ts';

const PASSWORD_WARNING_DAYS = 14;

const distinctRoles = (me: Me) => [...new Set(me.roles.map((assignment) => assignment.role))];

const expiresSoon = (me: Me): boolean => {
  if (me.passwordExpiresAt === null) return false;
  const left = Date.parse(me.passwordExpiresAt) - Date.now();
  return Number.isFinite(left) && left < PASSWORD_WARNING_DAYS * 86_400_000;
};

/** 首页: greeting, role tags and the tiles the user's roles can use today. */
export default function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const tiles = tilesFor(me);
  const reviewsClaims = tiles.some((tile) => tile.name === 'claims');
  const pending = useQuery({
    queryKey: ['resident-claims', 'pending-count'],
    queryFn: ({ signal }) => residentClaimsApi.list({ status: 'pending' }, signal),
    enabled: reviewsClaims,
  });
  const pendingBadge = pending.data?.items.length
    ? `${pending.data.items.length}${pending.data.nextCursor ? '+' : ''}`
    : undefined;
  const approvalsBadge = useApprovalsBadge(
    me,
    tiles.some((tile) => tile.name === 'approvals'),
  );
  const toRateBadge = useToRateBadge(tiles.some((tile) => tile.name === 'rate'));
  const unreadBadge = useUnreadBadge(true);
  const inboxBadge = useInboxBadge(tiles.some((tile) => tile.name === 'civicInbox'));
  const pendingDraft = usePendingDraft(me.id);
  const badges: Partial<Record<TileName, string | undefined>> = {
    claims: pendingBadge,
    approvals: approvalsBadge,
    rate: toRateBadge,
    notifications: unreadBadge,
    civicInbox: inboxBadge,
  };

  return (
    <PageShell title={t('home.title')} testId="h5-home">
      <section className="greeting card">
        <h2 className="greeting-name" data-testid="h5-greeting">
          {t('home.greeting', { name: me.displayName })}
        </h2>
        {me.roles.length > 0 ? (
          <div className="tag-row" data-testid="h5-role-tags">
            {distinctRoles(me).map((role) => (
              <Tag key={role} color="primary" fill="outline" className="role-tag">
                {t(`role.${role}`)}
              </Tag>
            ))}
          </div>
        ) : (
          <p className="muted" data-testid="h5-no-roles">
            {t('home.noRoles')}
          </p>
        )}
      </section>
      {expiresSoon(me) && me.passwordExpiresAt && me.username ? (
        <NoticeBar
          className="notice"
          color="alert"
          wrap
          content={
            <span>
              {t('home.passwordExpiring', { date: formatDate(me.passwordExpiresAt, currentLocale()) })}{' '}
              <Link to="/profile/password">{t('home.changeNow')}</Link>
            </span>
          }
        />
      ) : null}
      {pendingDraft ? (
        <NoticeBar
          className="notice"
          color="alert"
          wrap
          data-testid="civic-home-pending"
          content={
            <span>
              {t('civic.draft.homeNotice')}{' '}
              <Link to={pendingDraft === 'file' ? '/civic/file' : '/civic/report'}>
                {t('civic.draft.homeNoticeAction')}
              </Link>
            </span>
          }
        />
      ) : null}
      <nav className="tiles" aria-label={t('home.title')}>
        {tiles.map((tile) => (
          <HomeTile key={tile.name} tile={tile} badge={badges[tile.name]} />
        ))}
      </nav>
    </PageShell>
  );
}
