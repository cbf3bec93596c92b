import { CaseActionBodySchema, type MyCivicCase } from '@linli/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { civicApi } from '../../../api/civic.ts';
import { PageShell } from '../../../components/PageShell.tsx';
import { ErrorState, PageSkeleton } from '../../../components/StateBlocks.tsx';
import { TextPromptPopup } from '../../../components/TextPromptPopup.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { CIVIC_KEYS } from '../civic-queries.ts';
import { describeActionError, needsRefresh } from '../shared/action-errors.ts';
import { CaseHeader } from '../shared/CaseHeader.tsx';
import { CaseTimeline } from '../shared/CaseTimeline.tsx';
import { publicCaseFacts } from '../shared/public-case-facts.ts';
import '../shared/civic.css';
import '../shared/case-page.css';
import { RateForm, type RateInput } from './RateForm.tsx';

const REASON_MAX = CaseActionBodySchema.shape.reason.unwrap().maxLength ?? 500;

/** Rate and reopen under the version the reporter saw (If-Match): a 412 means the case moved on meanwhile. */
const actAsReporter = (
  item: Pick<MyCivicCase, 'id' | 'version'>,
  action: 'rate' | 'reopen',
  body: Parameters<typeof civicApi.act>[2],
) => civicApi.act(item.id, action, body, item.version);

function RatingSummary({ rating }: { rating: NonNullable<MyCivicCase['rating']> }) {
  const { t } = useTranslation();
  return (
    <section className="card" data-testid="civic-my-rating">
      <h2 className="section-title">{t('civic.mine.yourRating')}</h2>
      <p className="civic-rating-line">
        <span className={`civic-chip ${rating.resolved ? 'civic-chip-ok' : 'civic-chip-alert'}`}>
          {rating.resolved ? t('civic.mine.resolvedYes') : t('civic.mine.resolvedNo')}
        </span>
        <span className={`civic-chip civic-rating-${rating.rating}`}>{t(`civic.rating.${rating.rating}`)}</span>
        <span className="muted">{formatDateTime(rating.ratedAt, currentLocale())}</span>
      </p>
      {rating.comment ? <p className="item-text">{rating.comment}</p> : null}
    </section>
  );
}

function MyCaseView({ item }: { item: MyCivicCase }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reopening, setReopening] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: CIVIC_KEYS.mine });
  const onFailure = (error: unknown) => {
    if (needsRefresh(error)) void refresh();
  };
  const rate = useMutation({
    mutationFn: (input: RateInput) =>
      actAsReporter(item, 'rate', {
        resolved: input.resolved,
        rating: input.rating,
        ...(input.comment ? { publicNote: input.comment } : {}),
      }),
    onSuccess: async () => {
      Toast.show({ icon: 'success', content: t('civic.mine.rated') });
      await refresh();
    },
    onError: onFailure,
  });
  const reopen = useMutation({
    mutationFn: (reason: string) => actAsReporter(item, 'reopen', { reason }),
    onSuccess: async () => {
      setReopening(false);
      Toast.show({ icon: 'success', content: t('civic.mine.reopened') });
      await refresh();
    },
    onError: onFailure,
  });
  const facts = publicCaseFacts(t, item);

  return (
    <>
      <CaseHeader title={item.title} number={item.number} status={item.status} endType={item.endType} facts={facts}>
        {item.reporter ? null : <p className="civic-chip civic-followed">{t('civic.mine.followedTag')}</p>}
      </CaseHeader>
      {item.rating ? <RatingSummary rating={item.rating} /> : null}
      {item.abilities.rate ? (
        <RateForm
          busy={rate.isPending}
          failure={rate.isError ? describeActionError(t, rate.error) : undefined}
          onRate={(input) => rate.mutate(input)}
        />
      ) : null}
      {item.abilities.reopen ? (
        <Button
          block
          size="large"
          color="danger"
          fill="outline"
          onClick={() => setReopening(true)}
          data-testid="civic-reopen"
        >
          {t('civic.mine.reopen')}
        </Button>
      ) : null}
      <CaseTimeline events={item.events} />
      <TextPromptPopup
        visible={reopening}
        title={t('civic.mine.reopenTitle')}
        description={t('civic.mine.reopenLead')}
        label={t('civic.mine.reopenReason')}
        placeholder={t('civic.mine.reopenPlaceholder')}
        maxLength={REASON_MAX}
        required
        confirmText={t('civic.mine.reopenConfirm')}
        confirmColor="danger"
        busy={reopen.isPending}
        failure={reopen.isError ? describeActionError(t, reopen.error) : undefined}
        onConfirm={(reason) => reopen.mutate(reason)}
        onClose={() => {
          setReopening(false);
          reopen.reset();
        }}
        testId="civic-reopen-sheet"
      />
    </>
  );
}

/** 事项详情 for the reporter (or a "me too" follower): status, time limit, public timeline; rate and reopen. */
export default function MyCasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const item = useQuery({ queryKey: CIVIC_KEYS.myCase(id), queryFn: ({ signal }) => civicApi.myCase(id, signal) });
  return (
    <PageShell title={t('civic.mine.detailTitle')} backTo="/civic/mine" testId="civic-my-case-page">
      {item.isPending ? (
        <PageSkeleton blocks={3} />
      ) : item.isError ? (
        <ErrorState error={item.error} onRetry={() => void item.refetch()} />
      ) : (
        <MyCaseView item={item.data} />
      )}
    </PageShell>
  );
}
