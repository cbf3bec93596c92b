import { useQuery } from '@tanstack/react-query';
import { errorReason, isApiError } from '../../api/errors.ts';
import { membersApi } from '../../api/members.ts';

/**
 * Query keys of the member's own data. None starts with `me`: `forgetSession` keeps the `['me']` entry only, and
 * these must go with the session.
 */
export const MY_KEYS = {
  record: ['my-member'],
  reportIns: ['my-report-ins'],
  posts: ['my-posts'],
  claims: ['my-claims'],
  needs: ['my-needs'],
  services: ['my-services'],
  badge: ['my-badge'],
} as const;

/** `/me/...` answers `404` with `details.reason: 'not_on_roster'` when the account is not on the Party roster. */
export const isNotOnRoster = (error: unknown): boolean =>
  isApiError(error) && error.status === 404 && (errorReason(error) ?? 'not_on_roster') === 'not_on_roster';

/** 我的党员档案 (`GET /me/member`): also tells the other member pages the compound and employment. */
export const useMyRecord = () =>
  useQuery({ queryKey: MY_KEYS.record, queryFn: ({ signal }) => membersApi.myRecord(signal) });
