import { PrinterOutlined } from '@ant-design/icons';
import type { ReportInReceipt } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Modal, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportInsApi } from '../../api/reportIns.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { formatDate, formatTime } from '../../components/time.ts';
import { useStickyId } from '../../components/useDetailEditing.ts';

/** Printing shows the receipt alone, on a plain page. */
const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .report-in-receipt, .report-in-receipt * { visibility: visible !important; }
  .report-in-receipt { position: fixed; inset: 0; padding: 48px; background: #fff; }
}`;

const ReceiptSheet = ({ r }: { r: ReportInReceipt }) => {
  const { t } = useTranslation();
  return (
    <div className="report-in-receipt" data-testid="report-in-receipt">
      <style>{PRINT_CSS}</style>
      <Typography.Title level={3} style={{ textAlign: 'center', letterSpacing: 4, marginTop: 0 }}>
        {t('reportIn.receipt.heading')}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'right' }}>
        {t('reportIn.receipt.no')}
        <span className="mono" data-testid="report-in-receipt-no">
          {r.receiptNo}
        </span>
      </Typography.Paragraph>
      <Typography.Paragraph>
        {t('reportIn.receipt.to', {
          org: r.workUnitPartyOrgName ?? r.workUnitName ?? t('reportIn.receipt.unknownOrg'),
        })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ textIndent: '2em' }}>
        {t('reportIn.receipt.body', {
          name: r.memberName,
          unit: r.workUnitName ?? t('reportIn.receipt.unknownUnit'),
          date: formatDate(r.registeredAt),
          compound: r.compoundName,
        })}
      </Typography.Paragraph>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 150 } }}
        items={[
          { key: 'member', label: t('reportIn.member'), children: r.memberName },
          { key: 'unit', label: t('reportIn.workUnit'), children: r.workUnitName ?? '—' },
          { key: 'unitOrg', label: t('reportIn.workUnitOrg'), children: r.workUnitPartyOrgName ?? '—' },
          { key: 'compound', label: t('reportIn.compound'), children: r.compoundName },
          { key: 'branch', label: t('reportIn.receipt.branch'), children: r.branchName ?? '—' },
          { key: 'registered', label: t('reportIn.registeredAt'), children: formatTime(r.registeredAt) },
          { key: 'confirmed', label: t('reportIn.receipt.confirmedAt'), children: formatTime(r.confirmedAt) },
        ]}
      />
      <Typography.Paragraph style={{ textAlign: 'right', marginTop: 32 }}>
        {r.branchName ?? r.compoundName}
        <br />
        {formatDate(r.confirmedAt)}
      </Typography.Paragraph>
    </div>
  );
};

/** The 报到回执 of a confirmed member report-in (`GET /member-report-ins/:id/receipt`), printable. */
export const ReceiptModal = ({ reportInId, onClose }: { reportInId: string | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const shownId = useStickyId(reportInId) ?? '';
  const receipt = useQuery({
    queryKey: ['member-report-ins', 'receipt', shownId],
    queryFn: () => reportInsApi.receipt(shownId),
    enabled: shownId !== '',
  });
  return (
    <Modal
      open={reportInId !== null}
      title={t('reportIn.receipt.title')}
      width={720}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('common.actions.close')}
        </Button>,
        <Button
          key="print"
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!receipt.data}
          onClick={() => window.print()}
          data-testid="report-in-receipt-print"
        >
          {t('reportIn.receipt.print')}
        </Button>,
      ]}
    >
      {receipt.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : receipt.isError ? (
        <ErrorState error={receipt.error} onRetry={() => void receipt.refetch()} />
      ) : (
        <ReceiptSheet r={receipt.data} />
      )}
    </Modal>
  );
};
