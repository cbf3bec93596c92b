import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PageShell } from '../../../components/PageShell.tsx';
import { EmptyState } from '../../../components/StateBlocks.tsx';
import { useCurrentUser } from '../../session/session.ts';
import { canReport, reportCompounds } from '../civic-access.ts';
import { CaseReportFlow } from './CaseReportFlow.tsx';

/** 我要反映: a resident reports a problem in under a minute — category, a few words, place, photos. */
export default function ReportPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const compounds = useMemo(() => reportCompounds(me), [me]);
  return (
    <PageShell title={t('civic.report.title')} backTo="/" testId="civic-report-page">
      {canReport(me) ? (
        <CaseReportFlow mode="report" userId={me.id} compounds={compounds} />
      ) : (
        <EmptyState title={t('errors.FORBIDDEN')} />
      )}
    </PageShell>
  );
}
