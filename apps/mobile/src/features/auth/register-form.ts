import { type PublicCompound, type RegisterBody, RegisterBodySchema } from '@linli/contracts';
import type { TFunction } from 'i18next';

export type RegisterForm = {
  phone: string;
  code: string;
  displayName: string;
  compound: PublicCompound | null;
  building: string;
  unit: string;
  room: string;
};
export type RegisterField = Exclude<keyof RegisterForm, 'compound'> | 'compoundId';
export type RegisterErrors = Partial<Record<RegisterField, string>>;

export const emptyRegisterForm: RegisterForm = {
  phone: '',
  code: '',
  displayName: '',
  compound: null,
  building: '',
  unit: '',
  room: '',
};

const FIELDS: readonly RegisterField[] = ['phone', 'code', 'displayName', 'compoundId', 'building', 'unit', 'room'];
const isField = (key: unknown): key is RegisterField => FIELDS.some((field) => field === key);

const toBody = (form: RegisterForm) => ({
  phone: form.phone.trim(),
  code: form.code.trim(),
  displayName: form.displayName,
  compoundId: form.compound?.id ?? '',
  building: form.building,
  unit: form.unit.trim() === '' ? undefined : form.unit,
  room: form.room,
});

/** A friendly message per field; the limits themselves come from `RegisterBodySchema`. */
const messageFor = (t: TFunction, field: RegisterField, tooLongMax: number | null): string => {
  const labels = {
    displayName: t('register.name'),
    building: t('register.building'),
    unit: t('register.unit'),
    room: t('register.room'),
  } as const;
  switch (field) {
    case 'phone':
      return t('validation.phone');
    case 'code':
      return t('validation.otp');
    case 'compoundId':
      return t('validation.compound');
    default:
      return tooLongMax === null
        ? t('validation.required', { field: labels[field] })
        : t('validation.tooLong', { field: labels[field], max: tooLongMax });
  }
};

/** Checks the form with the contract's own schema; returns the body to send, or the errors to show. */
export const validateRegisterForm = (
  t: TFunction,
  form: RegisterForm,
): { body: RegisterBody; errors: null } | { body: null; errors: RegisterErrors } => {
  const parsed = RegisterBodySchema.safeParse(toBody(form));
  if (parsed.success) return { body: parsed.data, errors: null };
  const errors: RegisterErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (!isField(field) || errors[field]) continue;
    const max = issue.code === 'too_big' ? Number(issue.maximum) : null;
    errors[field] = messageFor(t, field, max);
  }
  return { body: null, errors };
};
