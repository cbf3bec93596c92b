import type { Permission } from '@linli/contracts';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout.tsx';
import { FullPageSpin, HomeRoute, NotFoundPage, RequireAuth, RequirePermission } from './guards.tsx';
import { RouteError } from './RouteError.tsx';

/** One lazy chunk per page, so the first load carries only the shell. */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const LoginPage = page(() => import('../features/auth/LoginPage.tsx'), 'LoginPage');
const OverviewPage = page(() => import('../features/overview/OverviewPage.tsx'), 'OverviewPage');
const OrgTreePage = page(() => import('../features/org/OrgTreePage.tsx'), 'OrgTreePage');
const CompoundListPage = page(() => import('../features/compounds/CompoundListPage.tsx'), 'CompoundListPage');
const CompoundCreatePage = page(() => import('../features/compounds/CompoundCreatePage.tsx'), 'CompoundCreatePage');
const CompoundDetailPage = page(() => import('../features/compounds/CompoundDetailPage.tsx'), 'CompoundDetailPage');
const GridListPage = page(() => import('../features/grids/GridListPage.tsx'), 'GridListPage');
const DutyZoneListPage = page(() => import('../features/duty-zones/DutyZoneListPage.tsx'), 'DutyZoneListPage');
const PartnerUnitListPage = page(
  () => import('../features/partner-units/PartnerUnitListPage.tsx'),
  'PartnerUnitListPage',
);
const VenueListPage = page(() => import('../features/venues/VenueListPage.tsx'), 'VenueListPage');
const BranchTermListPage = page(() => import('../features/branch-terms/BranchTermListPage.tsx'), 'BranchTermListPage');
const ResidentClaimsPage = page(
  () => import('../features/resident-claims/ResidentClaimsPage.tsx'),
  'ResidentClaimsPage',
);
const ReportInsPage = page(() => import('../features/report-ins/ReportInsPage.tsx'), 'ReportInsPage');
const PostListPage = page(() => import('../features/posts/PostListPage.tsx'), 'PostListPage');
const PostCategoriesPage = page(() => import('../features/posts/PostCategoriesPage.tsx'), 'PostCategoriesPage');
const NeedListPage = page(() => import('../features/needs/NeedListPage.tsx'), 'NeedListPage');
const ServiceRecordListPage = page(
  () => import('../features/service-records/ServiceRecordListPage.tsx'),
  'ServiceRecordListPage',
);
const HouseholdListPage = page(() => import('../features/households/HouseholdListPage.tsx'), 'HouseholdListPage');
const HouseholdVisitListPage = page(
  () => import('../features/households/HouseholdVisitListPage.tsx'),
  'HouseholdVisitListPage',
);
const AccountListPage = page(() => import('../features/accounts/AccountListPage.tsx'), 'AccountListPage');
const PasswordPolicyPage = page(() => import('../features/security/PasswordPolicyPage.tsx'), 'PasswordPolicyPage');
const AuditLogPage = page(() => import('../features/audit/AuditLogPage.tsx'), 'AuditLogPage');
const MemberListPage = page(() => import('../features/members/MemberListPage.tsx'), 'MemberListPage');
const MemberDetailPage = page(() => import('../features/members/MemberDetailPage.tsx'), 'MemberDetailPage');
const MemberImportPage = page(() => import('../features/members/MemberImportPage.tsx'), 'MemberImportPage');
const ExportRequestsPage = page(() => import('../features/members/ExportRequestsPage.tsx'), 'ExportRequestsPage');
const WorkUnitListPage = page(() => import('../features/work-units/WorkUnitListPage.tsx'), 'WorkUnitListPage');
const FeedbackPage = page(() => import('../features/feedback/FeedbackPage.tsx'), 'FeedbackPage');
const CivicCaseListPage = page(() => import('../features/civic-cases/CivicCaseListPage.tsx'), 'CivicCaseListPage');
const CivicCaseDetailPage = page(
  () => import('../features/civic-cases/CivicCaseDetailPage.tsx'),
  'CivicCaseDetailPage',
);
const CivicSupervisionPage = page(
  () => import('../features/civic-cases/CivicSupervisionPage.tsx'),
  'CivicSupervisionPage',
);
const CivicMetricsPage = page(() => import('../features/civic-metrics/CivicMetricsPage.tsx'), 'CivicMetricsPage');
const CivicSettingsPage = page(() => import('../features/civic-settings/CivicSettingsPage.tsx'), 'CivicSettingsPage');
const DashboardPage = page(() => import('../features/dashboard/DashboardPage.tsx'), 'DashboardPage');
const WorkReportsPage = page(() => import('../features/work-reports/WorkReportsPage.tsx'), 'WorkReportsPage');
const WorkReportTemplatesPage = page(
  () => import('../features/work-reports/WorkReportTemplatesPage.tsx'),
  'WorkReportTemplatesPage',
);
const TemplateEditorPage = page(() => import('../features/work-reports/TemplateEditorPage.tsx'), 'TemplateEditorPage');
const LedgersPage = page(() => import('../features/ledgers/LedgersPage.tsx'), 'LedgersPage');
const NotificationsPage = page(() => import('../features/notifications/NotificationsPage.tsx'), 'NotificationsPage');

