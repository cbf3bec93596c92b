import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { type ApiError, isApiError } from '../api/http.ts';

/** The part of a zod issue the console reads (structural, so the app needs no direct zod import). */
export type IssueLike = {
  code: string;
  message: string;
  path: PropertyKey[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
  expected?: string;
};
export type SafeParser = {
  safeParse(value: unknown): { success: true; data?: unknown } | { success: false; error: { issues: IssueLike[] } };
};

/** Custom messages the contracts (and the server's own checks) put on their refinements and regexes. */
const KNOWN_MESSAGES = [
  'phone',
  'username',
  'gridCode',
  'termSecretary',
  'termDates',
  'totp',
  'otp',
  'required',
  'idNumber',
  'fullMemberOnRequired',
  'fullMemberOnOrder',
  'fullMemberOnProbationary',
  'memberPlace',
  'memberBranch',
  'memberHousehold',
  'dateInFuture',
  'joinedBeforeBirth',
  'xlsxRequired',
  'fileRequired',
  'revealReason',
  'searchByPost',
  'workUnitPartyOrg',
] as const;
type KnownMessage = (typeof KNOWN_MESSAGES)[number];
const isKnown = (m: string): m is KnownMessage => (KNOWN_MESSAGES as readonly string[]).includes(m);

/** A zod issue as a sentence in the UI language, using the contract's limits. */
export const issueMessage = (issue: IssueLike, t: TFunction): string => {
  if (isKnown(issue.message)) return t(`common.validation.${issue.message}`);
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return min <= 1 ? t('common.validation.required') : t('common.validation.tooShort', { min });
      if (issue.origin === 'array') return t('common.validation.tooFewItems', { min });
      return t('common.validation.min', { min });
    case 'too_big':
      if (issue.origin === 'string') return t('common.validation.tooLong', { max });
      if (issue.origin === 'array') return t('common.validation.tooManyItems', { max });
      return t('common.validation.max', { max });
    case 'invalid_type':
      return issue.expected === 'int' ? t('common.validation.integer') : t('common.validation.required');
    default:
      return t('common.validation.invalid');
  }
};

const blankToUndefined = (v: unknown): unknown => (v === '' || v === null ? undefined : v);

/** An antd rule that checks one field against its contract schema (e.g. `CreateGridBodySchema.shape.code`). */
export const contractRule = (schema: SafeParser, t: TFunction): Rule => ({
  validator: async (_rule, value: unknown) => {
    // Blank is the required rule's business (or allowed for optional fields); this rule checks what was typed.
    const input = blankToUndefined(typeof value === 'string' ? value.trim() : value);
    if (input === undefined) return;
    const result = schema.safeParse(input);
    if (!result.success) {
      const first = result.error.issues[0];
      throw new Error(first ? issueMessage(first, t) : t('common.validation.invalid'));
    }
  },
});

/**
 * A required field, for any value type (antd's own `whitespace` check would force the string type on numbers).
 * Blank text, an empty list, null and undefined count as missing.
 */
export const requiredRule = (t: TFunction): Rule => ({
  required: true,
  validator: async (_rule, value: unknown) => {
    const missing =
      value === undefined ||
      value === null ||
      (typeof value === 'string' && value.trim() === '') ||
      (Array.isArray(value) && value.length === 0);
    if (missing) throw new Error(t('common.validation.required'));
  },
});

export type NamePath = (string | number)[];

/**
 * Puts contract issues (from a whole-body `safeParse`) on the form's fields. `mapPath` turns a body path into a
 * form field path (or null to skip). Returns the issues that found no field.
 */
export const applyIssues = <I extends { path: PropertyKey[]; message: string }>(
  form: FormInstance,
  issues: readonly I[],
  toMessage: (issue: I) => string,
  mapPath: (path: NamePath) => NamePath | null = (p) => p,
): string[] => {
  const unplaced: string[] = [];
  const fields: { name: NamePath; errors: string[] }[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    const name = path.length > 0 ? mapPath(path) : null;
    if (name && name.length > 0) fields.push({ name, errors: [toMessage(issue)] });
    else unplaced.push(toMessage(issue));
  }
  if (fields.length > 0) form.setFields(fields);
  return unplaced;
};

/** A server field message: a known message key in the UI language, else the server's own words. */
export const serverIssueMessage = (message: string, t: TFunction): string =>
  isKnown(message) ? t(`common.validation.${message}`) : message;

/** Server field errors (`400 VALIDATION_FAILED`, `details.issues`) on the form's fields. */
export const applyServerErrors = (
  form: FormInstance,
  error: unknown,
  t: TFunction,
  mapPath?: (path: NamePath) => NamePath | null,
): ApiError | null => {
  if (!isApiError(error)) return null;
  if (error.code === 'VALIDATION_FAILED') {
    applyIssues(form, error.fieldIssues, (i) => serverIssueMessage(i.message, t), mapPath);
  }
  return error;
};
