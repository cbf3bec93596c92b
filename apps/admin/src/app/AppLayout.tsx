import { KeyOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Menu, type MenuProps, Spin, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { activeNavItem, canOpenNavItem, NAV_ITEMS, type NavGroup } from './nav.tsx';
import { useSession, useSignOut } from './session.tsx';

const { Header, Sider, Content } = Layout;
const GROUP_ORDER: NavGroup[] = [
  null,
  'groupReports',
  'groupOrganisation',
  'groupMembers',
  'groupCivic',
  'groupService',
  'groupResidents',
  'groupSystem',
  'groupAudit',
];
const EXPIRY_WARNING_DAYS = 14;

const RoleTags = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const roles = [...new Set(me.roles.map((r) => r.role))];
  const shown = roles.slice(0, 2);
  const rest = roles.slice(2);
  const scopes = me.roles
    .map((r) => t('common.fmt.labelValue', { label: t(`common.enum.role.${r.role}`), value: r.scopeName }))
    .join('\n');
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{scopes}</span>}>
      <Flex gap={4} data-testid="header-roles">
        {shown.map((role) => (
          <Tag key={role} className="header-tag">
            {t(`common.enum.role.${role}`)}
          </Tag>
        ))}
        {rest.length > 0 && <Tag className="header-tag">+{rest.length}</Tag>}
      </Flex>
    </Tooltip>
  );
};

export const AppLayout = () => {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  const menuItems = useMemo<MenuProps['items']>(() => {
    const visible = NAV_ITEMS.filter((i) => canOpenNavItem(i, can));
    return GROUP_ORDER.flatMap((group): NonNullable<MenuProps['items']> => {
      const items = visible
        .filter((i) => i.group === group)
        .map((i) => ({ key: i.path, icon: i.icon, label: t(`common.menu.${i.key}`) }));
      if (items.length === 0) return [];
      return group === null
        ? items
        : [{ type: 'group' as const, key: group, label: t(`common.menu.${group}`), children: items }];
    });
  }, [can, t]);

  const active = activeNavItem(location.pathname);
  const expiresAt = me.passwordExpiresAt ? dayjs(me.passwordExpiresAt) : null;
  const expiresSoon = expiresAt?.isBefore(dayjs().add(EXPIRY_WARNING_DAYS, 'day')) ?? false;

  const logout = async () => {
    await signOut();
    navigate('/login?reason=logout', { replace: true });
  };

  return (
    <Layout className="app-shell">
      <Header className="app-header">
        <Flex align="center" gap={12}>
          <Button
            type="text"
            className="header-icon-button"
            aria-label={collapsed ? t('common.header.expand') : t('common.header.collapse')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed((c) => !c)}
          />
          <span className="app-emblem" aria-hidden>
            邻
          </span>
          <span className="app-title">{t('common.appTitle')}</span>
        </Flex>
        <Flex align="center" gap={16}>
          {expiresSoon && expiresAt && (
            <Tag color="warning">{t('common.header.passwordExpires', { date: expiresAt.format('YYYY-MM-DD') })}</Tag>
          )}
          <Flex align="center" gap={8}>
            <UserOutlined />
            <Typography.Text className="header-user" data-testid="header-user">
              {me.displayName}
            </Typography.Text>
            <RoleTags />
          </Flex>
          <NotificationBell />
          <LanguageSwitch />
          <Button
            type="text"
            className="header-icon-button"
            icon={<KeyOutlined />}
            onClick={() => setChangingPassword(true)}
          >
            {t('common.actions.changePassword')}
          </Button>
          <Button
            type="text"
            className="header-icon-button"
            icon={<LogoutOutlined />}
            onClick={() => void logout()}
            data-testid="logout"
          >
            {t('common.actions.logout')}
          </Button>
        </Flex>
      </Header>
      <Layout>
        <Sider width={216} collapsedWidth={56} collapsed={collapsed} theme="light" className="app-sider">
          <Menu
            mode="inline"
            items={menuItems}
            selectedKeys={active ? [active.path] : []}
            onClick={({ key }) => navigate(key)}
            data-testid="side-menu"
          />
        </Sider>
        <Content className="app-content">
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 64 }}>
                <Spin />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
};
