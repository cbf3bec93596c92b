import type { SubmittedCivicCase } from '@linli/contracts';
import { Button, Result, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FormMode } from './case-form.ts';

type Props = { mode: FormMode; result: SubmittedCivicCase; onAnother: () => void };

/** The public page of an anonymous case: no sign-in, only the code. */
export const trackingUrl = (code: string): string =>
  `${window.location.origin}${import.meta.env.BASE_URL}track/${encodeURIComponent(code)}`;

const copy = async (text: string, done: string, failed: string) => {
  try {
    await navigator.clipboard.writeText(text);
    Toast.show({ icon: 'success', content: done });
  } catch {
    // Clipboard refused (plain HTTP, old WebView): the text stays selectable on screen.
    Toast.show({ content: failed });
  }
};

/** 提交成功: the case number, and for an anonymous report the tracking code to copy and its public link. */
export function SubmittedView({ mode, result, onAnother }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const code = result.trackingCode;
  return (
    <section className="card civic-done" data-testid="civic-report-done">
      <Result
        status="success"
        title={t('civic.done.title')}
        description={mode === 'file' ? t('civic.done.leadFile') : t('civic.done.lead')}
      />
      <dl className="civic-done-facts">
        <dt>{t('civic.done.number')}</dt>
        <dd className="civic-done-value mono" data-testid="civic-report-number">
          {result.number}
        </dd>
        {code ? (
          <>
            <dt>{t('civic.done.trackingCode')}</dt>
            <dd className="civic-done-value civic-code mono" data-testid="civic-tracking-code">
              {code}
            </dd>
            <dt>{t('civic.done.trackingLink')}</dt>
            <dd className="civic-done-link">
              <a href={trackingUrl(code)} data-testid="civic-tracking-link">
                {trackingUrl(code)}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {code ? (
        <>
          <p className="civic-done-warning">{t('civic.done.trackingHint')}</p>
          <div className="button-row">
            <Button
              size="large"
              color="primary"
              fill="outline"
              onClick={() => void copy(code, t('common.copied'), t('civic.done.copyFailed'))}
              data-testid="civic-tracking-copy"
            >
              {t('civic.done.copyCode')}
            </Button>
            <Button
              size="large"
              fill="outline"
              onClick={() => void copy(trackingUrl(code), t('common.copied'), t('civic.done.copyFailed'))}
            >
              {t('civic.done.copyLink')}
            </Button>
          </div>
        </>
      ) : null}
      <div className="civic-done-actions">
        {mode === 'report' && !code ? (
          <Button size="large" color="primary" onClick={() => navigate('/civic/mine')} data-testid="civic-done-mine">
            {t('civic.done.viewMine')}
          </Button>
        ) : null}
        {mode === 'file' && result.id ? (
          <Button size="large" color="primary" onClick={() => navigate(`/civic/cases/${result.id}`)}>
            {t('civic.done.viewCase')}
          </Button>
        ) : null}
        <Button size="large" onClick={onAnother} data-testid="civic-done-another">
          {mode === 'file' ? t('civic.done.anotherFile') : t('civic.done.another')}
        </Button>
      </div>
    </section>
  );
}
