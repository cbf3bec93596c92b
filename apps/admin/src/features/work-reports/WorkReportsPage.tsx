import type { WorkReport } from '@linli/contracts';
import { Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageContainer } from '../../components/PageContainer.tsx';
import { GenerateReportCard } from './GenerateReportCard.tsx';
import { WorkReportDrawer } from './WorkReportDrawer.tsx';
import { WorkReportList } from './WorkReportList.tsx';
import './print.css';

/** `/work-reports`: 工作汇报 — generate the Word document for a scope and period, and the reports so far. */
export const WorkReportsPage = () => {
  const { t } = useTranslation();
  const [open, setOpen] = useState<WorkReport | null>(null);
  return (
    <PageContainer title={t('reports.workReports.title')} subTitle={t('reports.workReports.subTitle')}>
      <Flex vertical gap={16} className="work-reports-page">
        <GenerateReportCard onShowFigures={setOpen} />
        <WorkReportList onOpen={setOpen} />
      </Flex>
      <WorkReportDrawer report={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
};
