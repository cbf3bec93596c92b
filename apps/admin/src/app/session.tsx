import type { Me, Permission } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';
import { authApi } from '../api/auth.ts';
import { isApiError, setCsrfToken } from '../api/http.ts';
import { permissionsOf } from './permissions.ts';

export const ME_KEY = ['auth', 'me'] as const;

let expired = false;
/** Set when a signed-in user's request answered 401; the login page then says the session ended. */
export const markSessionExpired = (): void => {
  expired = true;
};
/** Whether the last session ended by expiry (cleared by the next sign-in). */
export const isSessionExpired = (): boolean => expired;

/** Takes a freshly read `Me` into the client: its CSRF token goes on every following write. */
export const acceptMe = (me: Me | null): Me | null => {
  setCsrfToken(me?.csrfToken ?? null);
  if (me) expired = false;
  return me;
};

const fetchMe = async (): Promise<Me | null> => {
  try {
    return acceptMe(await authApi.me());
  } catch (e) {
    if (isApiError(e) && e.status === 401) return acceptMe(null);
    throw e;
  }
};

export const useMeQuery = () => useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: 1 });

type Session = {
  me: Me;
  permissions: ReadonlySet<Permission>;
  can: (permission: Permission) => boolean;
  refresh: () => Promise<void>;
};

const SessionContext = createContext<Session | null>(null);

/** Provides the signed-in user below `RequireAuth`. */
export const SessionProvider = ({ me, children }: { me: Me; children: ReactNode }) => {
  const queryClient = useQueryClient();
  const refresh = useCallback(async () => {
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
  }, [queryClient]);
  const value = useMemo<Session>(() => {
    const permissions = permissionsOf(me);
    return { me, permissions, can: (p) => permissions.has(p), refresh };
  }, [me, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
};

/** Signs in: stores the `Me` from the login answer so no extra round trip is needed. */
export const useSignIn = () => {
  const queryClient = useQueryClient();
  return useCallback(
    (me: Me) => {
      queryClient.setQueryData(ME_KEY, acceptMe(me));
    },
    [queryClient],
  );
};

/** Signs out: ends the server session, then forgets everything cached for this user. */
export const useSignOut = () => {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // the session may already be gone; the local state is cleared regardless
    }
    acceptMe(null);
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);
};
