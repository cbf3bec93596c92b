import type { ServiceRecord } from '@linli/contracts';
import { Image, ImageViewer } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatHours } from '../../i18n/format.ts';
import { currentLocale } from '../../i18n/index.ts';
import { RatingTag } from './RatingTag.tsx';

type Props = {
  record: ServiceRecord;
  /** Residents see who served them; the member's own list does not repeat their name. */
  showMember?: boolean;
  /** The rating (member's list) or the rating controls (resident's list). */
  footer?: ReactNode;
  testId: string;
};

/** One service (服务登记): when, how long, what was done, for which need, post or door, with photos. */
export function ServiceCard({ record, showMember = false, footer, testId }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const photos = record.photos.map((photo) => photo.url);
  return (
    <article className="card item-card" data-testid={testId} data-record-id={record.id}>
      <header className="title-row">
        <h3 className="item-title">{formatDate(record.servedOn, locale)}</h3>
        <span className="hours-badge">{t('services.hoursValue', { hours: formatHours(record.hours, locale) })}</span>
      </header>
      <p className="item-text">{record.content}</p>
      <dl className="facts">
        {showMember ? (
          <>
            <dt>{t('services.member')}</dt>
            <dd>{record.memberName}</dd>
          </>
        ) : null}
        {record.needTitle ? (
          <>
            <dt>{t('services.need')}</dt>
            <dd>{record.needTitle}</dd>
          </>
        ) : null}
        {record.postTitle ? (
          <>
            <dt>{t('services.post')}</dt>
            <dd>{record.postTitle}</dd>
          </>
        ) : null}
        {record.householdAddress ? (
          <>
            <dt>{t('services.household')}</dt>
            <dd>{record.householdAddress}</dd>
          </>
        ) : null}
      </dl>
      {photos.length > 0 ? (
        <ul className="photo-strip" aria-label={t('services.photos')}>
          {photos.map((url, index) => (
            <li key={url}>
              <button
                type="button"
                className="photo-thumb"
                aria-label={t('services.photoOf', { index: index + 1, total: photos.length })}
                onClick={() => ImageViewer.Multi.show({ images: photos, defaultIndex: index })}
              >
                <Image src={url} fit="cover" width="100%" height="100%" lazy />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {footer}
    </article>
  );
}

/** The member's view of how a service was rated. */
export function ServiceRatingLine({ record }: { record: ServiceRecord }) {
  const { t } = useTranslation();
  return (
    <div className="item-foot rating-line">
      <span className="muted">
        {record.ratedByKind ? t(`services.ratedBy.${record.ratedByKind}`) : t('services.rating')}
      </span>
      <RatingTag rating={record.rating} />
      {record.comment ? <p className="rating-comment">“{record.comment}”</p> : null}
    </div>
  );
}
