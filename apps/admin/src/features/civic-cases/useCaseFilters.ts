import {
  CIVIC_CASE_KINDS,
  CIVIC_CASE_STATUSES,
  type CivicCaseStatus,
  INTAKE_CHANNELS,
  URGENCIES,
} from '@linli/contracts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CivicCaseFilters } from '../../api/civicCases.ts';

export type CaseView = 'all' | 'inbox' | 'supervision';
export type CaseSort = 'deadline' | 'created' | 'updated';

const pick = <T extends string>(values: readonly T[], v: string | null): T | undefined => values.find((x) => x === v);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID_KEYS = ['categoryId', 'compoundId', 'gridId', 'orgId', 'unitId'] as const;

/** The statuses of a `status=a,b` list that the contract knows, in a stable order. */
export const parseStatuses = (v: string | null | undefined): CivicCaseStatus[] => {
  const wanted = new Set((v ?? '').split(','));
  return CIVIC_CASE_STATUSES.filter((s) => wanted.has(s));
};

/** Reads the case centre's filters from query parameters (the URL or a saved view), ignoring what it does not know. */
export const filtersFromParams = (params: URLSearchParams): CivicCaseFilters => {
  const statuses = parseStatuses(params.get('status'));
  const from = params.get('from');
  const to = params.get('to');
  const q = params.get('q')?.trim();
  const f: CivicCaseFilters = {
    view: pick(['all', 'inbox', 'supervision'] as const, params.get('view')) ?? 'all',
    status: statuses.length > 0 ? statuses.join(',') : undefined,
    urgency: pick(URGENCIES, params.get('urgency')),
    channel: pick(INTAKE_CHANNELS, params.get('channel')),
    kind: pick(CIVIC_CASE_KINDS, params.get('kind')),
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    from: from && DATE.test(from) ? from : undefined,
    to: to && DATE.test(to) ? to : undefined,
    q: q ? q.slice(0, 50) : undefined,
    sort: pick(['deadline', 'created', 'updated'] as const, params.get('sort')) ?? 'created',
    order: params.get('order') === 'asc' ? 'asc' : 'desc',
  };
  for (const key of ID_KEYS) {
    const v = params.get(key);
    if (v) f[key] = v;
  }
  return f;
};

/** The filters as query parameters, leaving out blanks and the defaults (all, created, desc). */
export const filtersToRecord = (f: CivicCaseFilters): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (typeof v === 'string' && v !== '') out[k] = v;
  }
  if (out.view === 'all') delete out.view;
  if (out.sort === 'created') delete out.sort;
  if (out.order === 'desc') delete out.order;
  return out;
};

/** The case centre's filters live in the URL: going back from a case keeps them, and links can open a filtered list. */
export const useCaseFilters = (): [CivicCaseFilters, (f: CivicCaseFilters) => void] => {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised params are the identity of the filters
  const filters = useMemo(() => filtersFromParams(params), [key]);
  const set = useCallback(
    (f: CivicCaseFilters) => setParams(new URLSearchParams(filtersToRecord(f)), { replace: true }),
    [setParams],
  );
  return [filters, set];
};
