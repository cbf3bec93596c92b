import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Result, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/http.ts';
import { errorText, requestIdOf } from '../../components/errors.ts';
import { DEFAULT_PRESET, dashboardHref, type Period, presetPeriod } from './dashboardUrl.ts';

/** The cockpit's shape while the first answer loads: two KPI panels, the chart grid, the table. */
export const DashboardSkeleton = () => {
  const { t } = useTranslation();
  return (
    <div
      className="dash-body"
      role="status"
      aria-busy="true"
      aria-label={t('reports.loading')}
      data-testid="dashboard-loading"
    >
      <div className="dash-kpi-panels">
        {[6, 8].map((n) => (
          <Card key={n} size="small" className="dash-card">
            <div className={`dash-kpi-grid dash-kpi-grid-${n === 6 ? 3 : 4}`}>
              {Array.from({ length: n }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                <div key={i} className="dash-kpi">
                  <Skeleton active title={false} paragraph={{ rows: 3, width: ['60%', '40%', '80%'] }} />
                </div>
              ))}
            </div>
          </Card>
        ))}
      </div>
      <div className="dash-chart-grid">
        {['trend', 'status', 'category', 'coverage'].map((area) => (
          <Card key={area} size="small" className={`dash-card dash-area-${area}`}>
            <Skeleton active title={{ width: '30%' }} paragraph={{ rows: 7 }} />
          </Card>
        ))}
      </div>
    </div>
  );
};

type ErrorProps = { error: unknown; period: Period; onRetry: () => void };

/**
 * A failed load, saying what to do: outside the caller's area (403) → back to their own; a bad period (400) → pick
 * another; anything else → retry, with the request number for the help desk.
 */
export const DashboardError = ({ error, period, onRetry }: ErrorProps) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = isApiError(error) ? error.status : 0;
  const requestId = requestIdOf(error);
  // From a period the server refused, "back" also goes back to the default period.
  const mine = dashboardHref(null, status === 400 ? presetPeriod(DEFAULT_PRESET) : period);
  const backToMine = (type: 'primary' | 'default') => (
    <Button
      key="mine"
      type={type}
      href={mine}
      onClick={(e) => {
        e.preventDefault();
        navigate(mine);
      }}
      data-testid="dashboard-back-to-mine"
    >
      {t('reports.backToMine')}
    </Button>
  );
  if (status === 403) {
    return (
      <Result
        status="403"
        title={t('reports.forbidden')}
        subTitle={t('reports.forbiddenHint')}
        extra={backToMine('primary')}
        data-testid="dashboard-error"
      />
    );
  }
  const badPeriod = status === 400;
  return (
    <Result
      status="warning"
      title={badPeriod ? t('reports.badPeriod') : t('reports.loadFailed')}
      subTitle={
        <>
          <div>{badPeriod ? t('reports.badPeriodHint') : t('reports.loadFailedHint')}</div>
          <Typography.Text type="secondary">{errorText(error, t)}</Typography.Text>
          {requestId && (
            <div>
              <Typography.Text type="secondary" copyable={{ text: requestId }}>
                {t('common.errors.requestId', { id: requestId })}
              </Typography.Text>
            </div>
          )}
        </>
      }
      extra={[
        !badPeriod && (
          <Button key="retry" type="primary" icon={<ReloadOutlined />} onClick={onRetry} data-testid="dashboard-retry">
            {t('reports.retry')}
          </Button>
        ),
        backToMine('default'),
      ]}
      data-testid="dashboard-error"
    />
  );
};
