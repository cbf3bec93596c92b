import { type CaseAnswers, CaseAnswersSchema } from '@linli/contracts';
import { badRequest } from './open311-errors.ts';

/** A form body as sent: every name with all its values, in order (repeated names are how lists travel). */
export type FormFields = Record<string, string[]>;

/** A record without a prototype, so a field named `__proto__` is only a field. */
const bare = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** `application/x-www-form-urlencoded` (UTF-8) into fields; `+` is a space, as the format defines. */
export function parseForm(body: string): FormFields {
  const fields = bare<string[]>();
  for (const [name, value] of new URLSearchParams(body)) {
    const values = fields[name] ?? [];
    values.push(value);
    fields[name] = values;
  }
  return fields;
}

/** A parsed body (our form parser's fields, or JSON sent anyway): flat strings, numbers or lists of strings. */
export function fieldsOfBody(body: unknown): FormFields {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('Send the arguments as application/x-www-form-urlencoded.');
  }
  const fields = bare<string[]>();
  for (const [name, value] of Object.entries(body)) {
    const values = Array.isArray(value) ? value : [value];
    fields[name] = values.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
  }
  return fields;
}

/** The arguments of POST requests (GeoReport v2), trimmed; an empty argument counts as absent (spec §2.1). */
export interface CreateArgs {
  apiKey?: string | undefined;
  serviceCode?: string | undefined;
  lat?: string | undefined;
  long?: string | undefined;
  addressString?: string | undefined;
  addressId?: string | undefined;
  description?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
  mediaUrl?: string | undefined;
  answers: CaseAnswers;
}

const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;

/**
 * `attribute[CODE]=v` answers a question; `attribute[CODE][]=v1&attribute[CODE][]=v2` (or the plain name
 * repeated) answers a multi-value list. Whether the values fit the question is `createCase`'s check.
 */
export function readAttributes(fields: FormFields): CaseAnswers {
  const collected = new Map<string, { values: string[]; listed: boolean }>();
  for (const [name, values] of Object.entries(fields)) {
    const match = ATTRIBUTE.exec(name);
    if (!match?.[1]) continue;
    const entry = collected.get(match[1]) ?? { values: [], listed: false };
    entry.values.push(...values.map((v) => v.trim()).filter((v) => v !== ''));
    entry.listed ||= match[2] !== undefined || values.length > 1;
    collected.set(match[1], entry);
  }
  const answers = bare<string | string[]>();
  for (const [code, { values, listed }] of collected) {
    if (values.length === 0) continue;
    answers[code] = listed ? values : (values[0] ?? '');
  }
  const parsed = CaseAnswersSchema.safeParse(answers);
  if (!parsed.success) {
    const code = String(parsed.error.issues[0]?.path[0] ?? '');
    throw badRequest(`attribute[${code}] is invalid (unknown code, or a value too long).`);
  }
  return parsed.data;
}

/** The POST arguments we use; `jurisdiction_id`, `device_id` and `account_id` are not kept (one jurisdiction, PI). */
export function readCreateArgs(fields: FormFields): CreateArgs {
  const one = (name: string): string | undefined => {
    const value = fields[name]?.[0]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  return {
    apiKey: one('api_key'),
    serviceCode: one('service_code'),
    lat: one('lat'),
    long: one('long'),
    addressString: one('address_string'),
    addressId: one('address_id'),
    description: one('description'),
    firstName: one('first_name'),
    lastName: one('last_name'),
    phone: one('phone'),
    email: one('email'),
    mediaUrl: one('media_url'),
    answers: readAttributes(fields),
  };
}
