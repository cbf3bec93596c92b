import { DownloadOutlined } from '@ant-design/icons';
import { figureDefinition, type WorkReport } from '@linli/contracts';
import { Descriptions, Drawer, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/time.ts';
import { figureLabel, figuresByModule, figureText } from './figures.ts';
import { periodText, scopeText, sizeText } from './format.ts';

type Props = { report: WorkReport | null; onClose: () => void };

/** One generated report: who wrote it for what, and every figure the document quotes, grouped by module. */
export const WorkReportDrawer = ({ report, onClose }: Props) => {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  const keys = report ? Object.keys(report.figures) : [];
  const groups = figuresByModule(keys);
  const unknownKeys = keys.filter((k) => !figureDefinition(k));
  return (
    <Drawer
      open={report !== null}
      onClose={onClose}
      size={640}
      title={t('reports.workReports.drawerTitle')}
      destroyOnHidden
      extra={
        report && (
          <a href={report.downloadUrl} download={report.fileName}>
            <DownloadOutlined /> {t('reports.workReports.download')}
          </a>
        )
      }
      data-testid="work-report-drawer"
    >
      {report && (
        <Flex vertical gap={16}>
          <Descriptions
            bordered
            size="small"
            column={1}
            styles={{ label: { width: 120 } }}
            items={[
              { key: 'scope', label: t('reports.workReports.cols.scope'), children: scopeText(report.scope, t) },
              { key: 'period', label: t('reports.period'), children: periodText(report.from, report.to, t) },
              { key: 'template', label: t('reports.workReports.cols.template'), children: report.templateName },
              {
                key: 'by',
                label: t('reports.workReports.cols.generatedBy'),
                children:
                  report.trigger === 'monthly' || report.generatedBy === null ? (
                    <Tag color="purple">{t('reports.workReports.bySystem')}</Tag>
                  ) : (
                    report.generatedByName
                  ),
              },
              {
                key: 'at',
                label: t('reports.workReports.cols.generatedAt'),
                children: formatTime(report.generatedAt),
              },
              {
                key: 'file',
                label: t('reports.workReports.cols.file'),
                children: `${report.fileName} · ${sizeText(report.byteSize)}`,
              },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('reports.workReports.figuresTitle')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('reports.workReports.figuresHint')}</Typography.Text>
          {keys.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.workReports.noFigures')} />
          )}
          {groups.map((g) => (
            <Table
              key={g.module}
              size="small"
              bordered
              pagination={false}
              rowKey="key"
              title={() => <Typography.Text strong>{t(`reports.figureModules.${g.module}`)}</Typography.Text>}
              dataSource={g.figures}
              columns={[
                {
                  title: t('reports.workReports.figureName'),
                  key: 'label',
                  render: (_, d) => figureLabel(d, language),
                },
                {
                  title: t('reports.workReports.figureKey'),
                  dataIndex: 'key',
                  width: 190,
                  render: (k: string) => <Typography.Text className="mono">{`{{${k}}}`}</Typography.Text>,
                },
                {
                  title: t('reports.workReports.figureValue'),
                  key: 'value',
                  width: 170,
                  align: 'right',
                  render: (_, d) => {
                    const value = report.figures[d.key];
                    const text = figureText(d, value, t);
                    return value === null || value === undefined ? (
                      <Typography.Text type="secondary">{text}</Typography.Text>
                    ) : (
                      text
                    );
                  },
                },
              ]}
            />
          ))}
          {unknownKeys.length > 0 && (
            <Typography.Text type="secondary">
              {unknownKeys.map((k) => `${k}: ${String(report.figures[k])}`).join(t('common.fmt.listSep'))}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Drawer>
  );
};
