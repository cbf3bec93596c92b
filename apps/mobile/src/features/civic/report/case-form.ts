import {
  type CaseAnswers,
  type CaseNature,
  type CategoryQuestion,
  type CivicCategory,
  type FileCivicCaseBody,
  FileCivicCaseBodySchema,
  type SubmitCivicCaseBody,
  SubmitCivicCaseBodySchema,
  type Urgency,
} from '@linli/contracts';
import type { TFunction } from 'i18next';
import type { UploadedPhoto } from '../shared/CivicPhotoField.tsx';

const shape = SubmitCivicCaseBodySchema.shape;
const placeShape = shape.place.shape;
export const TITLE_MAX = shape.title.maxLength ?? 60;
export const DESCRIPTION_MAX = shape.description.maxLength ?? 4000;
export const PLACE_PART_MAX = placeShape.building.unwrap().maxLength ?? 20;
export const REPORTER_NAME_MAX = FileCivicCaseBodySchema.shape.reporterName.unwrap().maxLength ?? 40;
const PHONE = /^1[3-9]\d{9}$/;
const ANSWER_TEXT_MAX = 2000;

/** The channels a grid worker files from on the phone (a meeting's resolutions are filed in the console). */
export const FILE_CHANNELS = ['proxy', 'visit', 'reception', 'hotline', 'suggestion_box'] as const;
export type FileChannel = (typeof FILE_CHANNELS)[number];

/** 我要反映 (the resident's own report) or 代办上报 (staff filing for someone). */
export type FormMode = 'report' | 'file';

/** A point from the phone's GPS (WGS-84, what the server stores) and how precise it is. */
export type PickedLocation = { lng: number; lat: number; accuracy: number };

/** Raw answers as typed: text for string/number/datetime/text/single lists, an array for multi-value lists. */
export type RawAnswers = Record<string, string | string[]>;

/** Everything the form holds; also what a draft keeps on the phone (photo ids only, never image bytes). */
export type CaseForm = {
  categoryId: string | null;
  title: string;
  /** Whether the user typed the title; until then it follows the category's name. */
  titleEdited: boolean;
  description: string;
  nature: CaseNature;
  compoundId: string | null;
  compoundName: string | null;
  building: string;
  unit: string;
  room: string;
  location: PickedLocation | null;
  answers: RawAnswers;
  photos: UploadedPhoto[];
  anonymous: boolean;
  channel: FileChannel;
  /** The 走访 record a `visit` filing comes from. */
  visitId: string | null;
  urgency: Urgency | null;
  reporterName: string;
  reporterPhone: string;
};

export const emptyForm = (compound: { id: string; name: string } | null): CaseForm => ({
  categoryId: null,
  title: '',
  titleEdited: false,
  description: '',
  nature: 'help',
  compoundId: compound?.id ?? null,
  compoundName: compound?.name ?? null,
  building: '',
  unit: '',
  room: '',
  location: null,
  answers: {},
  photos: [],
  anonymous: false,
  channel: 'proxy',
  visitId: null,
  urgency: null,
  reporterName: '',
  reporterPhone: '',
});

/** Field errors keyed by the form's field names; extra questions as `answers.<code>`. */
export type FormErrors = Record<string, string>;

const optional = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

const answerValue = (question: CategoryQuestion, raw: string | string[] | undefined) => {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) return raw.length > 0 ? raw : undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  if (question.type === 'number') return Number(text);
  if (question.type === 'datetime') {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? text : at.toISOString();
  }
  return text;
};

/** Only the current category's questions, in the shapes the contract takes (numbers as numbers, times as ISO). */
const toAnswers = (category: CivicCategory, raw: RawAnswers): CaseAnswers => {
  const answers: CaseAnswers = {};
  for (const question of category.questions) {
    const value = answerValue(question, raw[question.code]);
    if (value !== undefined) answers[question.code] = value;
  }
  return answers;
};

const toPlace = (form: CaseForm): SubmitCivicCaseBody['place'] => {
  const place: SubmitCivicCaseBody['place'] = { compoundId: form.compoundId ?? '' };
  const building = optional(form.building);
  const unit = optional(form.unit);
  const room = optional(form.room);
  if (building) place.building = building;
  if (unit) place.unit = unit;
  if (room) place.room = room;
  if (form.location) place.location = { lng: form.location.lng, lat: form.location.lat };
  return place;
};

