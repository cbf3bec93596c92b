import { type CaseActionBody, CaseActionBodySchema, type CaseNature, type CivicCaseAction } from '@linli/contracts';
import type { TFunction } from 'i18next';
import type { UploadedPhoto } from '../shared/CivicPhotoField.tsx';

/** The steps a handler or verifier takes on the phone, in the order the buttons show. */
export const H5_ACTIONS = [
  'sign',
  'contact',
  'start',
  'handle',
  'verify',
  'reject',
  'request_extension',
  'request_deferral',
  'resume',
  'send_back',
  'comment',
] as const satisfies readonly CivicCaseAction[];
export type H5Action = (typeof H5_ACTIONS)[number];

export const isH5Action = (action: string): action is H5Action => H5_ACTIONS.some((name) => name === action);

/** How a button looks: the step that moves the case on is the big red one; refusals are outlined red. */
export const ACTION_TONE = {
  sign: 'primary',
  contact: 'plain',
  start: 'primary',
  handle: 'primary',
  verify: 'primary',
  reject: 'danger',
  request_extension: 'plain',
  request_deferral: 'plain',
  resume: 'primary',
  send_back: 'danger',
  comment: 'plain',
} as const satisfies Record<H5Action, 'primary' | 'danger' | 'plain'>;

export const NOTE_MAX = CaseActionBodySchema.shape.publicNote.unwrap().maxLength ?? 1000;
export const REASON_MAX = CaseActionBodySchema.shape.reason.unwrap().maxLength ?? 500;
const MIN_EXTRA_MINUTES = 30;
const MAX_EXTRA_MINUTES = 60 * 24 * 60;

export type ExtensionUnit = 'hours' | 'days';

/** What the sheet of any step holds; each step reads the parts it needs. */
export type ActionForm = {
  note: string;
  reason: string;
  photos: UploadedPhoto[];
  amount: number;
  unit: ExtensionUnit;
  deferUntil: string;
  makePublic: boolean;
};

export const emptyActionForm = (tomorrow: string): ActionForm => ({
  note: '',
  reason: '',
  photos: [],
  amount: 2,
  unit: 'days',
  deferUntil: tomorrow,
  makePublic: false,
});

/** Which parts of the sheet each step shows. */
export const FIELDS = {
  sign: { note: 'public' },
  contact: { note: 'contact' },
  start: { note: 'public' },
  handle: { note: 'result', photos: 'required' },
  verify: { note: 'public', photos: 'optional' },
  reject: { reason: true, photos: 'optional' },
  request_extension: { extension: true, reason: true },
  request_deferral: { deferral: true, reason: true },
  resume: { note: 'public' },
  send_back: { reason: true },
  comment: { note: 'comment' },
} as const satisfies Record<
  H5Action,
  {
    note?: 'public' | 'contact' | 'result' | 'comment';
    reason?: true;
    photos?: 'required' | 'optional';
    extension?: true;
    deferral?: true;
  }
>;

/** A consultation or suggestion has nothing to photograph; every other result is shown with a photo. */
export const photosRequired = (action: H5Action, nature: CaseNature): boolean =>
  action === 'handle' && nature !== 'consult' && nature !== 'suggestion';

export const extraMinutesOf = (form: ActionForm): number =>
  Math.round(form.amount * (form.unit === 'days' ? 24 * 60 : 60));

const text = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const withFiles = (photos: readonly UploadedPhoto[]): Pick<CaseActionBody, 'fileIds'> =>
  photos.length > 0 ? { fileIds: photos.map((photo) => photo.id) } : {};

/** The action body for one step, with only the fields the server reads for it. */
export const toActionBody = (action: H5Action, form: ActionForm): CaseActionBody => {
  const note = text(form.note);
  const reason = text(form.reason);
  switch (action) {
    case 'sign':
    case 'start':
    case 'resume':
      return note ? { publicNote: note } : {};
    case 'contact':
      return note ? { internalNote: note } : {};
    case 'handle':
    case 'verify':
      return { ...(note ? { publicNote: note } : {}), ...withFiles(form.photos) };
    case 'reject':
      return { ...(reason ? { reason } : {}), ...withFiles(form.photos) };
    case 'send_back':
      return reason ? { reason } : {};
    case 'request_extension':
      return { extraMinutes: extraMinutesOf(form), ...(reason ? { reason } : {}) };
    case 'request_deferral':
      return { deferUntil: form.deferUntil, ...(reason ? { reason } : {}) };
    case 'comment':
      if (!note) return {};
      return form.makePublic ? { publicNote: note } : { internalNote: note };
  }
};

export type ActionErrors = Partial<Record<'note' | 'reason' | 'photos' | 'amount' | 'deferUntil', string>>;

/** Required parts of each step, said before sending. */
export const checkAction = (
  t: TFunction,
  action: H5Action,
  form: ActionForm,
  nature: CaseNature,
  today: string,
): ActionErrors => {
  const errors: ActionErrors = {};
  const fields: { note?: string; reason?: true; extension?: true; deferral?: true } = FIELDS[action];
  if ((fields.note === 'result' || fields.note === 'comment') && form.note.trim() === '') {
    errors.note = t('civic.report.required', {
      field: fields.note === 'result' ? t('civic.act.result') : t('civic.act.note'),
    });
  }
  if (fields.reason && form.reason.trim() === '') {
    errors.reason = t('civic.report.required', { field: t('civic.act.reason') });
  }
  if (photosRequired(action, nature) && form.photos.length === 0) errors.photos = t('civic.act.photosRequired');
  const minutes = extraMinutesOf(form);
  if (fields.extension && (!Number.isFinite(minutes) || minutes < MIN_EXTRA_MINUTES || minutes > MAX_EXTRA_MINUTES)) {
    errors.amount = t('civic.act.extensionInvalid');
  }
  if (fields.deferral && !(form.deferUntil > today)) errors.deferUntil = t('civic.act.deferAfterToday');
  return errors;
};
