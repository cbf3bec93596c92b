import { RATINGS, type Rating, ServiceRatingBodySchema, type ServiceRecord } from '@linli/contracts';
import { Button } from 'antd-mobile';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../components/TextAreaField.tsx';
import { ServiceCard } from '../services/ServiceCard.tsx';

const COMMENT_MAX = ServiceRatingBodySchema.shape.comment.unwrap().maxLength ?? 200;

type Props = {
  record: ServiceRecord;
  busy: boolean;
  failure: string | undefined;
  onRate: (record: ServiceRecord, rating: Rating, comment: string) => void;
};

/** A service done for my household and three big choices: 满意 / 基本满意 / 不满意, with an optional word. */
export function RateCard({ record, busy, failure, onRate }: Props) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (rating === null) {
      setMissing(true);
      return;
    }
    onRate(record, rating, comment.trim());
  };

  return (
    <ServiceCard
      record={record}
      showMember
      testId="h5-rate-item"
      footer={
        <form className="rate-form" onSubmit={submit} noValidate>
          <fieldset className="rate-choices">
            <legend className="field-label">{t('rate.question')}</legend>
            {RATINGS.map((value) => (
              <button
                key={value}
                type="button"
                className={`rate-choice rate-${value}${rating === value ? ' rate-choice-on' : ''}`}
                aria-pressed={rating === value}
                onClick={() => {
                  setRating(value);
                  setMissing(false);
                }}
                data-testid={`h5-rate-${value}`}
              >
                {t(`rating.${value}`)}
              </button>
            ))}
          </fieldset>
          {missing ? (
            <div className="field-error" role="alert">
              {t('rate.pickOne')}
            </div>
          ) : null}
          <TextAreaField
            id={`h5-rate-comment-${record.id}`}
            testId="h5-rate-comment"
            label={t('rate.comment')}
            placeholder={t('rate.commentPlaceholder')}
            value={comment}
            maxLength={COMMENT_MAX}
            onChange={(event) => setComment(event.target.value)}
            rows={2}
            error={failure}
          />
          <Button block type="submit" color="primary" size="large" loading={busy} data-testid="h5-rate-submit">
            {t('rate.submit')}
          </Button>
        </form>
      }
    />
  );
}
