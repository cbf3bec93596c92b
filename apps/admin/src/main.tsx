import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { setUnauthenticatedHandler } from './api/http.ts';
import { Providers } from './app/Providers.tsx';
import { queryClient } from './app/queryClient.ts';
import { router } from './app/router.tsx';
import { acceptMe, ME_KEY, markSessionExpired } from './app/session.tsx';
import './i18n/index.ts';
import './styles.css';
import './styles/print-frame.css';

// A 401 on any session-bound request: the session ended (idle timeout, 12-hour limit, logout elsewhere).
// Forgetting the user makes RequireAuth send them to the login page, which says why and returns them afterwards.
setUnauthenticatedHandler(() => {
  if (window.location.pathname.startsWith('/login') || !queryClient.getQueryData(ME_KEY)) return;
  markSessionExpired();
  acceptMe(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, null);
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