export const toSubmitBody = (form: CaseForm, category: CivicCategory): SubmitCivicCaseBody => ({
  categoryId: category.id,
  title: form.title.trim(),
  description: form.description.trim(),
  nature: form.nature,
  place: toPlace(form),
  answers: toAnswers(category, form.answers),
  photoIds: form.photos.map((photo) => photo.id),
  anonymous: category.anonymousAllowed && form.anonymous,
});

export const toFileBody = (form: CaseForm, category: CivicCategory): FileCivicCaseBody => {
  const body: FileCivicCaseBody = { ...toSubmitBody(form, category), channel: form.channel };
  if (form.urgency) body.urgency = form.urgency;
  if (form.channel === 'visit' && form.visitId) body.visitId = form.visitId;
  if (!body.anonymous) {
    const name = optional(form.reporterName);
    const phone = optional(form.reporterPhone);
    if (name) body.reporterName = name;
    if (phone) body.reporterPhone = phone;
  }
  return body;
};

const questionError = (t: TFunction, question: CategoryQuestion, raw: string | string[] | undefined) => {
  const empty = raw === undefined || (Array.isArray(raw) ? raw.length === 0 : raw.trim() === '');
  const isList = question.type === 'singlevaluelist' || question.type === 'multivaluelist';
  if (empty) {
    if (!question.required) return undefined;
    return isList
      ? t('civic.report.requiredChoice', { field: question.label })
      : t('civic.report.required', { field: question.label });
  }
  if (typeof raw !== 'string') return undefined;
  if (question.type === 'number' && !Number.isFinite(Number(raw.trim()))) return t('civic.report.numberInvalid');
  if (raw.length > ANSWER_TEXT_MAX) return t('civic.report.tooLong', { field: question.label, max: ANSWER_TEXT_MAX });
  return undefined;
};

const lengthError = (t: TFunction, value: string, field: string, max: number, required: boolean) => {
  const length = value.trim().length;
  if (required && length === 0) return t('civic.report.required', { field });
  if (length > max) return t('civic.report.tooLong', { field, max });
  return undefined;
};

/** The contract's limits and the category's required questions, said in plain words before anything is sent. */
export const checkForm = (t: TFunction, form: CaseForm, category: CivicCategory, mode: FormMode): FormErrors => {
  const errors: FormErrors = {};
  const put = (key: string, message: string | undefined) => {
    if (message) errors[key] = message;
  };
  put('title', lengthError(t, form.title, t('civic.report.titleLabel'), TITLE_MAX, true));
  put('description', lengthError(t, form.description, t('civic.report.description'), DESCRIPTION_MAX, true));
  if (!form.compoundId) put('compoundId', t('civic.report.compoundRequired'));
  for (const key of ['building', 'unit', 'room'] as const) {
    put(key, lengthError(t, form[key], t(`civic.place.${key}`), PLACE_PART_MAX, false));
  }
  for (const question of category.questions) {
    put(`answers.${question.code}`, questionError(t, question, form.answers[question.code]));
  }
  if (mode === 'file' && form.channel === 'visit' && !form.visitId) put('visitId', t('civic.report.visitRequired'));
  if (mode === 'file' && !(category.anonymousAllowed && form.anonymous)) {
    put('reporterName', lengthError(t, form.reporterName, t('civic.report.reporterName'), REPORTER_NAME_MAX, false));
    const phone = form.reporterPhone.trim();
    if (phone !== '' && !PHONE.test(phone)) put('reporterPhone', t('civic.report.phoneInvalid'));
  }
  return errors;
};

/** Field keys of a `400 VALIDATION_FAILED` (`place.building` → `building`, `answers.x` kept whole). */
export const fieldKeyOf = (path: string): string => {
  if (path.startsWith('place.')) return path.slice('place.'.length).split('.')[0] ?? path;
  if (path.startsWith('answers.')) return path.split('.').slice(0, 2).join('.');
  return path.split('.')[0] ?? path;
};
