import { DatePicker } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format.ts';
import { currentLocale } from '../i18n/index.ts';
import { FieldShell } from './FieldShell.tsx';

/** `YYYY-MM-DD` ↔ the picker's local `Date` (a calendar day has no time zone). */
const toDate = (day: string): Date => {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
};
const toDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

type Props = {
  id: string;
  label: string;
  value: string;
  min: string;
  max: string;
  onChange: (day: string) => void;
  error?: string | undefined;
  testId: string;
};

/** A date as a large field that opens the wheel picker (no typing, no future days past `max`). */
export function DateField({ id, label, value, min, max, onChange, error, testId }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <FieldShell id={id} label={label} error={error}>
      <button
        type="button"
        id={id}
        className="field-input field-picker"
        aria-haspopup="dialog"
        aria-invalid={error ? true : undefined}
        onClick={() => setOpen(true)}
        data-testid={testId}
        data-value={value}
      >
        <span className="field-picker-text">{formatDate(value, currentLocale())}</span>
      </button>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
      <DatePicker
        visible={open}
        title={label}
        value={toDate(value)}
        min={toDate(min)}
        max={toDate(max)}
        confirmText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onClose={() => setOpen(false)}
        onConfirm={(date) => onChange(toDay(date))}
      />
    </FieldShell>
  );
}
