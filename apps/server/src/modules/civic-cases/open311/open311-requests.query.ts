import { DAY_MS } from '../../../platform/clock.ts';
import { badRequest } from './open311-errors.ts';
import { parseW3c } from './open311-format.ts';

export const MAX_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;
const MAX_IDS = 200;

/** GET requests' filters after the spec's rules: ids override everything, else a window of at most 90 days. */
export type RequestFilters =
  | { kind: 'ids'; numbers: string[]; page: number; pageSize: number }
  | {
      kind: 'window';
      serviceCodes: string[] | undefined;
      from: string;
      to: string;
      statuses: ('open' | 'closed')[] | undefined;
      page: number;
      pageSize: number;
    };

/** A query argument as text: the first value of a repeated one; empty is absent (spec §2.1). */
function arg(query: Record<string, unknown>, name: string): string | undefined {
  const raw = query[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

const commaList = (text: string | undefined): string[] | undefined => {
  if (text === undefined) return undefined;
  const items = [...new Set(text.split(',').map((s) => s.trim()))].filter((s) => s !== '');
  return items.length > 0 ? items : undefined;
};

function positive(text: string | undefined, name: string, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw badRequest(`${name} must be a positive integer.`);
  return Math.min(value, max);
}

function dateArg(query: Record<string, unknown>, name: string): Date | undefined {
  const text = arg(query, name);
  if (text === undefined) return undefined;
  const date = parseW3c(text);
  if (!date) throw badRequest(`${name} must be an ISO 8601 datetime with a time zone, e.g. 2026-11-27T10:00:00+08:00.`);
  return date;
}

/**
 * The window: both ends as given (at most 90 days apart); one end alone spans 90 days from it; neither is the
 * last 90 days. `end_date` before `start_date`, or a wider span, is a 400.
 */
function windowOf(query: Record<string, unknown>, now: Date): { from: string; to: string } {
  const start = dateArg(query, 'start_date');
  const end = dateArg(query, 'end_date');
  const span = MAX_SPAN_DAYS * DAY_MS;
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  const from = start ?? new Date(to.getTime() - span);
  if (to.getTime() < from.getTime()) throw badRequest('end_date is before start_date.');
  if (to.getTime() - from.getTime() > span) throw badRequest('start_date and end_date may not span more than 90 days.');
  return { from: from.toISOString(), to: to.toISOString() };
}

function statusesOf(text: string | undefined): ('open' | 'closed')[] | undefined {
  const items = commaList(text);
  if (!items) return undefined;
  const bad = items.find((s) => s !== 'open' && s !== 'closed');
  if (bad !== undefined) throw badRequest('status must be open, closed, or both (comma-separated).');
  return items as ('open' | 'closed')[];
}

/** GET requests' query string as filters, with the common `page`/`page_size` extension (page size ≤ 1,000). */
export function readRequestFilters(query: Record<string, unknown>, now: Date): RequestFilters {
  const page = positive(arg(query, 'page'), 'page', 1, 1_000_000);
  const pageSize = positive(arg(query, 'page_size'), 'page_size', MAX_REQUESTS, MAX_REQUESTS);
  const numbers = commaList(arg(query, 'service_request_id'));
  if (numbers) {
    if (numbers.length > MAX_IDS) throw badRequest(`service_request_id lists at most ${MAX_IDS} ids.`);
    if (numbers.some((n) => !/^[A-Za-z0-9-]{1,40}$/.test(n))) throw badRequest('service_request_id is malformed.');
    return { kind: 'ids', numbers, page, pageSize };
  }
  return {
    kind: 'window',
    serviceCodes: commaList(arg(query, 'service_code')),
    ...windowOf(query, now),
    statuses: statusesOf(arg(query, 'status')),
    page,
    pageSize,
  };
}
