import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { WORK_REPORT_TEMPLATES_KEY } from '../../api/reports.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { type EditorSource, TemplateEditor } from './TemplateEditor.tsx';
import { useTemplates } from './useTemplates.ts';
import './print.css';
import './work-reports.css';

/**
 * `/work-report-templates/:id` edits a template (the built-in one read-only); `/work-report-templates/new` starts an
 * empty one, or a copy with `?copy=<id>`.
 */
export const TemplateEditorPage = () => {
  const { t } = useTranslation();
  const { id } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const templates = useTemplates();
  // Bumped by "刷新" after a 412: the editor starts again from the server's current text.
  const [generation, setGeneration] = useState(0);
  const copyOf = id ? null : params.get('copy');

  if (templates.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  }
  if (templates.isError && !templates.data) {
    return <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />;
  }
  const list = templates.data ?? [];
  const found = list.find((tpl) => tpl.id === (id ?? copyOf));
  if ((id || copyOf) && !found) {
    return (
      <Result
        status="404"
        title={t('reports.templates.notFound')}
        subTitle={t('reports.templates.notFoundHint')}
        extra={<Button onClick={() => navigate('/work-report-templates')}>{t('common.actions.back')}</Button>}
      />
    );
  }

  let source: EditorSource;
  if (id && found) {
    source = { ...found, id: found.id };
  } else if (found) {
    source = {
      id: null,
      name: t('reports.templates.copyName', { name: found.name }).slice(0, 60),
      body: found.body,
      isDefault: false,
      version: 0,
      builtin: false,
    };
  } else {
    source = { id: null, name: '', body: '', isDefault: false, version: 0, builtin: false };
  }

  const reload = () => {
    void queryClient.invalidateQueries({ queryKey: WORK_REPORT_TEMPLATES_KEY }).then(() => setGeneration((g) => g + 1));
  };

  return <TemplateEditor key={`${id ?? `new-${copyOf ?? ''}`}-${generation}`} source={source} onReload={reload} />;
};
