import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, PageSkeleton } from '../components/StateBlocks.tsx';
import { MeProvider, useMe } from '../features/session/session.ts';

/** Routes for signed-in users: shows the login page when there is no session, keeping where the user wanted to go. */
export function RequireAuth() {
  const { data: me, isPending, isError, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <PageSkeleton blocks={3} />;
  if (isError) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (me === null) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return (
    <MeProvider value={me}>
      <Outlet />
    </MeProvider>
  );
}
