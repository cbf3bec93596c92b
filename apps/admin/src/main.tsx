import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setUnauthenticatedHandler } from './api/http.ts';
import { Providers } from './app/Providers.tsx';
import { queryClient } from './app/queryClient.ts';
import { router } from './app/router.tsx';
import { acceptMe, ME_KEY } from './app/session.tsx';
import './i18n/index.ts';
import './styles.css';

// A 401 on any session-bound request: the session ended (idle timeout, 12-hour limit, logout elsewhere).
setUnauthenticatedHandler(() => {
  const { pathname, search } = window.location;
  if (pathname.startsWith('/login')) return;
  acceptMe(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, null);
  void router.navigate(`/login?reason=expired&next=${encodeURIComponent(`${pathname}${search}`)}`, { replace: true });
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
