import type { MemberImport, MemberImportError } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { memberImportKey, memberImportsApi } from '../../api/members.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { formatTime } from '../../components/time.ts';
import { IMPORT_STATUS_COLORS, isImportRunning } from './importStatus.ts';

const POLL_MS = 1000;

const percentOf = (imp: MemberImport): number => {
  if (imp.status === 'imported' || imp.status === 'importing') return 100;
  if (imp.totalRows === 0) return 0;
  return Math.min(100, Math.floor((imp.processedRows / imp.totalRows) * 100));
};

const Running = ({ imp }: { imp: MemberImport }) => {
  const { t } = useTranslation();
  const line =
    imp.status === 'queued'
      ? t('member.import.progress.queued')
      : imp.status === 'importing'
        ? t('member.import.progress.importing', { total: imp.totalRows })
        : t('member.import.progress.validating', { done: imp.processedRows, total: imp.totalRows });
  return (
    <Flex vertical gap={8} data-testid="member-import-running">
      <Progress percent={percentOf(imp)} status="active" data-testid="member-import-progress" />
      <Typography.Text type="secondary">{line}</Typography.Text>
    </Flex>
  );
};

const ErrorTable = ({ imp }: { imp: MemberImport }) => {
  const { t } = useTranslation();
  const where = (e: MemberImportError) =>
    e.row === 0 ? t('member.import.wholeFile') : t('member.import.rowN', { row: e.row });
  return (
    <Table<MemberImportError>
      size="small"
      bordered
      rowKey={(e) => `${e.row}:${e.column ?? ''}:${e.code}`}
      dataSource={imp.errors}
      pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      data-testid="member-import-errors"
      columns={[
        { title: t('member.import.col.row'), key: 'row', width: 120, render: (_: unknown, e) => where(e) },
        {
          title: t('member.import.col.column'),
          dataIndex: 'column',
          width: 140,
          render: (c: string | null) => c ?? t('member.import.wholeRow'),
        },
        {
          title: t('member.import.col.problem'),
          dataIndex: 'code',
          render: (code: MemberImportError['code']) => t(`member.import.error.${code}`),
        },
      ]}
    />
  );
};

const Outcome = ({ imp }: { imp: MemberImport }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (imp.status === 'imported') {
    return (
      <Result
        status="success"
        title={t('member.import.imported', { count: imp.importedRows })}
        subTitle={t('member.import.importedAt', { time: formatTime(imp.finishedAt) })}
        extra={
          <Button type="primary" onClick={() => navigate('/members')} data-testid="member-import-to-roster">
            {t('member.import.toRoster')}
          </Button>
        }
        data-testid="member-import-done"
      />
    );
  }
  if (imp.status === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('member.import.failed')}
        description={t('member.import.failedHint')}
        data-testid="member-import-failed"
      />
    );
  }
  return (
    <Flex vertical gap={12} data-testid="member-import-rejected">
      <Alert
        type="error"
        showIcon
        title={t('member.import.rejected', { count: imp.errorCount })}
        description={
          <>
            <div>{t('member.import.rejectedHint')}</div>
            {imp.errorCount > imp.errors.length && (
              <div>{t('member.import.errorsTruncated', { shown: imp.errors.length, total: imp.errorCount })}</div>
            )}
          </>
        }
      />
      <ErrorTable imp={imp} />
    </Flex>
  );
};

/** One import (`GET /member-imports/:id`), polled every second while its job runs, then its outcome. */
export const ImportResult = ({ id }: { id: string }) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: memberImportKey(id),
    queryFn: () => memberImportsApi.get(id),
    refetchInterval: (q) => (q.state.data && !isImportRunning(q.state.data.status) ? false : POLL_MS),
  });
  const status = query.data?.status;
  const finished = status !== undefined && !isImportRunning(status);
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: ['member-imports', 'list'] });
    if (status === 'imported') void queryClient.invalidateQueries({ queryKey: ['members', 'list'] });
  }, [finished, status, queryClient]);

  const imp = query.data;
  return (
    <Card
      size="small"
      title={
        imp ? (
          <Flex gap={8} align="center" wrap>
            {t('member.import.resultTitle', { file: imp.fileName })}
            <Tag color={IMPORT_STATUS_COLORS[imp.status]}>{t(`member.import.status.${imp.status}`)}</Tag>
          </Flex>
        ) : (
          t('member.import.resultTitleShort')
        )
      }
      extra={
        imp && (
          <Typography.Text type="secondary">
            {imp.totalRows > 0
              ? t('member.import.rowsLine', {
                  total: imp.totalRows,
                  by: imp.createdByName,
                  at: formatTime(imp.createdAt),
                })
              : t('member.import.uploadedLine', { by: imp.createdByName, at: formatTime(imp.createdAt) })}
          </Typography.Text>
        )
      }
      data-testid="member-import-result"
    >
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : query.isError && !imp ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : imp && isImportRunning(imp.status) ? (
        <Running imp={imp} />
      ) : imp ? (
        <Outcome imp={imp} />
      ) : null}
    </Card>
  );
};
