import type { CivicCaseEvent, PublicCivicCase } from '@linli/contracts';
import { RATINGS } from '@linli/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { PhotoStrip } from './PhotoStrip.tsx';

/** What every timeline shows; staff also get who acted and the internal note. */
export type TimelineEvent = PublicCivicCase['events'][number] &
  Partial<Pick<CivicCaseEvent, 'actorName' | 'internalNote'>>;

const textOf = (data: Record<string, unknown>, key: string): string | null => {
  const value = data[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
};

const unitNameOf = (data: Record<string, unknown>): string | null => {
  const unit = data.unit;
  if (typeof unit !== 'object' || unit === null || !('name' in unit)) return null;
  return typeof unit.name === 'string' ? unit.name : null;
};

const ratingOf = (data: Record<string, unknown>) => RATINGS.find((rating) => rating === data.rating) ?? null;

/** The facts an event's `data` carries that a reader cares about: the unit it went to, the reason, the rating. */
function EventFacts({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation();
  const unit = unitNameOf(event.data);
  const reason = textOf(event.data, 'reason');
  const rating = ratingOf(event.data);
  const lines = [
    unit ? `${t('civic.detail.unit')}：${unit}` : null,
    reason && reason !== event.publicNote ? `${t('civic.act.reason')}：${reason}` : null,
    rating ? `${t('civic.mine.ratingLabel')}：${t(`civic.rating.${rating}`)}` : null,
  ].filter((line): line is string => line !== null);
  if (lines.length === 0) return null;
  return (
    <>
      {lines.map((line) => (
        <p key={line} className="civic-event-fact">
          {line}
        </p>
      ))}
    </>
  );
}

/** 办理过程: every step, newest first, with its time, whether its limit was kept, notes and photos. */
export function CaseTimeline({ events }: { events: readonly TimelineEvent[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const ordered = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <section className="card" aria-labelledby="civic-timeline-title" data-testid="civic-timeline">
      <h2 className="section-title" id="civic-timeline-title">
        {t('civic.timeline.title')}
      </h2>
      {ordered.length === 0 ? (
        <p className="muted">{t('civic.timeline.empty')}</p>
      ) : (
        <ol className="civic-timeline">
          {ordered.map((event, index) => (
            <li
              key={event.id}
              className={`civic-event${index === 0 ? ' civic-event-latest' : ''}`}
              data-testid={`civic-event-${event.type}`}
            >
              <div className="civic-event-head">
                <span className="civic-event-title">{t(`civic.event.${event.type}`)}</span>
                {event.onTime === null ? null : (
                  <span className={`civic-ontime ${event.onTime ? 'civic-ontime-yes' : 'civic-ontime-no'}`}>
                    {event.onTime ? t('civic.timeline.onTime') : t('civic.timeline.late')}
                  </span>
                )}
              </div>
              <time className="civic-event-time" dateTime={event.at}>
                {formatDateTime(event.at, locale)}
              </time>
              {event.actorName ? (
                <p className="civic-event-fact">{t('civic.timeline.actor', { name: event.actorName })}</p>
              ) : null}
              {event.publicNote ? <p className="civic-event-note">{event.publicNote}</p> : null}
              <EventFacts event={event} />
              {event.internalNote ? (
                <p className="civic-event-internal">
                  <span className="civic-event-internal-label">{t('civic.timeline.internal')}</span>
                  {event.internalNote}
                </p>
              ) : null}
              {event.files.length > 0 ? <PhotoStrip files={event.files} /> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
