import { DownloadOutlined } from '@ant-design/icons';
import type { WorkReport } from '@linli/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workReportsApi, workReportsKey } from '../../api/reports.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { formatTime } from '../../components/time.ts';
import { periodText, scopeText, sizeText } from './format.ts';
import { usePrinting } from './usePrinting.ts';

const PAGE_SIZE = 20;
const TRIGGERS = ['all', 'manual', 'monthly'] as const;
type TriggerFilter = (typeof TRIGGERS)[number];

type Props = { onOpen: (report: WorkReport) => void };

/** The reports generated so far in the caller's area, newest first, 20 at a time ("加载更多"). */
export const WorkReportList = ({ onOpen }: Props) => {
  const { t } = useTranslation();
  const [trigger, setTrigger] = useState<TriggerFilter>('all');
  const filters = { limit: PAGE_SIZE, ...(trigger === 'all' ? {} : { trigger }) };
  const list = useInfiniteQuery({
    queryKey: workReportsKey(filters),
    queryFn: ({ pageParam }) => workReportsApi.list({ ...filters, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const printing = usePrinting();

  const columns: TableColumnsType<WorkReport> = [
    {
      title: t('reports.workReports.cols.scope'),
      key: 'scope',
      ellipsis: !printing,
      render: (_: unknown, r) => scopeText(r.scope, t),
    },
    {
      title: t('reports.period'),
      key: 'period',
      width: 200,
      render: (_: unknown, r) => periodText(r.from, r.to, t),
    },
    { title: t('reports.workReports.cols.template'), dataIndex: 'templateName', width: 220, ellipsis: !printing },
    {
      title: t('reports.workReports.cols.generatedBy'),
      key: 'generatedBy',
      width: 110,
      render: (_: unknown, r) =>
        r.trigger === 'monthly' || r.generatedBy === null ? (
          <Tag color="purple">{t('reports.workReports.bySystem')}</Tag>
        ) : (
          (r.generatedByName ?? '—')
        ),
    },
    {
      title: t('reports.workReports.cols.generatedAt'),
      dataIndex: 'generatedAt',
      width: 150,
      render: (v: string) => formatTime(v),
    },
    {
      title: t('reports.workReports.cols.size'),
      dataIndex: 'byteSize',
      width: 90,
      align: 'right',
      render: (v: number) => sizeText(v),
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, r) => (
        <Flex gap={12} align="center" style={{ whiteSpace: 'nowrap' }}>
          <a href={r.downloadUrl} download={r.fileName} data-testid={`work-report-download-${r.id}`}>
            <DownloadOutlined /> {t('reports.workReports.download')}
          </a>
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r)}>
            {t('reports.workReports.figures')}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('reports.workReports.listTitle')}
      extra={
        <Segmented<TriggerFilter>
          size="small"
          value={trigger}
          onChange={setTrigger}
          options={TRIGGERS.map((v) => ({ value: v, label: t(`reports.workReports.trigger.${v}`) }))}
          className="no-print"
          data-testid="work-report-trigger"
        />
      }
    >
      {list.isError && (
        <div style={{ marginBottom: 12 }}>
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        </div>
      )}
      <Table<WorkReport>
        size="small"
        bordered
        rowKey="id"
        columns={printing ? columns.filter((c) => c.key !== 'actions') : columns}
        dataSource={rows}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        onRow={(r) => ({ 'data-testid': `work-report-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: list.isPending ? (
            ' '
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.workReports.empty')} />
          ),
        }}
        data-testid="work-report-list"
      />
      <Flex justify="center" align="center" gap={12} style={{ marginTop: 12 }} className="no-print">
        {list.hasNextPage ? (
          <Button
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
            data-testid="work-report-more"
          >
            {t('reports.loadMore')}
          </Button>
        ) : (
          rows.length > 0 && (
            <Typography.Text type="secondary">{t('reports.allLoaded', { count: rows.length })}</Typography.Text>
          )
        )}
      </Flex>
    </Card>
  );
};
