import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export const useDocumentTitle = (title: string): void => {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? t('common.pageTitle', { title }) : t('app.name');
  }, [t, title]);
};
