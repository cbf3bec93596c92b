import {
  ApartmentOutlined,
  BankOutlined,
  BorderOuterOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FlagOutlined,
  IdcardOutlined,
  LockOutlined,
  ShopOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { Permission } from '@linli/contracts';
import type { ReactNode } from 'react';

export type NavKey =
  | 'overview'
  | 'org'
  | 'compounds'
  | 'grids'
  | 'dutyZones'
  | 'partnerUnits'
  | 'venues'
  | 'branchTerms'
  | 'residentClaims'
  | 'accounts'
  | 'passwordPolicy'
  | 'audit';
export type NavGroup = 'groupOrganisation' | 'groupResidents' | 'groupSystem' | 'groupAudit' | null;

export type NavItem = { key: NavKey; path: string; icon: ReactNode; permission: Permission; group: NavGroup };

/** Every area of the console and the permission it needs; the menu and the route guards both read this. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'overview', path: '/', icon: <DashboardOutlined />, permission: 'org.read', group: null },
  { key: 'org', path: '/org', icon: <ApartmentOutlined />, permission: 'org.read', group: 'groupOrganisation' },
  {
    key: 'compounds',
    path: '/compounds',
    icon: <BankOutlined />,
    permission: 'compound.read',
    group: 'groupOrganisation',
  },
  { key: 'grids', path: '/grids', icon: <BorderOuterOutlined />, permission: 'grid.read', group: 'groupOrganisation' },
  {
    key: 'dutyZones',
    path: '/duty-zones',
    icon: <EnvironmentOutlined />,
    permission: 'org.read',
    group: 'groupOrganisation',
  },
  {
    key: 'partnerUnits',
    path: '/partner-units',
    icon: <TeamOutlined />,
    permission: 'org.read',
    group: 'groupOrganisation',
  },
  { key: 'venues', path: '/venues', icon: <ShopOutlined />, permission: 'compound.read', group: 'groupOrganisation' },
  {
    key: 'branchTerms',
    path: '/branch-terms',
    icon: <FlagOutlined />,
    permission: 'org.read',
    group: 'groupOrganisation',
  },
  {
    key: 'residentClaims',
    path: '/resident-claims',
    icon: <IdcardOutlined />,
    permission: 'compound.write',
    group: 'groupResidents',
  },
  {
    key: 'accounts',
    path: '/accounts',
    icon: <UserSwitchOutlined />,
    permission: 'account.read',
    group: 'groupSystem',
  },
  {
    key: 'passwordPolicy',
    path: '/security/password-policy',
    icon: <LockOutlined />,
    permission: 'security.policy',
    group: 'groupSystem',
  },
  { key: 'audit', path: '/audit', icon: <FileSearchOutlined />, permission: 'audit.read', group: 'groupAudit' },
];

export const navItem = (key: NavKey): NavItem => {
  const item = NAV_ITEMS.find((i) => i.key === key);
  if (!item) throw new Error(`unknown nav key ${key}`);
  return item;
};

/** The nav item whose path the location is in (longest match), for the selected menu entry. */
export const activeNavItem = (pathname: string): NavItem | undefined =>
  [...NAV_ITEMS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((i) => (i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`)));
