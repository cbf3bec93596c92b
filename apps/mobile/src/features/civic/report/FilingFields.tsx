import { type HouseholdVisit, URGENCIES, type Urgency } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { Selector } from 'antd-mobile';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { civicApi } from '../../../api/civic.ts';
import { ErrorState } from '../../../components/StateBlocks.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { type CaseForm, FILE_CHANNELS, type FileChannel, type FormErrors, REPORTER_NAME_MAX } from './case-form.ts';

type Patch = Partial<
  Pick<CaseForm, 'channel' | 'visitId' | 'description' | 'urgency' | 'reporterName' | 'reporterPhone'>
>;

const VISIT_TEXT_MAX = 60;

const visitLabel = (visit: HouseholdVisit): string => {
  const text = visit.findings ?? visit.summary;
  const short = text.length > VISIT_TEXT_MAX ? `${text.slice(0, VISIT_TEXT_MAX)}…` : text;
  return `${formatDate(visit.visitedOn, currentLocale())} ${visit.householdLabel}：${short}`;
};

/** 入户走访: the visit (with findings to follow up) that the case is filed from; its findings prefill the text. */
function VisitField({
  form,
  error,
  onChange,
}: {
  form: CaseForm;
  error: string | undefined;
  onChange: (patch: Patch) => void;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const compoundId = form.compoundId;
  const visits = useQuery({
    queryKey: ['civic', 'follow-up-visits', compoundId],
    queryFn: ({ signal }) => civicApi.followUpVisits(compoundId ?? '', signal),
    enabled: compoundId !== null,
  });
  const items = visits.data ?? [];
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <span className="field-label" id={labelId}>
        {t('civic.report.visit')}
      </span>
      {visits.isError ? <ErrorState error={visits.error} onRetry={() => void visits.refetch()} /> : null}
      {visits.isSuccess && items.length === 0 ? <p className="field-hint">{t('civic.report.visitNone')}</p> : null}
      {items.length > 0 ? (
        <Selector
          className="filter civic-choice civic-visits"
          columns={1}
          options={items.map((visit) => ({ value: visit.id, label: visitLabel(visit) }))}
          value={form.visitId ? [form.visitId] : []}
          onChange={(values) => {
            const picked = items.find((visit) => visit.id === values[0]);
            onChange({
              visitId: picked?.id ?? null,
              ...(picked && form.description.trim() === '' ? { description: picked.findings ?? picked.summary } : {}),
            });
          }}
          aria-labelledby={labelId}
          data-testid="civic-file-visit"
        />
      ) : null}
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : items.length > 0 ? (
        <span className="field-hint">{t('civic.report.visitHint')}</span>
      ) : null}
    </div>
  );
}

type Props = {
  form: CaseForm;
  /** The category's default, shown preselected until the worker picks another. */
  defaultUrgency: Urgency;
  /** An anonymous filing (e.g. from the suggestion box) records nobody. */
  anonymous: boolean;
  errors: FormErrors;
  onChange: (patch: Patch) => void;
};

/** 代办上报's own fields: where the case came from, how urgent it is, and whom to call back. */
export function FilingFields({ form, defaultUrgency, anonymous, errors, onChange }: Props) {
  const { t } = useTranslation();
  const channelId = useId();
  const urgencyId = useId();
  return (
    <>
      <div className="field">
        <span className="field-label" id={channelId}>
          {t('civic.report.channel')}
        </span>
        <Selector<FileChannel>
          className="filter civic-choice"
          columns={2}
          options={FILE_CHANNELS.map((channel) => ({ value: channel, label: t(`civic.channel.${channel}`) }))}
          value={[form.channel]}
          onChange={(values) => {
            const [next] = values;
            if (next) onChange({ channel: next });
          }}
          aria-labelledby={channelId}
          data-testid="civic-file-channel"
        />
      </div>
      {form.channel === 'visit' ? <VisitField form={form} error={errors.visitId} onChange={onChange} /> : null}
      <div className="field">
        <span className="field-label" id={urgencyId}>
          {t('civic.report.urgency')}
        </span>
        <Selector<Urgency>
          className="filter civic-choice"
          columns={1}
          options={URGENCIES.map((urgency) => ({ value: urgency, label: t(`civic.urgency.${urgency}`) }))}
          value={[form.urgency ?? defaultUrgency]}
          onChange={(values) => {
            const [next] = values;
            if (next) onChange({ urgency: next });
          }}
          aria-labelledby={urgencyId}
          data-testid="civic-file-urgency"
        />
      </div>
      {anonymous ? null : (
        <>
          <TextField
            id="civic-file-reporter-name"
            testId="civic-file-reporter-name"
            label={t('civic.report.reporterName')}
            placeholder={t('civic.report.reporterNamePlaceholder')}
            maxLength={REPORTER_NAME_MAX}
            autoComplete="off"
            value={form.reporterName}
            onChange={(event) => onChange({ reporterName: event.target.value })}
            error={errors.reporterName}
          />
          <TextField
            id="civic-file-reporter-phone"
            testId="civic-file-reporter-phone"
            label={t('civic.report.reporterPhone')}
            placeholder={t('civic.report.reporterPhonePlaceholder')}
            type="tel"
            inputMode="numeric"
            autoComplete="off"
            maxLength={11}
            value={form.reporterPhone}
            onChange={(event) => onChange({ reporterPhone: event.target.value.replace(/\D/g, '') })}
            error={errors.reporterPhone}
            hint={t('civic.report.reporterHint')}
          />
        </>
      )}
    </>
  );
}
