import type { CaseAnswers, CategoryQuestion, CivicCaseDetail } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { civicApi, type RevealedReporter } from '../../../api/civic.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { CIVIC_KEYS } from '../civic-queries.ts';
import { PhotoStrip } from '../shared/PhotoStrip.tsx';

const answerText = (question: CategoryQuestion | undefined, value: CaseAnswers[string], locale: 'zh-CN' | 'en-US') => {
  const optionName = (key: string) => question?.options.find((option) => option.key === key)?.name ?? key;
  if (Array.isArray(value)) return value.map(optionName).join('、');
  if (typeof value === 'number') return String(value);
  if (question?.type === 'singlevaluelist') return optionName(value);
  if (question?.type === 'datetime') return formatDateTime(value, locale);
  return value;
};

/** The building / unit / room line under the compound, in the reader's words. */
export const placeDetail = (
  t: TFunction,
  parts: { building: string | null; unitNo: string | null; room: string | null },
): string =>
  [
    parts.building ? t('civic.place.buildingValue', { value: parts.building }) : null,
    parts.unitNo ? t('civic.place.unitValue', { value: parts.unitNo }) : null,
    parts.room ? t('civic.place.roomValue', { value: parts.room }) : null,
  ]
    .filter(Boolean)
    .join(' ');

/** 具体情况: the description, the answers to the category's questions, where, who reported it, photos. */
export function CaseFacts({ detail, revealed }: { detail: CivicCaseDetail; revealed: RevealedReporter | null }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const categories = useQuery({
    queryKey: CIVIC_KEYS.categories,
    queryFn: ({ signal }) => civicApi.categories(signal),
  });
  const questions = categories.data?.find((category) => category.id === detail.categoryId)?.questions ?? [];
  const answers = Object.entries(detail.answers);
  const detailLine = placeDetail(t, detail);
  const reportPhotos = detail.files.filter((file) => file.kind === 'report');
  const reporterName = revealed?.name ?? detail.reporterName;
  const reporterPhone = revealed?.phone ?? detail.reporterPhone;
  return (
    <section className="card civic-facts" data-testid="civic-case-facts">
      <h2 className="section-title">{t('civic.detail.description')}</h2>
      <p className="item-text" data-testid="civic-case-description">
        {detail.description}
      </p>
      <dl className="facts">
        <dt>{t('civic.detail.place')}</dt>
        <dd>
          {detail.compoundName}
          {detailLine ? ` ${detailLine}` : ''}
          {detail.addressText ? <span className="civic-sub">{detail.addressText}</span> : null}
        </dd>
        {answers.map(([code, value]) => {
          const question = questions.find((item) => item.code === code);
          return (
            <div key={code} className="civic-fact">
              <dt>{question?.label ?? code}</dt>
              <dd>{answerText(question, value, locale)}</dd>
            </div>
          );
        })}
        <dt>{t('civic.detail.reporter')}</dt>
        <dd data-testid="civic-case-reporter">
          {detail.anonymous
            ? t('civic.detail.anonymous')
            : [reporterName, reporterPhone].filter(Boolean).join(' ') || t('common.none')}
          {revealed?.phone ? (
            <a className="civic-inline-call" href={`tel:${revealed.phone}`}>
              {t('civic.act.call')}
            </a>
          ) : null}
        </dd>
      </dl>
      <PhotoStrip files={reportPhotos} label={t('civic.detail.photos')} />
    </section>
  );
}
