import type { Permission } from '@linli/contracts';
import { Button, Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { ErrorState } from '../components/ErrorState.tsx';
import { canOpenNavItem, NAV_ITEMS } from './nav.tsx';
import { isSessionExpired, SessionProvider, useMeQuery, useSession } from './session.tsx';

export const FullPageSpin = () => (
  <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
    <Spin size="large" />
  </Flex>
);

/** Renders its children only with a session; otherwise sends the user to the login page and back afterwards. */
export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const me = useMeQuery();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '60vh', padding: 24 }}>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Flex>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const params = new URLSearchParams();
    if (isSessionExpired()) params.set('reason', 'expired');
    if (next !== '/') params.set('next', next);
    const query = params.toString();
    return <Navigate to={`/login${query ? `?${query}` : ''}`} replace />;
  }
  return <SessionProvider me={me.data}>{children}</SessionProvider>;
};

export const ForbiddenResult = () => {
  const { t } = useTranslation();
  return <Result status="403" title={t('common.errors.forbidden')} subTitle={t('common.errors.forbiddenHint')} />;
};

/** Shows the page only to users who hold the permission through at least one role. */
export const RequirePermission = ({ permission, children }: { permission: Permission; children: ReactNode }) => {
  const { can } = useSession();
  return can(permission) ? children : <ForbiddenResult />;
};

/** `/`: the overview for those who may read the org tree, else the first area this user can use. */
export const HomeRoute = ({ overview }: { overview: ReactNode }) => {
  const { can } = useSession();
  if (can('org.read')) return overview;
  // Without the overview, a unit's staff (a property company's handler) start where their work is: the cases.
  const reachable = NAV_ITEMS.filter((i) => i.path !== '/' && canOpenNavItem(i, can));
  const first = reachable.find((i) => i.group === 'groupCivic') ?? reachable[0];
  return first ? <Navigate to={first.path} replace /> : <ForbiddenResult />;
};

export const NotFoundPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('common.errors.notFound')}
      subTitle={t('common.errors.notFoundHint')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('common.menu.overview')}
        </Button>
      }
    />
  );
};
