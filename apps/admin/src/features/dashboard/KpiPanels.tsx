import type { Dashboard, FigureKey } from '@linli/contracts';
import { Card, Progress, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { GRADE_COLORS, type Grade } from '../civic-metrics/metricsFormat.ts';
import { countText, figureLabel, figureNumber, figureText, figureValueText } from './figures.ts';

type Figures = Dashboard['figures'];

const isGrade = (v: string): v is Grade => Object.hasOwn(GRADE_COLORS, v);

type Kpi = {
  key: FigureKey;
  note: string;
  /** A rate or score as a bar (0‥1); left out for counts. */
  bar?: number | null;
  danger?: boolean;
  /** Replaces the plain value (the composite score carries its grade). */
  value?: ReactNode;
};

const NoData = () => {
  const { t } = useTranslation();
  return <span className="dash-kpi-nodata">{t('reports.noData')}</span>;
};

const KpiCard = ({ kpi, figures }: { kpi: Kpi; figures: Figures }) => {
  const { t, i18n } = useTranslation();
  const missing = figures[kpi.key] === null || figures[kpi.key] === undefined;
  return (
    <div className="dash-kpi" data-testid={`kpi-${kpi.key}`}>
      <Typography.Text type="secondary" className="dash-kpi-label">
        {figureLabel(kpi.key, i18n.resolvedLanguage ?? 'zh-CN')}
      </Typography.Text>
      <div className={`dash-kpi-value${kpi.danger ? ' dash-kpi-danger' : ''}`} data-testid={`kpi-${kpi.key}-value`}>
        {missing ? <NoData /> : (kpi.value ?? figureValueText(figures, kpi.key, t))}
      </div>
      {kpi.bar === null && <div className="dash-kpi-bar-none" />}
      {kpi.bar !== undefined && kpi.bar !== null && (
        <Progress
          percent={Math.round(kpi.bar * 1000) / 10}
          showInfo={false}
          size="small"
          strokeColor="#1f5fae"
          className="dash-kpi-bar"
        />
      )}
      <Typography.Text type="secondary" className="dash-kpi-note">
        {kpi.note}
      </Typography.Text>
    </div>
  );
};

const organisationKpis = (f: Figures, t: TFunction): Kpi[] => {
  const n = (key: FigureKey) => countText(figureNumber(f, key), t);
  return [
    { key: 'compounds_total', note: t('reports.dashboard.kpiNote.withBranch', { n: n('compounds_with_branch') }) },
    {
      key: 'branch_coverage_rate',
      bar: figureNumber(f, 'branch_coverage_rate'),
      note: t('reports.dashboard.kpiNote.coverage', {
        withBranch: n('compounds_with_branch'),
        total: n('compounds_total'),
      }),
    },
    {
      key: 'members_total',
      note: t('reports.dashboard.kpiNote.members', {
        inService: n('members_in_service'),
        retired: n('members_retired'),
      }),
    },
    { key: 'members_reported_in', note: t('reports.dashboard.kpiNote.inService', { n: n('members_in_service') }) },
    {
      key: 'report_in_share',
      bar: figureNumber(f, 'report_in_share'),
      note: t('reports.dashboard.kpiNote.share', {
        reported: n('members_reported_in'),
        inService: n('members_in_service'),
      }),
    },
    { key: 'posts_total', note: t('reports.dashboard.kpiNote.posts', { n: n('posts_claimed_members') }) },
  ];
};

const civicKpis = (f: Figures, t: TFunction, to: string): Kpi[] => {
  const n = (key: FigureKey) => countText(figureNumber(f, key), t);
  const score = figureNumber(f, 'composite_score');
  const grade = figureText(f, 'grade');
  const overdue = figureNumber(f, 'cases_overdue_open') ?? 0;
  return [
    { key: 'cases_received', note: t('reports.dashboard.kpiNote.received', { n: n('cases_closed') }) },
    { key: 'cases_closed', note: t('reports.dashboard.kpiNote.closed', { n: n('cases_closed_resolved') }) },
    { key: 'cases_overdue_open', danger: overdue > 0, note: t('reports.dashboard.kpiNote.overdue', { to }) },
    {
      key: 'response_rate',
      bar: figureNumber(f, 'response_rate'),
      note: t('reports.dashboard.kpiNote.response'),
    },
    {
      key: 'resolution_rate',
      bar: figureNumber(f, 'resolution_rate'),
      note: t('reports.dashboard.kpiNote.resolution'),
    },
    {
      key: 'satisfaction_rate',
      bar: figureNumber(f, 'satisfaction_rate'),
      note: t('reports.dashboard.kpiNote.satisfaction'),
    },
    {
      key: 'composite_score',
      bar: score === null ? null : score / 100,
      note: t('reports.dashboard.kpiNote.composite', { grade: grade ?? t('reports.dashboard.rankings.noRank') }),
      value: (
        <span className="dash-kpi-score">
          {figureValueText(f, 'composite_score', t)}
          {grade && isGrade(grade) && (
            <Tag color={GRADE_COLORS[grade]} className="dash-grade-tag">
              {grade}
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'disputes_mediated', note: t('reports.dashboard.kpiNote.disputes', { n: n('disputes_agreed') }) },
  ];
};

/** The cockpit's headline figures in two panels: organisation and members, then 民情. */
export const KpiPanels = ({ dashboard }: { dashboard: Dashboard }) => {
  const { t } = useTranslation();
  const f = dashboard.figures;
  return (
    <div className="dash-kpi-panels">
      <Card size="small" title={t('reports.dashboard.sections.organisation')} className="dash-card dash-kpi-panel">
        <div className="dash-kpi-grid dash-kpi-grid-3">
          {organisationKpis(f, t).map((kpi) => (
            <KpiCard key={kpi.key} kpi={kpi} figures={f} />
          ))}
        </div>
      </Card>
      <Card size="small" title={t('reports.dashboard.sections.civic')} className="dash-card dash-kpi-panel">
        <div className="dash-kpi-grid dash-kpi-grid-4">
          {civicKpis(f, t, dashboard.to).map((kpi) => (
            <KpiCard key={kpi.key} kpi={kpi} figures={f} />
          ))}
        </div>
      </Card>
    </div>
  );
};
