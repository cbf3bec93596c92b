import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { LEDGER_KINDS, LEDGER_TITLES, LEDGER_USES_PERIOD, type LedgerExport, type LedgerKind } from '@linli/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Radio, Select, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LEDGER_EXPORTS_KEY, type LedgerPreviewQuery, ledgerPreviewKey, ledgersApi } from '../../api/reports.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { errorText } from '../../components/errors.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useIdempotencyKey } from '../../components/useIdempotencyKey.ts';
import { PeriodField, ScopeField } from '../work-reports/ScopePeriodFields.tsx';
import {
  isScopePicked,
  periodFrom,
  periodProblem,
  type ReportPeriod,
  type ReportScope,
  scopePeriodParams,
  scopeQuery,
  shownScopeFrom,
} from '../work-reports/scopePeriod.ts';
import { ExportProgress } from './ExportProgress.tsx';
import { LedgerPreviewTable } from './LedgerPreviewTable.tsx';
import { MyExports } from './MyExports.tsx';
import './ledgers.css';
import './print.css';

const LIMITS = [100, 500] as const;
const isKind = (v: string | null): v is LedgerKind => LEDGER_KINDS.some((k) => k === v);

/** Kind, scope and period live in the URL, so a printed or shared page shows the same register. */
const useSelection = () => {
  const [params, setParams] = useSearchParams();
  const asked = params.get('kind');
  const kind: LedgerKind = isKind(asked) ? asked : 'organisation';
  const scope = shownScopeFrom(params);
  const period = periodFrom(params.get('from'), params.get('to'), 'thisYear');
  const write = (next: { kind?: LedgerKind; scope?: ReportScope; period?: ReportPeriod }) => {
    const out = { kind: next.kind ?? kind, ...scopePeriodParams(next.scope ?? scope, next.period ?? period) };
    setParams(new URLSearchParams(out), { replace: true });
  };
  return { kind, scope, period, write };
};

/** `/ledgers`: 台账 — a register's printable preview, its Excel export with a progress bar, and my exports. */
export const LedgersPage = () => {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en-US' ? 'en-US' : 'zh-CN';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { kind, scope, period, write } = useSelection();
  const [limit, setLimit] = useState<number>(LIMITS[0]);
  const [started, setStarted] = useState<LedgerExport | null>(null);
  const [printedAt, setPrintedAt] = useState(() => new Date().toISOString());
  const idem = useIdempotencyKey();

  const usesPeriod = LEDGER_USES_PERIOD[kind];
  const ready = isScopePicked(scope) && !(usesPeriod && periodProblem(period));
  const range = usesPeriod ? { from: period.from, to: period.to } : {};
  const query: LedgerPreviewQuery = { ...scopeQuery(scope), ...range, limit };
  const preview = useQuery({
    queryKey: ledgerPreviewKey(kind, query),
    queryFn: () => ledgersApi.preview(kind, query),
    enabled: ready,
    placeholderData: keepPreviousData,
  });
  // A preview of another kind must not stand in for this one while it loads.
  const shown = preview.data?.kind === kind ? preview.data : undefined;

  useEffect(() => {
    const stamp = () => setPrintedAt(new Date().toISOString());
    window.addEventListener('beforeprint', stamp);
    return () => window.removeEventListener('beforeprint', stamp);
  }, []);

  const exportLedger = useMutation({
    mutationFn: () => ledgersApi.createExport({ kind, ...scopeQuery(scope), ...range }, idem.key),
    onSuccess: (e) => {
      idem.renew();
      setStarted(e);
      void queryClient.invalidateQueries({ queryKey: LEDGER_EXPORTS_KEY });
    },
    onError: (e) => {
      idem.afterError(e);
      void message.error(errorText(e, t));
    },
  });

  return (
    <PageContainer
      title={t('reports.ledgers.title')}
      subTitle={t('reports.ledgers.subTitle')}
      extra={
        <>
          <Button
            icon={<PrinterOutlined />}
            disabled={!shown}
            onClick={() => {
              setPrintedAt(new Date().toISOString());
              setTimeout(() => window.print(), 0);
            }}
            className="no-print"
            data-testid="ledger-print"
          >
            {t('reports.print')}
          </Button>
          <Button
            type="primary"
            icon={<FileExcelOutlined />}
            disabled={!ready}
            loading={exportLedger.isPending}
            onClick={() => exportLedger.mutate()}
            className="no-print"
            data-testid="ledger-export"
          >
            {t('reports.ledgers.export')}
          </Button>
        </>
      }
    >
      <Flex vertical gap={16} className="ledgers-page">
        <Card size="small" className="filter-card no-print" style={{ marginBottom: 0 }}>
          <Form layout="horizontal" labelCol={{ flex: '88px' }} colon={false} component="div">
            <Form.Item label={t('reports.ledgers.kind')} style={{ marginBottom: 12 }}>
              <div data-testid="ledger-kind">
                <Radio.Group
                  optionType="button"
                  value={kind}
                  onChange={(e) => write({ kind: e.target.value as LedgerKind })}
                  options={LEDGER_KINDS.map((k) => ({
                    value: k,
                    label: <span data-testid={`ledger-kind-${k}`}>{LEDGER_TITLES[k][language]}</span>,
                  }))}
                />
              </div>
            </Form.Item>
            <Form.Item label={t('reports.scope')} style={{ marginBottom: 12 }}>
              <ScopeField value={scope} onChange={(s) => write({ scope: s })} showMissing data-testid="ledger-scope" />
            </Form.Item>
            <Form.Item label={t('reports.period')} style={{ marginBottom: 12 }}>
              {usesPeriod ? (
                <PeriodField value={period} onChange={(p) => write({ period: p })} data-testid="ledger-period" />
              ) : (
                <Typography.Text type="secondary">{t('reports.ledgers.noPeriod')}</Typography.Text>
              )}
            </Form.Item>
            <Form.Item label={t('reports.ledgers.previewRows')} style={{ marginBottom: 0 }}>
              <Select<number>
                value={limit}
                onChange={setLimit}
                style={{ width: 140 }}
                options={LIMITS.map((n) => ({ value: n, label: t('reports.ledgers.firstRows', { count: n }) }))}
                data-testid="ledger-limit"
              />
            </Form.Item>
          </Form>
        </Card>

        {started && <ExportProgress key={started.id} started={started} onClose={() => setStarted(null)} />}

        <Card size="small" className="ledger-preview-card" data-testid="ledger-preview">
          {preview.isError && (
            <div className="no-print" style={{ marginBottom: 12 }}>
              <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
            </div>
          )}
          {!ready ? (
            <Typography.Text type="secondary">{t('reports.ledgers.pickFirst')}</Typography.Text>
          ) : shown ? (
            <Flex
              vertical
              gap={12}
              className={preview.isFetching ? 'ledger-preview-body is-dim' : 'ledger-preview-body'}
            >
              <LedgerPreviewTable
                preview={shown}
                from={usesPeriod ? period.from : null}
                to={usesPeriod ? period.to : null}
                printedAt={printedAt}
              />
            </Flex>
          ) : preview.isError ? null : (
            <Skeleton active paragraph={{ rows: 8 }} />
          )}
        </Card>

        <MyExports />
      </Flex>
    </PageContainer>
  );
};
