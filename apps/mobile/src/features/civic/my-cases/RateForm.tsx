import { CaseActionBodySchema, RATINGS, type Rating } from '@linli/contracts';
import { Button } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/TextAreaField.tsx';

const COMMENT_MAX = CaseActionBodySchema.shape.publicNote.unwrap().maxLength ?? 1000;

export type RateInput = { resolved: boolean; rating: Rating; comment: string };

type Props = { busy: boolean; failure: string | undefined; onRate: (input: RateInput) => void };

/** 评价: was it solved, how satisfied, and a word if the reporter wants — big buttons, nothing to type unless wished. */
export function RateForm({ busy, failure, onRate }: Props) {
  const { t } = useTranslation();
  const [resolved, setResolved] = useState<boolean | null>(null);
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem =
      resolved === null ? t('civic.mine.pickResolved') : rating === null ? t('civic.mine.pickRating') : null;
    setMissing(problem);
    if (resolved === null || rating === null) return;
    onRate({ resolved, rating, comment: comment.trim() });
  };

  return (
    <form className="card form" onSubmit={submit} noValidate data-testid="civic-rate-form">
      <h2 className="section-title">{t('civic.mine.rateTitle')}</h2>
      <fieldset className="rate-choices civic-resolved-choices">
        <legend className="field-label">{t('civic.mine.resolved')}</legend>
        {[true, false].map((value) => (
          <button
            key={String(value)}
            type="button"
            className={`rate-choice ${value ? 'rate-satisfied' : 'rate-dissatisfied'}${resolved === value ? ' rate-choice-on' : ''}`}
            aria-pressed={resolved === value}
            onClick={() => setResolved(value)}
            data-testid={`civic-rate-resolved-${value ? 'yes' : 'no'}`}
          >
            {value ? t('civic.mine.resolvedYes') : t('civic.mine.resolvedNo')}
          </button>
        ))}
      </fieldset>
      <fieldset className="rate-choices">
        <legend className="field-label">{t('civic.mine.ratingLabel')}</legend>
        {RATINGS.map((value) => (
          <button
            key={value}
            type="button"
            className={`rate-choice rate-${value}${rating === value ? ' rate-choice-on' : ''}`}
            aria-pressed={rating === value}
            onClick={() => setRating(value)}
            data-testid={`civic-rate-${value}`}
          >
            {t(`civic.rating.${value}`)}
          </button>
        ))}
      </fieldset>
      {missing ? (
        <div className="field-error" role="alert">
          {missing}
        </div>
      ) : null}
      <TextAreaField
        id="civic-rate-comment"
        testId="civic-rate-comment"
        label={t('civic.mine.comment')}
        placeholder={t('civic.mine.commentPlaceholder')}
        value={comment}
        maxLength={COMMENT_MAX}
        rows={2}
        onChange={(event) => setComment(event.target.value)}
        error={failure}
      />
      <Button block type="submit" color="primary" size="large" loading={busy} data-testid="civic-rate-submit">
        {t('civic.mine.rateSubmit')}
      </Button>
    </form>
  );
}