const guarded = (permission: Permission, element: ReactNode) => (
  <RequirePermission permission={permission}>{element}</RequirePermission>
);

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <LoginPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRoute overview={<OverviewPage />} /> },
      { path: 'org', element: guarded('org.read', <OrgTreePage />) },
      { path: 'compounds', element: guarded('compound.read', <CompoundListPage />) },
      { path: 'compounds/new', element: guarded('compound.write', <CompoundCreatePage />) },
      { path: 'compounds/:id', element: guarded('compound.read', <CompoundDetailPage />) },
      { path: 'grids', element: guarded('grid.read', <GridListPage />) },
      { path: 'duty-zones', element: guarded('org.read', <DutyZoneListPage />) },
      { path: 'partner-units', element: guarded('org.read', <PartnerUnitListPage />) },
      { path: 'venues', element: guarded('compound.read', <VenueListPage />) },
      { path: 'branch-terms', element: guarded('org.read', <BranchTermListPage />) },
      { path: 'resident-claims', element: guarded('compound.write', <ResidentClaimsPage />) },
      { path: 'report-ins', element: guarded('report_in.manage', <ReportInsPage />) },
      { path: 'posts', element: guarded('post.manage', <PostListPage />) },
      { path: 'post-categories', element: guarded('post_category.write', <PostCategoriesPage />) },
      { path: 'needs', element: guarded('post.manage', <NeedListPage />) },
      { path: 'service-records', element: guarded('post.manage', <ServiceRecordListPage />) },
      { path: 'households', element: guarded('household.read', <HouseholdListPage />) },
      { path: 'household-visits', element: guarded('household.read', <HouseholdVisitListPage />) },
      { path: 'accounts', element: guarded('account.read', <AccountListPage />) },
      { path: 'security/password-policy', element: guarded('security.policy', <PasswordPolicyPage />) },
      { path: 'audit', element: guarded('audit.read', <AuditLogPage />) },
      { path: 'members', element: guarded('member.read', <MemberListPage />) },
      { path: 'members/import', element: guarded('member.write', <MemberImportPage />) },
      { path: 'members/:id', element: guarded('member.read', <MemberDetailPage />) },
      { path: 'member-export-requests', element: guarded('member.read', <ExportRequestsPage />) },
      { path: 'work-units', element: guarded('member.read', <WorkUnitListPage />) },
      { path: 'work-unit-feedback', element: guarded('feedback.read', <FeedbackPage />) },
      // 民情 pages check access themselves: readers or handlers (their nav items' permission or orPermission).
      { path: 'civic-cases', element: <CivicCaseListPage /> },
      { path: 'civic-cases/:id', element: <CivicCaseDetailPage /> },
      { path: 'civic-supervision', element: <CivicSupervisionPage /> },
      { path: 'civic-metrics', element: <CivicMetricsPage /> },
      { path: 'civic-settings', element: guarded('civic_case.configure', <CivicSettingsPage />) },
      { path: 'dashboard', element: guarded('report.read', <DashboardPage />) },
      { path: 'work-reports', element: guarded('report.read', <WorkReportsPage />) },
      { path: 'work-report-templates', element: guarded('report.configure', <WorkReportTemplatesPage />) },
      { path: 'work-report-templates/new', element: guarded('report.configure', <TemplateEditorPage />) },
      { path: 'work-report-templates/:id', element: guarded('report.configure', <TemplateEditorPage />) },
      { path: 'ledgers', element: guarded('ledger.export', <LedgersPage />) },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
