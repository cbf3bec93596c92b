import { ArrowLeftOutlined, DownloadOutlined, EyeOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import {
  MEMBER_IMPORT_HEADERS,
  MEMBER_IMPORT_MAX_ROWS,
  type MemberImportStatus,
  type MemberImportSummary,
} from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Row,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { memberImportKey, memberImportsApi, membersApi } from '../../api/members.ts';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { errorText } from '../../components/errors.ts';
import { ListTable } from '../../components/ListTable.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatTime } from '../../components/time.ts';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { useListQuery } from '../../components/useListQuery.ts';
import { ImportResult } from './ImportResult.tsx';
import { IMPORT_STATUS_COLORS } from './importStatus.ts';
import { rowTestId } from './rowTestId.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What the server accepts for one upload. */
const MAX_BYTES = 20 * 1024 * 1024;

const TemplateCard = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const template = useMutation({
    mutationFn: () => membersApi.importTemplate(`${t('member.import.templateName')}.xlsx`),
    onError: (e) => void message.error(errorText(e, t)),
  });
  return (
    <Card size="small" title={t('member.import.step1')} style={{ height: '100%' }}>
      <Flex vertical gap={12}>
        <Typography.Text>{t('member.import.templateIntro')}</Typography.Text>
        <Flex gap={4} wrap>
          {MEMBER_IMPORT_HEADERS.map((h) => (
            <Tag key={h}>{h}</Tag>
          ))}
        </Flex>
        <ul style={{ margin: 0, paddingInlineStart: 20, color: 'rgba(0,0,0,0.65)' }}>
          <li>{t('member.import.rule.id')}</li>
          <li>{t('member.import.rule.dates')}</li>
          <li>{t('member.import.rule.options')}</li>
          <li>{t('member.import.rule.places')}</li>
          <li>{t('member.import.rule.max', { max: MEMBER_IMPORT_MAX_ROWS.toLocaleString() })}</li>
          <li>
            <Typography.Text strong>{t('member.import.rule.allOrNothing')}</Typography.Text>
          </li>
        </ul>
        <div>
          <Button
            icon={<DownloadOutlined />}
            loading={template.isPending}
            onClick={() => template.mutate()}
            data-testid="member-import-template"
          >
            {t('member.import.template')}
          </Button>
        </div>
      </Flex>
    </Card>
  );
};

const UploadCard = ({ onStarted }: { onStarted: (id: string) => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const idem = useIdempotencyKey();
  const upload = useMutation({
    mutationFn: (f: File) => memberImportsApi.upload(f, idem.key),
    onSuccess: (imp) => {
      queryClient.setQueryData(memberImportKey(imp.id), imp);
      void queryClient.invalidateQueries({ queryKey: ['member-imports', 'list'] });
      setFile(null);
      idem.renew();
      onStarted(imp.id);
    },
    onError: idem.afterError,
  });
  const fileList: UploadFile[] = file ? [{ uid: 'chosen', name: file.name, status: 'done', size: file.size }] : [];
  return (
    <Card size="small" title={t('member.import.step2')} style={{ height: '100%' }}>
      <FormErrorAlert error={upload.error} />
      <Upload.Dragger
        accept={`.xlsx,${XLSX_TYPE}`}
        maxCount={1}
        multiple={false}
        fileList={fileList}
        beforeUpload={(f) => {
          if (!f.name.toLowerCase().endsWith('.xlsx')) {
            void message.error(t('member.import.notXlsx'));
          } else if (f.size > MAX_BYTES) {
            void message.error(t('member.import.tooLarge'));
          } else {
            setFile(f);
            idem.renew();
            upload.reset();
          }
          return Upload.LIST_IGNORE;
        }}
        onRemove={() => setFile(null)}
        disabled={upload.isPending}
        data-testid="member-import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('member.import.drop')}</p>
        <p className="ant-upload-hint">{t('member.import.dropHint')}</p>
      </Upload.Dragger>
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Button
          type="primary"
          icon={<UploadOutlined />}
          disabled={!file}
          loading={upload.isPending}
          onClick={() => file && upload.mutate(file)}
          data-testid="member-import-start"
        >
          {t('member.import.start')}
        </Button>
      </Flex>
    </Card>
  );
};

const History = ({ shownId, onShow }: { shownId: string | null; onShow: (id: string) => void }) => {
  const { t } = useTranslation();
  const { paging, query } = useListQuery('member-imports', {}, memberImportsApi.list, 10);
  const columns: TableColumnsType<MemberImportSummary> = [
    { title: t('member.import.col.file'), dataIndex: 'fileName', ellipsis: true },
    { title: t('member.import.col.by'), dataIndex: 'createdByName', width: 120 },
    {
      title: t('member.import.col.at'),
      dataIndex: 'createdAt',
      width: 150,
      render: (v: string) => formatTime(v),
    },
    {
      title: t('member.import.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: MemberImportStatus) => <Tag color={IMPORT_STATUS_COLORS[s]}>{t(`member.import.status.${s}`)}</Tag>,
    },
    { title: t('member.import.col.rows'), dataIndex: 'totalRows', width: 90, align: 'right' },
    { title: t('member.import.col.imported'), dataIndex: 'importedRows', width: 90, align: 'right' },
    {
      title: t('member.import.col.errors'),
      dataIndex: 'errorCount',
      width: 90,
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    {
      title: t('common.actions.actions'),
      key: 'actions',
      width: 80,
      render: (_: unknown, imp) => (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          disabled={imp.id === shownId}
          onClick={() => onShow(imp.id)}
          data-testid="member-import-view"
        >
          {t('common.actions.view')}
        </Button>
      ),
    },
  ];
  return (
    <Card size="small" title={t('member.import.history')}>
      <ListTable<MemberImportSummary>
        rowKey="id"
        query={query}
        paging={paging}
        columns={columns}
        onRow={rowTestId('member-import-row')}
      />
    </Card>
  );
};

/** `/members/import`: the template, an upload, its progress and row errors, and the recent imports. */
export const MemberImportPage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const shownId = params.get('id');
  const show = (id: string) => setParams({ id }, { replace: true });
  return (
    <PageContainer
      title={t('member.import.title')}
      subTitle={t('member.import.subTitle')}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/members')}>
          {t('member.import.back')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <TemplateCard />
          </Col>
          <Col xs={24} xl={12}>
            <UploadCard onStarted={show} />
          </Col>
        </Row>
        {shownId && <ImportResult key={shownId} id={shownId} />}
        <History shownId={shownId} onShow={show} />
      </Flex>
    </PageContainer>
  );
};
