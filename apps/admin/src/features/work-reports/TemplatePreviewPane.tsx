import { LoadingOutlined } from '@ant-design/icons';
import type { TemplatePreview } from '@linli/contracts';
import { Alert, Empty, Flex, Skeleton, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { scopeText } from './format.ts';
import { ReportDocument } from './ReportDocument.tsx';
import { PeriodField, ScopeField } from './ScopePeriodFields.tsx';
import { isScopePicked, periodProblem, presetPeriod, type ReportPeriod, type ReportScope } from './scopePeriod.ts';
import { useTemplatePreview } from './templateQueries.ts';

/** 实时预览: the body filled in for a scope and period, re-rendered a moment after each keystroke. */
export const TemplatePreviewPane = ({ body }: { body: string }) => {
  const { t } = useTranslation();
  const [scope, setScope] = useState<ReportScope>({ kind: 'mine' });
  const [period, setPeriod] = useState<ReportPeriod>(() => presetPeriod('thisYear'));
  const ready = isScopePicked(scope) && !periodProblem(period);
  const preview = useTemplatePreview(body, scope, period, ready);
  const invalid = isApiError(preview.error) && preview.error.code === 'REPORT_TEMPLATE_INVALID' ? preview.error : null;
  // While the text cannot be previewed (a bad placeholder half typed), the last good preview stays, dimmed.
  const lastGood = useRef<TemplatePreview | undefined>(undefined);
  if (preview.data) lastGood.current = preview.data;
  const shown = preview.data ?? (invalid ? lastGood.current : undefined);

  return (
    <Flex vertical gap={12} data-testid="template-preview">
      <Flex vertical gap={8} className="no-print">
        <ScopeField value={scope} onChange={setScope} showMissing data-testid="template-preview-scope" />
        <PeriodField value={period} onChange={setPeriod} data-testid="template-preview-period" />
      </Flex>
      <Flex justify="space-between" align="center" className="no-print">
        <Typography.Text type="secondary">
          {shown
            ? t('reports.templates.previewOf', {
                scope: scopeText(shown.scope, t),
                from: period.from,
                to: period.to,
              })
            : t('reports.templates.previewHint')}
        </Typography.Text>
        {preview.isSettling && body.trim() && (
          <Typography.Text type="secondary">
            <LoadingOutlined /> {t('reports.templates.previewUpdating')}
          </Typography.Text>
        )}
      </Flex>
      {invalid && (
        <Alert
          className="no-print"
          type="warning"
          showIcon
          title={t('reports.templates.previewInvalid')}
          description={invalid.message}
        />
      )}
      {preview.isError && !invalid && (
        <div className="no-print">
          <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
        </div>
      )}
      <div className="report-paper-frame">
        {!body.trim() ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.templates.previewEmpty')} />
        ) : !ready ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.templates.previewPickScope')} />
        ) : shown ? (
          <div
            className={invalid !== null || preview.isSettling ? 'report-paper is-dim' : 'report-paper'}
            data-testid="template-preview-document"
          >
            <ReportDocument blocks={shown.blocks} />
          </div>
        ) : preview.isError ? null : (
          <div className="report-paper">
            <Skeleton active paragraph={{ rows: 10 }} />
          </div>
        )}
      </div>
    </Flex>
  );
};
