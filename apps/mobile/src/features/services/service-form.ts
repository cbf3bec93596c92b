import { type CreateServiceRecordBody, CreateServiceRecordBodySchema } from '@linli/contracts';
import type { ImageUploadItem } from 'antd-mobile';
import type { TFunction } from 'i18next';

export const CONTENT_MIN = CreateServiceRecordBodySchema.shape.content.minLength ?? 2;
export const CONTENT_MAX = CreateServiceRecordBodySchema.shape.content.maxLength ?? 500;
export const HOURS_MIN = 0.5;
export const HOURS_MAX = 24;
export const HOURS_STEP = 0.5;

/** What the service is linked to: nothing, one of my claimed needs, or one of my approved posts. */
export type ServiceLink = 'none' | `need:${string}` | `post:${string}`;

export type ServiceForm = {
  servedOn: string;
  hours: number;
  content: string;
  link: ServiceLink;
  photos: ImageUploadItem[];
};
export type ServiceFormErrors = Partial<Record<'servedOn' | 'hours' | 'content', string>>;

/** The day a year back: older services belong in the branch's ledger, not a phone entry. */
export const earliestDay = (today: string): string => `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;

const linkPart = (link: ServiceLink): Pick<CreateServiceRecordBody, 'needId' | 'postId'> => {
  if (link.startsWith('need:')) return { needId: link.slice(5) };
  if (link.startsWith('post:')) return { postId: link.slice(5) };
  return {};
};

export const toServiceBody = (form: ServiceForm): CreateServiceRecordBody => ({
  servedOn: form.servedOn,
  hours: form.hours,
  content: form.content.trim(),
  ...linkPart(form.link),
  photoIds: form.photos.map((photo) => String(photo.key)),
});

/** Same limits as `CreateServiceRecordBodySchema`, said in plain words. */
export const checkServiceForm = (t: TFunction, form: ServiceForm, today: string): ServiceFormErrors => {
  const errors: ServiceFormErrors = {};
  if (form.servedOn > today) errors.servedOn = t('services.errorFuture');
  const steps = form.hours / HOURS_STEP;
  if (form.hours < HOURS_MIN || form.hours > HOURS_MAX || !Number.isInteger(steps)) {
    errors.hours = t('services.errorHours', { min: HOURS_MIN, max: HOURS_MAX });
  }
  const length = form.content.trim().length;
  if (length < CONTENT_MIN) errors.content = t('services.errorContent', { min: CONTENT_MIN });
  else if (length > CONTENT_MAX)
    errors.content = t('validation.tooLong', { field: t('services.content'), max: CONTENT_MAX });
  return errors;
};

export const hasErrors = (errors: ServiceFormErrors): boolean => Object.values(errors).some(Boolean);
