import type { LedgerExport } from '@linli/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export type LedgerExportStatus = LedgerExport['status'];

/** One colour per export status, wherever a status is shown. */
export const STATUS_COLORS = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  expired: 'warning',
} as const satisfies Record<LedgerExportStatus, string>;

/** Whether the export is still being written (its progress is worth polling). */
export const isActive = (e: Pick<LedgerExport, 'status'>): boolean => e.status === 'queued' || e.status === 'running';

/** How far the writing is, 0‥100; a finished export is 100 even with no rows. */
export const percentOf = (e: Pick<LedgerExport, 'status' | 'rowsDone' | 'rowsTotal'>): number => {
  if (e.status === 'done') return 100;
  if (!e.rowsTotal) return 0;
  return Math.min(99, Math.floor((e.rowsDone * 100) / e.rowsTotal));
};

export const StatusTag = ({ status }: { status: LedgerExportStatus }) => {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`reports.ledgers.status.${status}`)}</Tag>;
};
