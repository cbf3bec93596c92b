import { CASE_NATURES, type CaseNature, type CivicCategory } from '@linli/contracts';
import { Button, Selector, Switch } from 'antd-mobile';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/TextAreaField.tsx';
import { TextField } from '../../../components/TextField.tsx';
import { currentLocale } from '../../../i18n/index.ts';
import type { Scope } from '../../session/scopes.ts';
import { CivicPhotoField } from '../shared/CivicPhotoField.tsx';
import { type CaseForm, DESCRIPTION_MAX, type FormErrors, type FormMode, TITLE_MAX } from './case-form.ts';
import { categoryName } from './category-tree.ts';
import { DuplicateHints } from './DuplicateHints.tsx';
import { FilingFields } from './FilingFields.tsx';
import { PlaceFields } from './PlaceFields.tsx';
import { QuestionFields } from './QuestionFields.tsx';

type Props = {
  mode: FormMode;
  category: CivicCategory;
  form: CaseForm;
  errors: FormErrors;
  compounds: readonly Scope[];
  sending: boolean;
  failure: string | null;
  onChange: (patch: Partial<CaseForm>) => void;
  onChangeCategory: () => void;
  onSubmit: (uploading: number) => void;
  onLeaveForFollowed?: (() => void) | undefined;
};

function NatureField({ value, onChange }: { value: CaseNature; onChange: (nature: CaseNature) => void }) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <div className="field">
      <span className="field-label" id={labelId}>
        {t('civic.report.nature')}
      </span>
      <Selector<CaseNature>
        className="filter civic-choice civic-nature"
        columns={3}
        options={CASE_NATURES.map((nature) => ({ value: nature, label: t(`civic.nature.${nature}`) }))}
        value={[value]}
        onChange={(values) => {
          const [next] = values;
          if (next) onChange(next);
        }}
        aria-labelledby={labelId}
        data-testid="civic-report-nature"
      />
    </div>
  );
}

function AnonymousField({ value, onChange }: { value: boolean; onChange: (anonymous: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field civic-anonymous">
      <div className="civic-switch-row">
        <span className="field-label">{t('civic.report.anonymous')}</span>
        <Switch
          checked={value}
          onChange={onChange}
          aria-label={t('civic.report.anonymous')}
          data-testid="civic-report-anonymous"
        />
      </div>
      <span className="field-hint">{t('civic.report.anonymousHint')}</span>
    </div>
  );
}

/** Step 2: what, where, photos; the similar open cases appear under the text while it is typed. */
export function CaseDetailsForm(props: Props) {
  const { mode, category, form, errors, onChange } = props;
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(0);
  const anonymous = category.anonymousAllowed && form.anonymous;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A sheet opened from this form (e.g. the reveal reason) submits its own form; React bubbles it here.
    if (event.target !== event.currentTarget) return;
    props.onSubmit(uploading);
  };

  return (
    <form className="form card" onSubmit={submit} noValidate data-testid="civic-report-form">
      <div className="civic-chosen">
        <span className="muted">{t('civic.report.chosenCategory')}</span>
        <strong className="civic-chosen-name" data-testid="civic-report-chosen">
          {categoryName(category, currentLocale())}
        </strong>
        <button
          type="button"
          className="text-button"
          onClick={props.onChangeCategory}
          data-testid="civic-report-recategorise"
        >
          {t('civic.report.changeCategory')}
        </button>
      </div>
      {mode === 'file' ? (
        <FilingFields
          form={form}
          defaultUrgency={category.defaultUrgency}
          anonymous={anonymous}
          errors={errors}
          onChange={onChange}
        />
      ) : null}
      <TextField
        id="civic-report-title"
        testId="civic-report-title"
        label={t('civic.report.titleLabel')}
        placeholder={t('civic.report.titlePlaceholder')}
        maxLength={TITLE_MAX}
        value={form.title}
        onChange={(event) => onChange({ title: event.target.value, titleEdited: true })}
        error={errors.title}
      />
      <TextAreaField
        id="civic-report-description"
        testId="civic-report-description"
        label={t('civic.report.description')}
        placeholder={t('civic.report.descriptionPlaceholder')}
        maxLength={DESCRIPTION_MAX}
        rows={4}
        value={form.description}
        onChange={(event) => onChange({ description: event.target.value })}
        error={errors.description}
      />
      <DuplicateHints
        categoryId={category.id}
        compoundId={form.compoundId}
        text={`${form.title} ${form.description}`}
        location={form.location}
        onDone={props.onLeaveForFollowed}
      />
      <QuestionFields
        questions={category.questions}
        answers={form.answers}
        errors={errors}
        onChange={(code, value) => onChange({ answers: { ...form.answers, [code]: value } })}
      />
      <NatureField value={form.nature} onChange={(nature) => onChange({ nature })} />
      <PlaceFields
        form={form}
        compounds={props.compounds}
        errors={errors}
        // A visit belongs to one compound: choosing another drops it.
        onChange={(patch) => onChange('compoundId' in patch ? { ...patch, visitId: null } : patch)}
      />
      <CivicPhotoField
        label={t('civic.report.photos')}
        value={form.photos}
        onChange={(photos) => onChange({ photos })}
        onBusyChange={setUploading}
        testId="civic-report-photos"
      />
      {category.anonymousAllowed ? (
        <AnonymousField value={form.anonymous} onChange={(value) => onChange({ anonymous: value })} />
      ) : null}
      {props.failure ? (
        <div className="form-error" role="alert" data-testid="civic-report-error">
          {props.failure}
        </div>
      ) : null}
      <Button
        block
        type="submit"
        color="primary"
        size="large"
        loading={props.sending}
        disabled={uploading > 0}
        data-testid="civic-report-submit"
      >
        {uploading > 0 ? t('civic.report.waitUpload') : t('civic.report.submit')}
      </Button>
    </form>
  );
}
