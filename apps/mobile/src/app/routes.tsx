import { lazy } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { RequireAuth } from './RequireAuth.tsx';

const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const RegisterPage = lazy(() => import('../features/auth/RegisterPage.tsx'));
const HomePage = lazy(() => import('../features/home/HomePage.tsx'));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage.tsx'));
const ChangePasswordPage = lazy(() => import('../features/profile/ChangePasswordPage.tsx'));
const CompoundIndexPage = lazy(() => import('../features/compounds/CompoundIndexPage.tsx'));
const CompoundPage = lazy(() => import('../features/compounds/CompoundPage.tsx'));
const GridIndexPage = lazy(() => import('../features/grids/GridIndexPage.tsx'));
const GridPage = lazy(() => import('../features/grids/GridPage.tsx'));
const ResidentClaimsPage = lazy(() => import('../features/resident-claims/ResidentClaimsPage.tsx'));
const MemberRecordPage = lazy(() => import('../features/member/MemberRecordPage.tsx'));
const ReportInPage = lazy(() => import('../features/report-in/ReportInPage.tsx'));
const PostsPage = lazy(() => import('../features/posts/PostsPage.tsx'));
const NeedsPage = lazy(() => import('../features/needs/NeedsPage.tsx'));
const ServicesPage = lazy(() => import('../features/services/ServicesPage.tsx'));
const NewServicePage = lazy(() => import('../features/services/NewServicePage.tsx'));
const BadgePage = lazy(() => import('../features/badge/BadgePage.tsx'));
const VerifyPage = lazy(() => import('../features/badge/VerifyPage.tsx'));
const RateServicesPage = lazy(() => import('../features/rating/RateServicesPage.tsx'));
const ApprovalsPage = lazy(() => import('../features/approvals/ApprovalsPage.tsx'));
const CivicReportPage = lazy(() => import('../features/civic/report/ReportPage.tsx'));
const CivicFilePage = lazy(() => import('../features/civic/report/FilePage.tsx'));
const MyCasesPage = lazy(() => import('../features/civic/my-cases/MyCasesPage.tsx'));
const MyCasePage = lazy(() => import('../features/civic/my-cases/MyCasePage.tsx'));
const CivicInboxPage = lazy(() => import('../features/civic/inbox/InboxPage.tsx'));
const CivicCasePage = lazy(() => import('../features/civic/handle/CaseDetailPage.tsx'));
const NotificationsPage = lazy(() => import('../features/civic/notifications/NotificationsPage.tsx'));
const TrackPage = lazy(() => import('../features/civic/public/TrackPage.tsx'));

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
  // 亮身份核验: opened by scanning a badge on any phone, without signing in.
  { path: '/verify/:token', element: <VerifyPage /> },
  // 民情 进度查询: an anonymous report's tracking code, without signing in.
  { path: '/track', element: <TrackPage /> },
  { path: '/track/:code', element: <TrackPage /> },
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <HomePage /> },
      { path: '/profile', element: <ProfilePage /> },
      { path: '/profile/password', element: <ChangePasswordPage /> },
      { path: '/compound', element: <CompoundIndexPage /> },
      { path: '/compound/:id', element: <CompoundPage /> },
      { path: '/grid', element: <GridIndexPage /> },
      { path: '/grid/:id', element: <GridPage /> },
      { path: '/resident-claims', element: <ResidentClaimsPage /> },
      { path: '/member', element: <MemberRecordPage /> },
      { path: '/member/report-in', element: <ReportInPage /> },
      { path: '/member/posts', element: <PostsPage /> },
      { path: '/member/needs', element: <NeedsPage /> },
      { path: '/member/services', element: <ServicesPage /> },
      { path: '/member/services/new', element: <NewServicePage /> },
      { path: '/member/badge', element: <BadgePage /> },
      { path: '/rate', element: <RateServicesPage /> },
      { path: '/approvals', element: <ApprovalsPage /> },
      { path: '/civic/report', element: <CivicReportPage /> },
      { path: '/civic/file', element: <CivicFilePage /> },
      { path: '/civic/mine', element: <MyCasesPage /> },
      { path: '/civic/mine/:id', element: <MyCasePage /> },
      { path: '/civic/inbox', element: <CivicInboxPage /> },
      { path: '/civic/cases/:id', element: <CivicCasePage /> },
      { path: '/notifications', element: <NotificationsPage /> },
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
];
