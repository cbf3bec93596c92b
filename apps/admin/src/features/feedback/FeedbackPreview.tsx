import { FileWordOutlined } from '@ant-design/icons';
import type { FeedbackDocument, WorkUnitFeedbackQuery, WorkUnitFeedbackRow } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { feedbackApi } from '../../api/feedback.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { errorText } from '../../components/errors.ts';
import { formatDate } from '../../components/time.ts';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';

const hours = (n: number) => (Math.round(n * 10) / 10).toString();

const Ratings = ({ r }: { r: WorkUnitFeedbackRow['ratings'] }) => {
  const { t } = useTranslation();
  if (r.satisfied + r.basicallySatisfied + r.dissatisfied === 0) {
    return <Typography.Text type="secondary">{t('member.feedback.noRatings')}</Typography.Text>;
  }
  return (
    <Flex gap={4} wrap>
      {r.satisfied > 0 && <Tag color="green">{t('member.feedback.satisfied', { count: r.satisfied })}</Tag>}
      {r.basicallySatisfied > 0 && (
        <Tag color="blue">{t('member.feedback.basicallySatisfied', { count: r.basicallySatisfied })}</Tag>
      )}
      {r.dissatisfied > 0 && <Tag color="red">{t('member.feedback.dissatisfied', { count: r.dissatisfied })}</Tag>}
    </Flex>
  );
};

const FeedbackTable = ({ rows }: { rows: WorkUnitFeedbackRow[] }) => {
  const { t } = useTranslation();
  const totalServices = rows.reduce((n, r) => n + r.serviceCount, 0);
  const totalHours = rows.reduce((n, r) => n + r.serviceHours, 0);
  return (
    <Table<WorkUnitFeedbackRow>
      size="small"
      bordered
      rowKey="memberId"
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      data-testid="feedback-preview-table"
      columns={[
        { title: t('member.feedback.col.member'), dataIndex: 'memberName', width: 100 },
        { title: t('member.feedback.col.compound'), dataIndex: 'compoundName', width: 160, ellipsis: true },
        {
          title: t('member.feedback.col.reportedAt'),
          dataIndex: 'reportedAt',
          width: 110,
          render: (v: string) => formatDate(v),
        },
        {
          title: t('member.feedback.col.receipt'),
          dataIndex: 'receiptNo',
          width: 150,
          render: (v: string | null) => (v ? <span className="mono">{v}</span> : '—'),
        },
        {
          title: t('member.feedback.col.posts'),
          dataIndex: 'posts',
          render: (posts: string[]) =>
            posts.length === 0 ? (
              <Typography.Text type="secondary">{t('member.feedback.noPosts')}</Typography.Text>
            ) : (
              <Flex gap={4} wrap>
                {posts.map((p) => (
                  <Tag key={p} color="red">
                    {p}
                  </Tag>
                ))}
              </Flex>
            ),
        },
        { title: t('member.feedback.col.services'), dataIndex: 'serviceCount', width: 90, align: 'right' },
        {
          title: t('member.feedback.col.hours'),
          dataIndex: 'serviceHours',
          width: 130,
          align: 'right',
          render: (v: number) => hours(v),
        },
        {
          title: t('member.feedback.col.ratings'),
          key: 'ratings',
          width: 220,
          render: (_: unknown, r) => <Ratings r={r.ratings} />,
        },
      ]}
      summary={() =>
        rows.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={5}>
              <Typography.Text strong>{t('member.feedback.total', { count: rows.length })}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              <Typography.Text strong>{totalServices}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={6} align="right">
              <Typography.Text strong>{hours(totalHours)}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} />
          </Table.Summary.Row>
        ) : null
      }
    />
  );
};

type Props = { query: WorkUnitFeedbackQuery; onGenerated: (doc: FeedbackDocument) => void };

/** The quarter's record (`GET /work-unit-feedback`) and 生成 Word 文档 (`POST /work-unit-feedback`). */
export const FeedbackPreview = ({ query, onGenerated }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: ['work-unit-feedback', 'preview', query],
    queryFn: () => feedbackApi.preview(query),
  });
  const idem = useIdempotencyKey();
  const generate = useMutation({
    mutationFn: () => feedbackApi.generate(query, idem.key),
    onSuccess: (doc) => {
      idem.renew();
      void message.success(t('member.feedback.generated', { file: doc.fileName }));
      void queryClient.invalidateQueries({ queryKey: ['feedback-documents'] });
      onGenerated(doc);
    },
    onError: (e) => {
      idem.afterError(e);
      void message.error(errorText(e, t));
    },
  });
  const data = preview.data;
  const empty = data !== undefined && data.rows.length === 0;
  return (
    <Card
      size="small"
      title={
        data
          ? t('member.feedback.previewTitle', { unit: data.workUnitName, year: data.year, quarter: data.quarter })
          : t('member.feedback.previewTitleShort')
      }
      extra={
        <Tooltip title={empty ? t('member.feedback.nothingToGenerate') : t('member.feedback.generateHint')}>
          <Button
            type="primary"
            icon={<FileWordOutlined />}
            disabled={!data || empty}
            loading={generate.isPending}
            onClick={() => generate.mutate()}
            data-testid="feedback-generate"
          >
            {t('member.feedback.generate')}
          </Button>
        </Tooltip>
      }
      data-testid="feedback-preview"
    >
      {preview.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : preview.isError ? (
        <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
      ) : empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('member.feedback.empty')} />
      ) : data ? (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {t('member.feedback.previewSub', {
              org: data.partyOrgName || t('member.feedback.orgUnknown'),
              count: data.rows.length,
            })}
          </Typography.Text>
          <FeedbackTable rows={data.rows} />
        </Flex>
      ) : null}
    </Card>
  );
};
