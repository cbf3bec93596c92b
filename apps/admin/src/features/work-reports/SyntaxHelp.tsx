import { useTranslation } from 'react-i18next';

/** The four things a template line can be, in one line above the text. */
export const SyntaxHelp = () => {
  const { t } = useTranslation();
  return (
    <div className="template-syntax">
      <span>{t('reports.templates.syntax.label')}</span>
      <span>
        <code>#</code>
        {t('reports.templates.syntax.title')}
      </span>
      <span>
        <code>##</code>
        {t('reports.templates.syntax.heading')}
      </span>
      <span>
        <code>###</code>
        {t('reports.templates.syntax.subheading')}
      </span>
      <span>
        <code>{`{{${t('reports.templates.syntax.token')}}}`}</code>
        {t('reports.templates.syntax.placeholder')}
      </span>
      <span>{t('reports.templates.syntax.paragraph')}</span>
    </div>
  );
};
