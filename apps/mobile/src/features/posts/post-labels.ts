import type { PostArea, PostClaimStatus } from '@linli/contracts';
import type { TFunction } from 'i18next';
import { errorReason, isApiError } from '../../api/errors.ts';
import { describeError } from '../../i18n/describe-error.ts';

export const CLAIM_STATUS_COLOR = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'default',
} as const satisfies Record<PostClaimStatus, string>;

/** The responsibility area (责任区) in one line, or null when the post has none. */
export const describeArea = (t: TFunction, area: PostArea): string | null => {
  switch (area.kind) {
    case 'none':
      return null;
    case 'buildings':
      return area.buildings.join('、');
    case 'households':
      return t('posts.areaHouseholds', { count: area.householdIds.length });
    case 'duty_zone':
      return area.dutyZoneName ?? t('posts.areaDutyZone');
  }
};

/** Why a claim (of a post or a need) was refused, in the member's words rather than the bare 409. */
export const describeClaimError = (t: TFunction, error: unknown): string => {
  const reason = errorReason(error);
  if (reason === 'no_free_seat') return t('posts.errorNoFreeSeat');
  if (reason === 'post_closed') return t('posts.errorPostClosed');
  if (reason === 'need_not_open') return t('needs.errorNotOpen');
  if (isApiError(error) && error.code === 'DUPLICATE') return t('posts.errorDuplicate');
  return describeError(t, error);
};
