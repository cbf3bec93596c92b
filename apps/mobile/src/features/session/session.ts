import type { Me } from '@linli/contracts';
import { type QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import { createContext, use } from 'react';
import { authApi } from '../../api/auth.ts';
import { setCsrfToken } from '../../api/http.ts';
import { adoptAccountLocale } from '../../i18n/index.ts';

export const ME_KEY = ['me'] as const;

const fetchMe = async (): Promise<Me | null> => {
  const me = await authApi.me();
  setCsrfToken(me?.csrfToken ?? null);
  if (me) adoptAccountLocale(me.locale);
  return me;
};

/** The session: `null` when signed out. */
export const useMe = () => useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });

/** Stores a freshly signed-in user (login, TOTP, registration) as the session. */
export const rememberMe = (queryClient: QueryClient, me: Me): void => {
  setCsrfToken(me.csrfToken);
  adoptAccountLocale(me.locale);
  queryClient.setQueryData(ME_KEY, me);
};

/** Drops the session and every cached answer that belonged to it. */
export const forgetSession = (queryClient: QueryClient): void => {
  setCsrfToken(null);
  queryClient.setQueryData(ME_KEY, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
};

/**
 * Ends the session on the server, then reloads the app on the login page: a full reload is the surest way to
 * leave nothing of the previous user (cached answers, tokens) in memory on a shared family phone.
 */
export const useLogout = () =>
  useMutation({
    mutationFn: async () => {
      try {
        await authApi.logout();
      } catch {
        // The session may already be gone; signing out locally is what the user asked for.
      }
    },
    onSettled: () => {
      setCsrfToken(null);
      window.location.replace(`${import.meta.env.BASE_URL}login`);
    },
  });

const MeContext = createContext<Me | null>(null);
export const MeProvider = MeContext.Provider;

/** The signed-in user; only inside the routes behind `RequireAuth`. */
export const useCurrentUser = (): Me => {
  const me = use(MeContext);
  if (me === null) throw new Error('useCurrentUser outside RequireAuth');
  return me;
};
