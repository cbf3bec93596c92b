import { type Coverage, ROLLOUT_STAGES, type RolloutStage } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Progress, Row, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http.ts';
import { orgApi } from '../../api/organisation.ts';
import { useSession } from '../../app/session.tsx';
import { STAGE_COLORS } from '../../components/colors.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';

/** A share, or null when there is nothing to divide: a rate of no compounds is missing, not 0 %. */
const rate = (part: number | null | undefined, whole: number | null | undefined): number | null =>
  part == null || whole == null || whole <= 0 ? null : part / whole;

const percent = (r: number) => `${(r * 100).toFixed(1)}%`;

const NoData = () => {
  const { t } = useTranslation();
  return <Typography.Text type="secondary">{t('org.overview.noData')}</Typography.Text>;
};

type StageRow = { stage: RolloutStage; total: number | null; withBranch: number | null; rate: number | null };

const stageRows = (coverage: Coverage): StageRow[] =>
  ROLLOUT_STAGES.map((stage) => {
    const s = coverage.byStage.find((b) => b.stage === stage);
    return { stage, total: s?.total ?? null, withBranch: s?.withBranch ?? null, rate: rate(s?.withBranch, s?.total) };
  });

/** 小区党组织覆盖率, with 统计范围：… under it when the server names the scope it counted. */
const CoverageTitle = ({ scopeName }: { scopeName: string | undefined }) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <span>{t('org.overview.coverage')}</span>
      {scopeName && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="coverage-scope-name">
          {t('org.overview.scopeName', { name: scopeName })}
        </Typography.Text>
      )}
    </Flex>
  );
};

const CoverageView = ({ coverage }: { coverage: Coverage }) => {
  const { t } = useTranslation();
  const overall = coverage.coverageRate === null ? null : rate(coverage.compoundsWithBranch, coverage.totalCompounds);
  return (
    <Flex vertical gap={16}>
      <Row gutter={16}>
        <Col span={8}>
          <Card className="stat-card" style={{ height: '100%' }} data-testid="coverage-rate">
            <Statistic
              title={<CoverageTitle scopeName={coverage.scopeName} />}
              value={overall === null ? undefined : percent(overall)}
              formatter={(v) => (overall === null ? <NoData /> : v)}
            />
            {overall !== null && <Progress percent={Number((overall * 100).toFixed(1))} showInfo={false} />}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('org.overview.coverageHint')}
            </Typography.Text>
          </Card>
        </Col>
        <Col span={8}>
          <Card className="stat-card" style={{ height: '100%' }}>
            <Statistic
              title={t('org.overview.compoundsWithBranch')}
              value={coverage.compoundsWithBranch}
              suffix={t('org.overview.unit')}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card className="stat-card" style={{ height: '100%' }}>
            <Statistic
              title={t('org.overview.totalCompounds')}
              value={coverage.totalCompounds}
              suffix={t('org.overview.unit')}
            />
          </Card>
        </Col>
      </Row>
      <Card title={t('org.overview.byStage')} size="small">
        <Table<StageRow>
          size="middle"
          rowKey="stage"
          pagination={false}
          dataSource={stageRows(coverage)}
          columns={[
            {
              title: t('org.overview.stage'),
              dataIndex: 'stage',
              render: (s: RolloutStage) => <Tag color={STAGE_COLORS[s]}>{t(`common.enum.rolloutStage.${s}`)}</Tag>,
            },
            {
              title: t('org.overview.total'),
              dataIndex: 'total',
              align: 'right',
              render: (v: number | null) => v ?? <NoData />,
            },
            {
              title: t('org.overview.withBranch'),
              dataIndex: 'withBranch',
              align: 'right',
              render: (v: number | null) => v ?? <NoData />,
            },
            {
              title: t('org.overview.rate'),
              dataIndex: 'rate',
              width: 320,
              render: (r: number | null) =>
                r === null ? <NoData /> : <Progress percent={Number((r * 100).toFixed(1))} size="small" />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
};

export const OverviewPage = () => {
  const { t } = useTranslation();
  const { me } = useSession();
  const [orgId, setOrgId] = useState<string | undefined>();
  const coverage = useQuery({ queryKey: ['coverage', orgId ?? null], queryFn: () => orgApi.coverage(orgId) });
  return (
    <PageContainer
      title={t('org.overview.title')}
      subTitle={t('org.overview.welcome', { name: me.displayName })}
      extra={
        <Flex align="center" gap={8}>
          <Typography.Text type="secondary">{t('org.overview.scope')}</Typography.Text>
          <OrgTreeSelect
            value={orgId}
            onChange={setOrgId}
            allowClear
            placeholder={
              coverage.data ? (coverage.data.scopeName ?? coverage.data.orgName) : t('org.overview.scopeDefault')
            }
            style={{ width: 320 }}
            data-testid="coverage-scope"
          />
        </Flex>
      }
    >
      {coverage.isPending && <Skeleton active paragraph={{ rows: 6 }} />}
      {coverage.isError &&
        (isApiError(coverage.error) && coverage.error.code === 'NOT_FOUND' ? (
          // No org node to count for this user's scope (e.g. a grid- or compound-scoped role): nothing to show.
          <Card>
            <Empty description={t('org.overview.noData')} />
          </Card>
        ) : (
          <ErrorState error={coverage.error} onRetry={() => void coverage.refetch()} />
        ))}
      {coverage.data && <CoverageView coverage={coverage.data} />}
    </PageContainer>
  );
};
