import { Button, Dialog, List, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageShell } from '../../components/PageShell.tsx';
import { formatDate } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { useCurrentUser, useLogout } from '../session/session.ts';
import { PreferenceList } from './PreferenceList.tsx';

/** 我的资料: who I am, my roles and where they apply, settings, password and sign-out. */
export default function ProfilePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();
  const locale = currentLocale();

  const confirmLogout = async () => {
    const confirmed = await Dialog.confirm({
      content: t('profile.logoutConfirm'),
      confirmText: t('profile.logout'),
      cancelText: t('common.cancel'),
    });
    if (confirmed) logout.mutate();
  };

  return (
    <PageShell title={t('profile.title')} backTo="/" testId="h5-profile">
      <List header={t('profile.account')} mode="card">
        <List.Item extra={<span data-testid="h5-profile-name">{me.displayName}</span>}>{t('profile.name')}</List.Item>
        <List.Item extra={<span data-testid="h5-profile-phone">{me.phoneMasked ?? t('common.none')}</span>}>
          {t('profile.phone')}
        </List.Item>
        {me.username ? <List.Item extra={me.username}>{t('profile.username')}</List.Item> : null}
        {me.username ? (
          <List.Item extra={me.totpEnrolled ? t('profile.totpOn') : t('profile.totpOff')}>
            {t('profile.totp')}
          </List.Item>
        ) : null}
        {me.passwordExpiresAt ? (
          <List.Item extra={formatDate(me.passwordExpiresAt, locale)}>{t('profile.passwordExpires')}</List.Item>
        ) : null}
      </List>

      <List header={t('profile.roles')} mode="card" data-testid="h5-profile-roles">
        {me.roles.length === 0 ? (
          <List.Item>
            <span className="muted">{t('profile.noRoles')}</span>
          </List.Item>
        ) : (
          me.roles.map((assignment) => (
            <List.Item key={assignment.id} description={assignment.scopeName}>
              <Tag color="primary" fill="outline" className="role-tag">
                {t(`role.${assignment.role}`)}
              </Tag>
            </List.Item>
          ))
        )}
      </List>

      <PreferenceList />

      {me.username ? (
        <List mode="card">
          <List.Item arrowIcon onClick={() => navigate('/profile/password')} data-testid="h5-change-password">
            {t('profile.changePassword')}
          </List.Item>
        </List>
      ) : null}

      <div className="page-actions">
        <Button
          block
          size="large"
          color="danger"
          fill="outline"
          loading={logout.isPending}
          onClick={() => void confirmLogout()}
          data-testid="h5-logout"
        >
          {t('profile.logout')}
        </Button>
      </div>
    </PageShell>
  );
}
