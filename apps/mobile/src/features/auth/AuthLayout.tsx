import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PreferenceToggles } from '../../components/PreferenceToggles.tsx';
import { useDocumentTitle } from '../../components/useDocumentTitle.ts';

/** The brand header and a card for the screens before sign-in. */
export function AuthLayout({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(title);
  return (
    <div className="auth-page" data-testid={testId}>
      <header className="auth-header">
        <PreferenceToggles />
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            邻
          </span>
          <div>
            <h1 className="brand-name">{t('app.name')}</h1>
            <p className="brand-tagline">{t('app.tagline')}</p>
          </div>
        </div>
      </header>
      <main className="auth-card">{children}</main>
    </div>
  );
}
