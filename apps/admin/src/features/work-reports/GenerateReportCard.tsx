import { DownloadOutlined, FileWordOutlined, SettingOutlined } from '@ant-design/icons';
import type { WorkReport } from '@linli/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { WORK_REPORTS_KEY, workReportsApi } from '../../api/reports.ts';
import { useSession } from '../../app/session.tsx';
import { FormErrorAlert } from '../../components/ErrorState.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { scopeText, sizeText } from './format.ts';
import { PeriodField, ScopeField } from './ScopePeriodFields.tsx';
import {
  isScopePicked,
  periodFrom,
  periodProblem,
  type ReportPeriod,
  type ReportScope,
  scopeFrom,
  scopePeriodParams,
  scopeQuery,
  shownScopeFrom,
} from './scopePeriod.ts';
import { defaultTemplateId, useTemplates } from './useTemplates.ts';

/** Scope, period and template live in the URL: the cockpit links here with `orgId|compoundId`, `from`, `to`. */
const useFormState = () => {
  const [params, setParams] = useSearchParams();
  const scope = scopeFrom(params);
  const period = periodFrom(params.get('from'), params.get('to'), 'thisYear');
  const templateId = params.get('templateId');
  const write = (next: { scope?: ReportScope; period?: ReportPeriod; templateId?: string }) => {
    const out = new URLSearchParams(scopePeriodParams(next.scope ?? scope, next.period ?? period));
    const tpl = next.templateId ?? templateId;
    if (tpl) out.set('templateId', tpl);
    setParams(out, { replace: true });
  };
  return { scope: shownScopeFrom(params), period, templateId, write };
};

type Props = { onShowFigures: (report: WorkReport) => void };

/** 生成工作汇报: scope, period and template, then a Word document written at once. */
export const GenerateReportCard = ({ onShowFigures }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const queryClient = useQueryClient();
  const { scope, period, templateId, write } = useFormState();
  const templates = useTemplates();
  const chosenTemplate = templateId ?? defaultTemplateId(templates.data);
  const [tried, setTried] = useState(false);
  const idem = useIdempotencyKey();

  const generate = useMutation({
    mutationFn: () =>
      workReportsApi.generate(
        { templateId: chosenTemplate, ...scopeQuery(scope), from: period.from, to: period.to },
        idem.key,
      ),
    onSuccess: (report) => {
      idem.renew();
      void message.success(t('reports.workReports.generated', { name: report.fileName }));
      void queryClient.invalidateQueries({ queryKey: WORK_REPORTS_KEY });
    },
    onError: idem.afterError,
  });

  const submit = () => {
    setTried(true);
    if (!isScopePicked(scope) || periodProblem(period)) return;
    generate.mutate();
  };
  const done = generate.data;

  return (
    <Card
      size="small"
      title={t('reports.workReports.generateTitle')}
      className="no-print"
      extra={
        can('report.configure') && (
          <Link to="/work-report-templates">
            <SettingOutlined /> {t('reports.workReports.manageTemplates')}
          </Link>
        )
      }
    >
      <Form layout="horizontal" labelCol={{ flex: '96px' }} colon={false} data-testid="work-report-form">
        <Form.Item label={t('reports.workReports.scope')} style={{ marginBottom: 12 }}>
          <ScopeField
            value={scope}
            onChange={(s) => write({ scope: s })}
            showMissing={tried}
            data-testid="work-report-scope"
          />
        </Form.Item>
        <Form.Item label={t('reports.period')} style={{ marginBottom: 12 }}>
          <PeriodField value={period} onChange={(p) => write({ period: p })} data-testid="work-report-period" />
        </Form.Item>
        <Form.Item label={t('reports.workReports.template')} style={{ marginBottom: 16 }}>
          <Select<string>
            value={chosenTemplate}
            onChange={(id) => write({ templateId: id })}
            loading={templates.isPending}
            style={{ width: 380 }}
            status={templates.isError ? 'error' : undefined}
            options={(templates.data ?? []).map((tpl) => ({
              value: tpl.id,
              label: (
                <Space size={4}>
                  {tpl.name}
                  {tpl.builtin && <Tag>{t('reports.templates.builtin')}</Tag>}
                  {tpl.isDefault && <Tag color="red">{t('reports.templates.default')}</Tag>}
                </Space>
              ),
            }))}
            data-testid="work-report-template"
          />
          {templates.isError && (
            <Typography.Text type="danger" style={{ marginLeft: 8 }}>
              {t('reports.workReports.templatesFailed')}
            </Typography.Text>
          )}
        </Form.Item>
        <Form.Item label=" " style={{ marginBottom: 0 }}>
          <Flex gap={12} align="center" wrap>
            <Button
              type="primary"
              icon={<FileWordOutlined />}
              loading={generate.isPending}
              onClick={submit}
              data-testid="work-report-generate"
            >
              {generate.isPending ? t('reports.workReports.generating') : t('reports.workReports.generate')}
            </Button>
            <Typography.Text type="secondary">{t('reports.workReports.generateHint')}</Typography.Text>
          </Flex>
        </Form.Item>
      </Form>
      {generate.isError && (
        <div style={{ marginTop: 16 }}>
          <FormErrorAlert error={generate.error} />
        </div>
      )}
      {done && !generate.isPending && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 16 }}
          title={t('reports.workReports.generatedTitle', {
            scope: scopeText(done.scope, t),
            from: done.from,
            to: done.to,
          })}
          description={
            <Flex gap={16} align="center" wrap>
              <Typography.Text>
                {done.fileName} · {sizeText(done.byteSize)}
              </Typography.Text>
              <a href={done.downloadUrl} download={done.fileName} data-testid="work-report-generated-download">
                <DownloadOutlined /> {t('reports.workReports.download')}
              </a>
              <Button type="link" size="small" onClick={() => onShowFigures(done)} style={{ padding: 0 }}>
                {t('reports.workReports.showFigures')}
              </Button>
            </Flex>
          }
        />
      )}
    </Card>
  );
};
