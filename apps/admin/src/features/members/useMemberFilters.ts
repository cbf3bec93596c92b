import {
  EMPLOYMENTS,
  isFullPiSearch,
  MEMBER_FLAGS,
  MEMBER_STATUSES,
  type MemberSearchBody,
  REPORT_IN_STATUSES,
} from '@linli/contracts';
import { useState } from 'react';
import { useSearchParams } from 'react-router';

/** The roster's filters and sort, as the search body takes them (without paging). */
export type MemberFilters = Omit<MemberSearchBody, 'cursor' | 'limit'>;

const pick = <T extends string>(values: readonly T[], v: string | null): T | undefined => values.find((x) => x === v);

const ID_KEYS = ['branchId', 'compoundId', 'workUnitId'] as const;

/**
 * Filters live in the URL, so going back from a member keeps them — except a search for a whole phone or ID
 * number, which must never appear in a URL (WEB-7) and is kept in memory only.
 */
export const useMemberFilters = (): [MemberFilters, (f: MemberFilters) => void] => {
  const [params, setParams] = useSearchParams();
  const [piSearch, setPiSearch] = useState<string | undefined>(undefined);
  const urlQ = params.get('q') ?? undefined;
  const filters: MemberFilters = {
    q: piSearch ?? (urlQ && !isFullPiSearch(urlQ) ? urlQ : undefined),
    status: pick(MEMBER_STATUSES, params.get('status')),
    employment: pick(EMPLOYMENTS, params.get('employment')),
    reportIn: pick(REPORT_IN_STATUSES, params.get('reportIn')),
    flag: pick(MEMBER_FLAGS, params.get('flag')),
    sort: params.get('sort') === 'joinedOn' ? 'joinedOn' : 'name',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
  };
  for (const key of ID_KEYS) {
    const v = params.get(key);
    if (v) filters[key] = v;
  }
  const set = (f: MemberFilters) => {
    const q = f.q?.trim() || undefined;
    const pi = q !== undefined && isFullPiSearch(q);
    setPiSearch(pi ? q : undefined);
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...f, q: pi ? undefined : q })) {
      if (typeof v === 'string' && v !== '') next.set(k, v);
    }
    if (next.get('sort') === 'name') next.delete('sort');
    if (next.get('order') === 'asc') next.delete('order');
    setParams(next, { replace: true });
  };
  return [filters, set];
};

/** The filter an export applies: the list's, when its search may travel in a URL (else null). */
export const exportFilterOf = (f: MemberFilters): MemberFilters | null => (f.q && isFullPiSearch(f.q) ? null : f);
