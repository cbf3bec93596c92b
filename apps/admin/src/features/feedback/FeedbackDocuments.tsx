import { DownloadOutlined } from '@ant-design/icons';
import type { FeedbackDocument } from '@linli/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type FeedbackDocumentListQuery, feedbackApi } from '../../api/feedback.ts';
import { errorText } from '../../components/errors.ts';
import { ListTable } from '../../components/ListTable.tsx';
import { formatTime } from '../../components/time.ts';
import { useListQuery } from '../../components/useListQuery.ts';
import { rowTestId } from '../members/rowTestId.ts';

const sizeText = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

type Filters = Omit<FeedbackDocumentListQuery, 'cursor' | 'limit'>;

type Props = { filters: Filters; highlightId: string | null; title: string };

/** The generated documents (`GET /work-unit-feedback/documents`), each downloadable. */
export const FeedbackDocuments = ({ filters, highlightId, title }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { paging, query } = useListQuery('feedback-documents', filters, feedbackApi.documents, 10);
  const download = useMutation({
    mutationFn: feedbackApi.download,
    onError: (e) => void message.error(errorText(e, t)),
  });
  const columns: TableColumnsType<FeedbackDocument> = [
    { title: t('member.feedback.doc.unit'), dataIndex: 'workUnitName', width: 200, ellipsis: true },
    {
      title: t('member.feedback.doc.period'),
      key: 'period',
      width: 150,
      render: (_: unknown, d) => t('member.feedback.period', { year: d.year, quarter: d.quarter }),
    },
    { title: t('member.feedback.doc.members'), dataIndex: 'memberCount', width: 90, align: 'right' },
    {
      title: t('member.feedback.doc.generatedBy'),
      key: 'generatedBy',
      width: 130,
      render: (_: unknown, d) =>
        d.generatedBy === null ? (
          <Tag color="purple">{t('member.feedback.doc.bySystem')}</Tag>
        ) : (
          (d.generatedByName ?? <Tag>{t('member.feedback.doc.byHand')}</Tag>)
        ),
    },
    {
      title: t('member.feedback.doc.generatedAt'),
      dataIndex: 'generatedAt',
      width: 150,
      render: (v: string) => formatTime(v),
    },
    {
      title: t('member.feedback.doc.file'),
      dataIndex: 'fileName',
      ellipsis: true,
      render: (name: string, d) => (
        <>
          {d.id === highlightId && <Tag color="green">{t('member.feedback.doc.new')}</Tag>}
          {name}{' '}
          <Typography.Text type="secondary">
            {t('member.feedback.doc.size', { size: sizeText(d.byteSize) })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, d) => (
        <Button
          size="small"
          type="link"
          icon={<DownloadOutlined />}
          loading={download.isPending && download.variables?.id === d.id}
          onClick={() => download.mutate(d)}
          data-testid="feedback-document-download"
        >
          {t('member.feedback.doc.download')}
        </Button>
      ),
    },
  ];
  return (
    <Card size="small" title={title}>
      <ListTable<FeedbackDocument>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        onRow={rowTestId('feedback-document-row')}
      />
    </Card>
  );
};
