import { CloseOutlined, DownloadOutlined } from '@ant-design/icons';
import { LEDGER_TITLES, type LedgerExport } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_EXPORTS_KEY, ledgerExportKey, ledgersApi } from '../../api/reports.ts';
import { formatTime } from '../../components/time.ts';
import { periodText, scopeText, sizeText } from '../work-reports/format.ts';
import { isActive, percentOf, StatusTag } from './exportStatus.tsx';

const POLL_MS = 1000;

type Props = { started: LedgerExport; onClose: () => void };

/** The export just asked for: a progress bar polled every second until the file is ready, then its download link. */
export const ExportProgress = ({ started, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en-US' ? 'en-US' : 'zh-CN';
  const queryClient = useQueryClient();
  const progress = useQuery({
    queryKey: ledgerExportKey(started.id),
    queryFn: () => ledgersApi.getExport(started.id),
    initialData: started,
    initialDataUpdatedAt: 0,
    refetchInterval: (q) => (q.state.data && isActive(q.state.data) ? POLL_MS : false),
    refetchIntervalInBackground: true,
  });
  const e = progress.data;
  const active = isActive(e);

  // The list of my exports shows the same export: refresh it once this one settles.
  useEffect(() => {
    if (!active) void queryClient.invalidateQueries({ queryKey: LEDGER_EXPORTS_KEY });
  }, [active, queryClient]);

  const percent = percentOf(e);
  const counted = e.rowsTotal === null ? t('reports.ledgers.counting') : null;
  return (
    <Card
      size="small"
      className="no-print"
      title={t('reports.ledgers.progressTitle', { title: LEDGER_TITLES[e.kind][language] })}
      extra={
        !active && (
          <Button
            type="text"
            size="small"
            icon={<CloseOutlined />}
            onClick={onClose}
            aria-label={t('common.actions.close')}
          />
        )
      }
      data-testid="ledger-progress"
      data-status={e.status}
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">
          {scopeText(e.scope, t)} · {periodText(e.from, e.to, t)}
        </Typography.Text>
        <Flex align="center" gap={12}>
          <StatusTag status={e.status} />
          <Progress
            percent={percent}
            status={
              e.status === 'failed' || e.status === 'expired' ? 'exception' : e.status === 'done' ? 'success' : 'active'
            }
            style={{ flex: 1, margin: 0 }}
            data-testid="ledger-progress-bar"
          />
        </Flex>
        <Typography.Text data-testid="ledger-progress-rows">
          {counted ??
            t('reports.ledgers.rowsProgress', {
              done: e.rowsDone.toLocaleString('zh-CN'),
              total: (e.rowsTotal ?? 0).toLocaleString('zh-CN'),
            })}
        </Typography.Text>
        {e.status === 'done' && e.downloadUrl && (
          <Flex gap={16} align="center" wrap>
            <a href={e.downloadUrl} download={e.fileName ?? undefined} data-testid="ledger-download">
              <DownloadOutlined /> {t('reports.ledgers.download', { name: e.fileName ?? '' })}
            </a>
            <Typography.Text type="secondary">
              {sizeText(e.byteSize)} · {t('reports.ledgers.expiresAt', { time: formatTime(e.expiresAt) })}
            </Typography.Text>
          </Flex>
        )}
        {e.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={t('reports.ledgers.failed')}
            description={e.error ?? t('reports.ledgers.failedHint')}
          />
        )}
        {e.status === 'expired' && <Alert type="warning" showIcon title={t('reports.ledgers.expiredHint')} />}
        {progress.isError && <Typography.Text type="warning">{t('reports.ledgers.pollFailed')}</Typography.Text>}
      </Flex>
    </Card>
  );
};
