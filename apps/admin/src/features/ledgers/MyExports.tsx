import { DownloadOutlined } from '@ant-design/icons';
import { LEDGER_TITLES, type LedgerExport } from '@linli/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Progress, Table, type TableColumnsType, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_EXPORTS_KEY, ledgersApi } from '../../api/reports.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { formatTime } from '../../components/time.ts';
import { periodText, scopeText, sizeText } from '../work-reports/format.ts';
import { isActive, percentOf, StatusTag } from './exportStatus.tsx';

const PAGE_SIZE = 10;
const POLL_MS = 3000;

/** 我的导出: the caller's own ledger exports, newest first; each file is deleted when it expires. */
export const MyExports = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en-US' ? 'en-US' : 'zh-CN';
  const list = useInfiniteQuery({
    queryKey: [...LEDGER_EXPORTS_KEY, 'list'],
    queryFn: ({ pageParam }) => ledgersApi.listExports({ limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // While one of them is still being written, its status and progress move.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some(isActive)) ? POLL_MS : false),
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableColumnsType<LedgerExport> = [
    {
      title: t('reports.ledgers.cols.kind'),
      key: 'kind',
      width: 240,
      render: (_: unknown, e) => (
        <Flex vertical>
          <span>{LEDGER_TITLES[e.kind][language]}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {periodText(e.from, e.to, t)}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('reports.scope'), key: 'scope', ellipsis: true, render: (_: unknown, e) => scopeText(e.scope, t) },
    {
      title: t('reports.ledgers.cols.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, e) =>
        isActive(e) ? (
          <Flex gap={6} align="center">
            <StatusTag status={e.status} />
            <Progress percent={percentOf(e)} size="small" style={{ width: 70, margin: 0 }} />
          </Flex>
        ) : (
          <StatusTag status={e.status} />
        ),
    },
    {
      title: t('reports.ledgers.cols.rows'),
      key: 'rows',
      width: 80,
      align: 'right',
      render: (_: unknown, e) => (e.rowsTotal === null ? '—' : e.rowsTotal.toLocaleString('zh-CN')),
    },
    {
      title: t('reports.ledgers.cols.size'),
      dataIndex: 'byteSize',
      width: 80,
      align: 'right',
      render: (v: number | null) => sizeText(v),
    },
    {
      title: t('reports.ledgers.cols.requestedAt'),
      dataIndex: 'requestedAt',
      width: 140,
      render: (v: string) => formatTime(v),
    },
    {
      title: t('reports.ledgers.cols.expiresAt'),
      dataIndex: 'expiresAt',
      width: 140,
      render: (v: string | null) => formatTime(v),
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, e) =>
        e.status === 'done' && e.downloadUrl ? (
          <a href={e.downloadUrl} download={e.fileName ?? undefined} data-testid={`ledger-export-download-${e.id}`}>
            <DownloadOutlined /> {t('reports.workReports.download')}
          </a>
        ) : e.status === 'failed' && e.error ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: e.error }} style={{ maxWidth: 80 }}>
            {e.error}
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <Card size="small" title={t('reports.ledgers.myExports')} className="no-print" data-testid="ledger-exports">
      {list.isError && (
        <div style={{ marginBottom: 12 }}>
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        </div>
      )}
      <Table<LedgerExport>
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        columns={columns}
        dataSource={rows}
        loading={list.isPending}
        onRow={(e) => ({ 'data-testid': `ledger-export-row-${e.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: list.isPending ? (
            ' '
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.ledgers.noExports')} />
          ),
        }}
      />
      <Flex justify="center" style={{ marginTop: 12 }}>
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('reports.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">{t('reports.ledgers.keptFor')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
};
