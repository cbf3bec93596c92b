import type { NeedStatus, NeedStatusBody } from '@linli/contracts';

export const NEED_COLORS: Record<NeedStatus, string> = {
  open: 'blue',
  claimed: 'gold',
  done: 'green',
  cancelled: 'default',
};

type Target = NeedStatusBody['status'];

/** The status moves the branch may offer from each status (完成 / 取消 / 重新开放). */
export const NEED_MOVES = {
  open: ['done', 'cancelled'],
  claimed: ['done', 'open', 'cancelled'],
  done: ['open'],
  cancelled: ['open'],
} as const satisfies Record<NeedStatus, readonly Target[]>;

/** A due date before today on a need still to be done. */
export const isOverdue = (status: NeedStatus, dueOn: string | null, today: string): boolean =>
  dueOn !== null && dueOn < today && (status === 'open' || status === 'claimed');
