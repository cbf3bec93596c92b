import type { CivicCaseDetail } from '@linli/contracts';
import { Button, Popup, Selector, Stepper, Switch } from 'antd-mobile';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevealedReporter } from '../../../api/civic.ts';
import { DateField } from '../../../components/DateField.tsx';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { todayInShanghai } from '../../../i18n/format.ts';
import { CivicPhotoField, MAX_PHOTOS } from '../shared/CivicPhotoField.tsx';
import {
  type ActionErrors,
  type ActionForm,
  checkAction,
  type ExtensionUnit,
  emptyActionForm,
  FIELDS,
  type H5Action,
  NOTE_MAX,
  photosRequired,
  REASON_MAX,
} from './case-actions.ts';
import { ReporterContact } from './ReporterContact.tsx';

const addDays = (day: string, days: number): string => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

type Props = {
  action: H5Action;
  detail: CivicCaseDetail;
  busy: boolean;
  failure: string | undefined;
  revealed: RevealedReporter | null;
  onRevealed: (reporter: RevealedReporter) => void;
  onSubmit: (form: ActionForm) => void;
  onClose: () => void;
};

/** Labels of the note box per step: a result, a record of the call, a note, or an optional word. */
const useNoteLabels = (kind: string) => {
  const { t } = useTranslation();
  switch (kind) {
    case 'result':
      return { label: t('civic.act.result'), placeholder: t('civic.act.resultPlaceholder') };
    case 'contact':
      return { label: t('civic.act.contactNote'), placeholder: t('civic.act.contactNotePlaceholder') };
    case 'comment':
      return { label: t('civic.act.note'), placeholder: t('civic.act.internalNotePlaceholder') };
    default:
      return { label: t('civic.act.publicNote'), placeholder: t('civic.act.notePlaceholder') };
  }
};

/** The bottom sheet of one step: only the fields that step needs, checked before sending. */
export function ActionSheet(props: Props) {
  const { action, detail } = props;
  const { t } = useTranslation();
  const today = todayInShanghai();
  const [form, setForm] = useState<ActionForm>(() => emptyActionForm(addDays(today, 1)));
  const [errors, setErrors] = useState<ActionErrors>({});
  const [uploading, setUploading] = useState(0);
  const fields: { note?: string; reason?: true; photos?: string; extension?: true; deferral?: true } = FIELDS[action];
  const noteLabels = useNoteLabels(fields.note ?? 'public');
  const update = (patch: Partial<ActionForm>) => setForm((current) => ({ ...current, ...patch }));
  const actionLabel = t(`civic.action.${action}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A sheet opened from this form (e.g. the reveal reason) submits its own form; React bubbles it here.
    if (event.target !== event.currentTarget) return;
    const found = checkAction(t, action, form, detail.nature, today);
    setErrors(found);
    if (Object.keys(found).length === 0 && uploading === 0) props.onSubmit(form);
  };

  let extra: ReactNode = null;
  if (action === 'contact') {
    extra = (
      <>
        <p className="prompt-description">{t('civic.act.contactLead')}</p>
        <ReporterContact
          caseId={detail.id}
          name={detail.reporterName}
          phone={detail.reporterPhone}
          revealed={props.revealed}
          onRevealed={props.onRevealed}
        />
      </>
    );
  }

  return (
    <Popup
      visible
      onMaskClick={props.busy ? undefined : props.onClose}
      onClose={props.onClose}
      bodyClassName="prompt-popup"
    >
      <form className="form prompt" onSubmit={submit} noValidate data-testid={`civic-act-sheet-${action}`}>
        <h2 className="section-title">{actionLabel}</h2>
        {extra}
        {fields.extension ? (
          <div className={`field${errors.amount ? ' field-invalid' : ''}`}>
            <span className="field-label">{t('civic.act.extension')}</span>
            <div className="stepper-row civic-extension-row">
              <Stepper
                className="big-stepper"
                min={1}
                max={form.unit === 'days' ? 60 : 999}
                step={1}
                digits={0}
                value={form.amount}
                onChange={(amount) => update({ amount })}
                data-testid="civic-act-amount"
              />
              <Selector<ExtensionUnit>
                className="filter civic-unit"
                columns={2}
                options={(['hours', 'days'] as const).map((unit) => ({
                  value: unit,
                  label: t(`civic.act.extensionUnit.${unit}`),
                }))}
                value={[form.unit]}
                onChange={(values) => update({ unit: values[0] ?? form.unit })}
                data-testid="civic-act-unit"
              />
            </div>
            {errors.amount ? (
              <div className="field-error" role="alert">
                {errors.amount}
              </div>
            ) : null}
          </div>
        ) : null}
        {fields.deferral ? (
          <DateField
            id="civic-act-defer"
            testId="civic-act-defer"
            label={t('civic.act.deferUntil')}
            value={form.deferUntil}
            min={addDays(today, 1)}
            max={addDays(today, 366)}
            onChange={(deferUntil) => update({ deferUntil })}
            error={errors.deferUntil}
          />
        ) : null}
        {fields.reason ? (
          <TextAreaField
            id="civic-act-reason"
            testId="civic-act-reason"
            label={t('civic.act.reason')}
            placeholder={t('civic.act.reasonPlaceholder')}
            value={form.reason}
            maxLength={REASON_MAX}
            onChange={(event) => update({ reason: event.target.value })}
            error={errors.reason}
          />
        ) : null}
        {fields.note ? (
          <TextAreaField
            id="civic-act-note"
            testId="civic-act-note"
            label={noteLabels.label}
            placeholder={noteLabels.placeholder}
            value={form.note}
            maxLength={NOTE_MAX}
            rows={fields.note === 'result' ? 4 : 3}
            onChange={(event) => update({ note: event.target.value })}
            error={errors.note}
          />
        ) : null}
        {fields.note === 'comment' ? (
          <div className="civic-switch-row">
            <span className="field-label">{t('civic.act.makePublic')}</span>
            <Switch
              checked={form.makePublic}
              onChange={(makePublic) => update({ makePublic })}
              aria-label={t('civic.act.makePublic')}
              data-testid="civic-act-public"
            />
          </div>
        ) : null}
        {fields.photos ? (
          <CivicPhotoField
            label={photosRequired(action, detail.nature) ? t('civic.act.resultPhotos') : t('civic.act.photos')}
            value={form.photos}
            onChange={(photos) => update({ photos })}
            onBusyChange={setUploading}
            error={errors.photos}
            {...(photosRequired(action, detail.nature)
              ? { hint: t('civic.act.resultPhotosHint', { max: MAX_PHOTOS, count: form.photos.length }) }
              : {})}
            testId="civic-act-photos"
          />
        ) : null}
        {props.failure ? (
          <div className="form-error" role="alert" data-testid="civic-act-error">
            {props.failure}
          </div>
        ) : null}
        <div className="button-row">
          <Button size="large" onClick={props.onClose} disabled={props.busy}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            size="large"
            color={action === 'reject' || action === 'send_back' ? 'danger' : 'primary'}
            loading={props.busy}
            disabled={uploading > 0}
            data-testid="civic-act-submit"
          >
            {action === 'contact' ? t('civic.act.contactDone') : actionLabel}
          </Button>
        </div>
      </form>
    </Popup>
  );
}
