import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, Toast } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { onUnauthenticated, setAcceptLanguage } from '../api/http.ts';
import { PageSkeleton } from '../components/StateBlocks.tsx';
import { forgetSession } from '../features/session/session.ts';
import { currentLocale } from '../i18n/index.ts';
import { createQueryClient } from './query-client.ts';
import { routes } from './routes.tsx';

setAcceptLanguage(currentLocale);

export function App() {
  const { t, i18n } = useTranslation();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(routes, { basename: '/m' }));

  useEffect(() => {
    // Any 401 outside the sign-in calls: the session is gone, so the guarded routes fall back to the login page.
    onUnauthenticated((error) => {
      forgetSession(queryClient);
      if (error.code === 'SESSION_EXPIRED') Toast.show({ content: t('auth.sessionExpired') });
    });
  }, [queryClient, t]);

  return (
    <ConfigProvider locale={i18n.language === 'en-US' ? enUS : zhCN}>
      <QueryClientProvider client={queryClient}>
        <Suspense fallback={<PageSkeleton blocks={3} />}>
          <RouterProvider router={router} />
        </Suspense>
      </QueryClientProvider>
    </ConfigProvider>
  );
}
