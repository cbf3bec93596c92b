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

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/register', element: <RegisterPage /> },
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
    ],
  },
  { path: '*', element: <Navigate to="/" replace /> },
];
