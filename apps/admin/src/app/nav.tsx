import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BorderOuterOutlined,
  ClusterOutlined,
  CommentOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FileWordOutlined,
  FlagOutlined,
  FundOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  LockOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TagsOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
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
  | 'members'
  | 'workUnits'
  | 'reportIns'
  | 'feedback'
  | 'exportRequests'
  | 'posts'
  | 'postCategories'
  | 'needs'
  | 'serviceRecords'
  | 'households'
  | 'householdVisits'
  | 'civicCases'
  | 'civicSupervision'
  | 'civicMetrics'
  | 'civicSettings'
  | 'dashboard'
  | 'workReports'
  | 'workReportTemplates'
  | 'ledgers'
  | 'accounts'
  | 'passwordPolicy'
  | 'audit';
export type NavGroup =
  | 'groupOrganisation'
  | 'groupMembers'
  | 'groupCivic'
  | 'groupReports'
  | 'groupService'
  | 'groupResidents'
  | 'groupSystem'
  | 'groupAudit'
  | null;

export type NavItem = {
  key: NavKey;
  path: string;
  icon: ReactNode;
  permission: Permission;
  /**
   * A second permission that also opens the area: the case centre for handlers (their inbox), the supervision page
   * for the units' staff (the 督办 records they must answer).
   */
  orPermission?: Permission;
  group: NavGroup;
};

/** Whether a user with `can` may open the item. */
export const canOpenNavItem = (item: NavItem, can: (permission: Permission) => boolean): boolean =>
  can(item.permission) || (item.orPermission !== undefined && can(item.orPermission));

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
  { key: 'members', path: '/members', icon: <UserOutlined />, permission: 'member.read', group: 'groupMembers' },
  {
    key: 'reportIns',
    path: '/report-ins',
    icon: <SolutionOutlined />,
    permission: 'report_in.manage',
    group: 'groupMembers',
  },
  {
    key: 'workUnits',
    path: '/work-units',
    icon: <ClusterOutlined />,
    permission: 'member.read',
    group: 'groupMembers',
  },
  {
    key: 'feedback',
    path: '/work-unit-feedback',
    icon: <FileWordOutlined />,
    permission: 'feedback.read',
    group: 'groupMembers',
  },
  {
    key: 'exportRequests',
    path: '/member-export-requests',
    icon: <AuditOutlined />,
    permission: 'member.read',
    group: 'groupMembers',
  },
  {
    key: 'civicCases',
    path: '/civic-cases',
    icon: <InboxOutlined />,
    permission: 'civic_case.read',
    orPermission: 'civic_case.handle',
    group: 'groupCivic',
  },
  {
    key: 'civicSupervision',
    path: '/civic-supervision',
    icon: <AlertOutlined />,
    permission: 'civic_case.supervise',
    orPermission: 'civic_case.handle',
    group: 'groupCivic',
  },
  {
    key: 'civicMetrics',
    path: '/civic-metrics',
    icon: <BarChartOutlined />,
    permission: 'civic_case.supervise',
    orPermission: 'civic_case.dispatch',
    group: 'groupCivic',
  },
  {
    key: 'civicSettings',
    path: '/civic-settings',
    icon: <SettingOutlined />,
    permission: 'civic_case.configure',
    group: 'groupCivic',
  },
  { key: 'dashboard', path: '/dashboard', icon: <FundOutlined />, permission: 'report.read', group: 'groupReports' },
  {
    key: 'workReports',
    path: '/work-reports',
    icon: <FileTextOutlined />,
    permission: 'report.read',
    group: 'groupReports',
  },
  {
    key: 'workReportTemplates',
    path: '/work-report-templates',
    icon: <ProfileOutlined />,
    permission: 'report.configure',
    group: 'groupReports',
  },
  { key: 'ledgers', path: '/ledgers', icon: <FileDoneOutlined />, permission: 'ledger.export', group: 'groupReports' },
  {
    key: 'posts',
    path: '/posts',
    icon: <SafetyCertificateOutlined />,
    permission: 'post.manage',
    group: 'groupService',
  },
  { key: 'needs', path: '/needs', icon: <UnorderedListOutlined />, permission: 'post.manage', group: 'groupService' },
  {
    key: 'serviceRecords',
    path: '/service-records',
    icon: <HeartOutlined />,
    permission: 'post.manage',
    group: 'groupService',
  },
  {
    key: 'postCategories',
    path: '/post-categories',
    icon: <TagsOutlined />,
    permission: 'post_category.write',
    group: 'groupService',
  },
  {
    key: 'households',
    path: '/households',
    icon: <HomeOutlined />,
    permission: 'household.read',
    group: 'groupResidents',
  },
  {
    key: 'householdVisits',
    path: '/household-visits',
    icon: <CommentOutlined />,
    permission: 'household.read',
    group: 'groupResidents',
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
