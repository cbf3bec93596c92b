import { Button, Selector } from 'antd-mobile';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompoundSearchPopup } from '../../../components/CompoundSearchPopup.tsx';
import { TextField } from '../../../components/TextField.tsx';
import type { Scope } from '../../session/scopes.ts';
import { type CaseForm, type FormErrors, type PickedLocation, PLACE_PART_MAX } from './case-form.ts';

type PlacePatch = Partial<Pick<CaseForm, 'compoundId' | 'compoundName' | 'building' | 'unit' | 'room' | 'location'>>;

type Props = {
  form: CaseForm;
  /** The user's own compounds (where they live, or the grids they work): offered first, one tap each. */
  compounds: readonly Scope[];
  errors: FormErrors;
  onChange: (patch: PlacePatch) => void;
};

/** The phone can only give a position over HTTPS (or on localhost); elsewhere the button is not offered. */
const canLocate = (): boolean =>
  typeof navigator !== 'undefined' && 'geolocation' in navigator && window.isSecureContext;

function LocationField({
  value,
  onChange,
}: {
  value: PickedLocation | null;
  onChange: (next: PickedLocation | null) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  if (!canLocate()) return null;
  const locate = () => {
    setBusy(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setBusy(false);
        const { longitude, latitude, accuracy } = position.coords;
        onChange({ lng: longitude, lat: latitude, accuracy: Math.round(accuracy) });
      },
      // Refused or unavailable: the place is still given by compound, building and room, so say nothing.
      () => setBusy(false),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return (
    <div className="field">
      <span className="field-label">{t('civic.report.location')}</span>
      {value ? (
        <div className="civic-located">
          <span data-testid="civic-report-located">{t('civic.report.located', { metres: value.accuracy })}</span>
          <button type="button" className="text-button" onClick={() => onChange(null)}>
            {t('civic.report.removeLocation')}
          </button>
        </div>
      ) : (
        <Button fill="outline" size="large" onClick={locate} loading={busy} data-testid="civic-report-locate">
          {busy ? t('civic.report.locating') : t('civic.report.useLocation')}
        </Button>
      )}
    </div>
  );
}

/** 地点: the compound (my own preselected), building / unit / room, and optionally the phone's position. */
export function PlaceFields({ form, compounds, errors, onChange }: Props) {
  const { t } = useTranslation();
  const labelId = useId();
  const [searching, setSearching] = useState(false);
  const known = compounds.some((compound) => compound.id === form.compoundId);
  const options = [
    ...compounds.map((compound) => ({ value: compound.id, label: compound.name })),
    ...(form.compoundId && !known ? [{ value: form.compoundId, label: form.compoundName ?? '' }] : []),
  ];
  return (
    <>
      <div className={`field${errors.compoundId ? ' field-invalid' : ''}`}>
        <span className="field-label" id={labelId}>
          {t('civic.report.compound')}
        </span>
        {options.length > 0 ? (
          <Selector
            className="filter civic-choice"
            columns={1}
            options={options}
            value={form.compoundId ? [form.compoundId] : []}
            onChange={(values) => {
              const id = values[0];
              const picked = options.find((option) => option.value === id);
              if (id && picked) onChange({ compoundId: id, compoundName: picked.label });
            }}
            aria-labelledby={labelId}
            data-testid="civic-report-compound"
          />
        ) : null}
        <button
          type="button"
          className={options.length > 0 ? 'text-button' : 'field-input field-picker field-picker-empty'}
          onClick={() => setSearching(true)}
          data-testid="civic-report-compound-search"
        >
          <span className="field-picker-text">
            {options.length > 0 ? t('civic.report.otherCompound') : t('civic.report.compoundPlaceholder')}
          </span>
        </button>
        {errors.compoundId ? (
          <div className="field-error" role="alert">
            {errors.compoundId}
          </div>
        ) : null}
      </div>
      <div className="field-group">
        {(['building', 'unit', 'room'] as const).map((part) => (
          <TextField
            key={part}
            id={`civic-place-${part}`}
            testId={`civic-report-${part}`}
            label={t(`civic.place.${part}`)}
            placeholder={t('civic.report.detailPlaceholder')}
            maxLength={PLACE_PART_MAX}
            value={form[part]}
            onChange={(event) => onChange({ [part]: event.target.value })}
            error={errors[part]}
          />
        ))}
      </div>
      <LocationField value={form.location} onChange={(location) => onChange({ location })} />
      <CompoundSearchPopup
        visible={searching}
        onClose={() => setSearching(false)}
        onPick={(compound) => {
          onChange({ compoundId: compound.id, compoundName: compound.name });
          setSearching(false);
        }}
        labels={{
          title: t('civic.report.compoundSearchTitle'),
          search: t('civic.report.compoundSearch'),
          empty: t('civic.report.compoundEmpty'),
        }}
        ids={{
          input: 'civic-compound-search',
          inputTestId: 'civic-compound-search',
          optionTestId: 'civic-compound-option',
        }}
      />
    </>
  );
}
