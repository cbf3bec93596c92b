import type { PublicCompound } from '@linli/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompoundSearchPopup } from '../../components/CompoundSearchPopup.tsx';

type Props = {
  value: PublicCompound | null;
  onChange: (compound: PublicCompound) => void;
  error?: string | undefined;
};

/** 所在小区: a field that opens a searchable list (`GET /public/compounds?q=`, no sign-in needed). */
export function CompoundPicker({ value, onChange, error }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor="reg-compound">
        {t('register.compound')}
      </label>
      <button
        type="button"
        id="reg-compound"
        className={`field-input field-picker${value ? '' : ' field-picker-empty'}`}
        data-testid="h5-reg-compound"
        aria-invalid={error ? true : undefined}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        <span className="field-picker-text">{value ? value.name : t('register.compoundPlaceholder')}</span>
        {value ? <span className="field-picker-sub">{value.orgName}</span> : null}
      </button>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
      <CompoundSearchPopup
        visible={open}
        onClose={() => setOpen(false)}
        onPick={(compound) => {
          onChange(compound);
          setOpen(false);
        }}
        labels={{
          title: t('register.compoundSearchTitle'),
          search: t('register.compoundSearch'),
          empty: t('register.compoundEmpty'),
        }}
        ids={{ input: 'compound-search', inputTestId: 'h5-compound-search', optionTestId: 'h5-compound-option' }}
      />
    </div>
  );
}
