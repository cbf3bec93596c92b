import { TrackingCodeParamsSchema } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { civicApi } from '../../../api/civic.ts';
import { isApiError } from '../../../api/errors.ts';
import { PageShell } from '../../../components/PageShell.tsx';
import { EmptyState, ErrorState, PageSkeleton } from '../../../components/StateBlocks.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { CaseHeader } from '../shared/CaseHeader.tsx';
import { CaseTimeline } from '../shared/CaseTimeline.tsx';
import { publicCaseFacts } from '../shared/public-case-facts.ts';
import '../shared/civic.css';
import '../shared/case-page.css';

const isCode = (code: string): boolean => TrackingCodeParamsSchema.shape.trackingCode.safeParse(code).success;

function TrackForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim().toUpperCase();
    if (!isCode(trimmed)) {
      setError(
        trimmed === '' ? t('civic.report.required', { field: t('civic.track.code') }) : t('civic.track.notFound'),
      );
      return;
    }
    setError(undefined);
    navigate(`/track/${encodeURIComponent(trimmed)}`);
  };
  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="civic-track-form">
      <p className="muted">{t('civic.track.lead')}</p>
      <TextField
        id="civic-track-code"
        testId="civic-track-code"
        label={t('civic.track.code')}
        placeholder={t('civic.track.codePlaceholder')}
        autoCapitalize="characters"
        autoComplete="off"
        maxLength={14}
        className="mono"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={error}
      />
      <Button block type="submit" color="primary" size="large" data-testid="civic-track-submit">
        {t('civic.track.submit')}
      </Button>
    </form>
  );
}

function TrackedCase({ code }: { code: string }) {
  const { t } = useTranslation();
  const found = useQuery({
    queryKey: ['civic', 'track', code],
    queryFn: ({ signal }) => civicApi.track(code, signal),
    retry: false,
  });
  if (found.isPending) return <PageSkeleton blocks={3} />;
  if (found.isError) {
    return isApiError(found.error) && (found.error.status === 404 || found.error.status === 400) ? (
      <EmptyState title={t('civic.track.notFound')} />
    ) : (
      <ErrorState error={found.error} onRetry={() => void found.refetch()} />
    );
  }
  const item = found.data;
  const facts = publicCaseFacts(t, item);
  return (
    <>
      <CaseHeader title={item.title} number={item.number} status={item.status} endType={item.endType} facts={facts} />
      <CaseTimeline events={item.events} />
    </>
  );
}

/** 进度查询 `/m/track[/:code]`: anyone with an anonymous report's tracking code follows it, without signing in. */
export default function TrackPage() {
  const { t } = useTranslation();
  const { code } = useParams();
  return (
    <PageShell title={t('civic.track.title')} backTo={code ? '/track' : '/'} testId="civic-track-page">
      {code ? (
        <>
          <TrackedCase code={code} />
          <Link to="/track" className="civic-link-button" data-testid="civic-track-again">
            {t('civic.track.again')}
          </Link>
        </>
      ) : (
        <TrackForm initial="" />
      )}
    </PageShell>
  );
}
