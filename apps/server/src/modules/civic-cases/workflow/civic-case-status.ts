import type { CivicCaseAction, CivicCaseStatus, SlaStep } from '@linli/contracts';

/**
 * The 民情 state machine: one table, no I/O. A service asks `transitionFor(status, action, variant)` and gets the
 * next status and who may take the step, or undefined when the table has no such edge (→ 409).
 *
 * Who may act is a relation between the user and the case, decided in `case-access.ts`:
 * - `dispatcher`: 受理员 / 派遣员 / 值班长 over the case's place (`civic_case.dispatch`);
 * - `handler`: staff of the lead unit the case is dispatched to (`civic_case.handle`);
 * - `verifier`: 核查 over the case's place (`civic_case.verify`);
 * - `reporter`: the resident who reported it (never for an anonymous case: nobody is stored);
 * - `reader`: anyone who may open the case;
 * - `supervisor`: 督办 over the case's place or its unit (`civic_case.supervise`).
 */
export type CaseRelation = 'dispatcher' | 'handler' | 'verifier' | 'reporter' | 'reader' | 'supervisor';

/** Variants of one action that lead to different states (granting a deferral parks the case). */
export type TransitionVariant = 'grant_deferral';

export interface Transition {
  action: CivicCaseAction;
  variant?: TransitionVariant;
  from: readonly CivicCaseStatus[];
  /** `same`: the action records something without moving the case. */
  to: CivicCaseStatus | 'same';
  by: readonly CaseRelation[];
}

const INTAKE: readonly CivicCaseStatus[] = ['submitted', 'triaged', 'accepted'];
const WORKING: readonly CivicCaseStatus[] = ['signed', 'in_progress', 'rework'];
/** Every status in which the loop is still running. */
export const OPEN_STATUSES: readonly CivicCaseStatus[] = [
  'submitted',
  'triaged',
  'accepted',
  'dispatched',
  'signed',
  'in_progress',
  'deferred',
  'rework',
  'handled',
  'verified',
];
export const END_STATUSES: readonly CivicCaseStatus[] = ['closed', 'voided'];

export const TRANSITIONS: readonly Transition[] = [
  // 归纳 / 受理 / 作废
  { action: 'triage', from: ['submitted', 'triaged'], to: 'triaged', by: ['dispatcher'] },
  { action: 'accept', from: ['submitted', 'triaged'], to: 'accepted', by: ['dispatcher'] },
  { action: 'void', from: INTAKE, to: 'voided', by: ['dispatcher'] },
  { action: 'merge', from: INTAKE, to: 'voided', by: ['dispatcher'] },
  // 派遣: the lead unit may hand it back (退回) when it is not theirs; the dispatcher may send it elsewhere (改派).
  { action: 'dispatch', from: ['accepted'], to: 'dispatched', by: ['dispatcher'] },
  { action: 'send_back', from: ['dispatched'], to: 'accepted', by: ['handler'] },
  { action: 'reassign', from: ['dispatched', ...WORKING], to: 'dispatched', by: ['dispatcher'] },
  // 签收, contacting the reporter, 处理
  { action: 'sign', from: ['dispatched'], to: 'signed', by: ['handler'] },
  { action: 'contact', from: [...WORKING, 'deferred'], to: 'same', by: ['handler'] },
  { action: 'start', from: ['signed', 'rework'], to: 'in_progress', by: ['handler'] },
  // 延期 / 挂账: requested by the unit, granted or refused by the dispatcher.
  { action: 'request_extension', from: WORKING, to: 'same', by: ['handler'] },
  { action: 'request_deferral', from: WORKING, to: 'same', by: ['handler'] },
  { action: 'decide_request', from: WORKING, to: 'same', by: ['dispatcher'] },
  { action: 'decide_request', variant: 'grant_deferral', from: WORKING, to: 'deferred', by: ['dispatcher'] },
  { action: 'resume', from: ['deferred'], to: 'in_progress', by: ['handler', 'dispatcher'] },
  // 处理反馈 → 核查 → 结案 / 返工
  { action: 'handle', from: WORKING, to: 'handled', by: ['handler'] },
  { action: 'verify', from: ['handled'], to: 'verified', by: ['verifier'] },
  { action: 'reject', from: ['handled'], to: 'rework', by: ['verifier'] },
  { action: 'close', from: ['verified'], to: 'closed', by: ['dispatcher'] },
  // 回访: the reporter (or staff on a return visit) rates; a dissatisfied rating or a reopen sends it back.
  { action: 'rate', from: ['closed'], to: 'same', by: ['reporter', 'dispatcher'] },
  { action: 'reopen', from: ['closed'], to: 'rework', by: ['reporter', 'dispatcher'] },
  // Notes and 督办 at any open step.
  { action: 'comment', from: OPEN_STATUSES, to: 'same', by: ['reader'] },
  { action: 'supervise', from: OPEN_STATUSES, to: 'same', by: ['supervisor'] },
];

/** The table's edge for an action taken from a status, or undefined when there is none. */
export function transitionFor(
  status: CivicCaseStatus,
  action: CivicCaseAction,
  variant?: TransitionVariant,
): (Transition & { next: CivicCaseStatus }) | undefined {
  const edge = TRANSITIONS.find(
    (t) => t.action === action && (t.variant ?? undefined) === variant && t.from.includes(status),
  );
  return edge ? { ...edge, next: edge.to === 'same' ? status : edge.to } : undefined;
}

/** The actions the table allows from a status (before asking who the user is). */
export const actionsFrom = (status: CivicCaseStatus): CivicCaseAction[] => [
  ...new Set(TRANSITIONS.filter((t) => t.from.includes(status)).map((t) => t.action)),
];

/**
 * The timed step a status is in. Intake (until dispatch) runs on the accept limit; sign-for and handling run from
 * dispatch; verification from the handler's feedback. A deferred case's clock is stopped.
 */
export function stepOf(status: CivicCaseStatus): SlaStep | null {
  switch (status) {
    case 'submitted':
    case 'triaged':
    case 'accepted':
      return 'accept';
    case 'dispatched':
      return 'sign';
    case 'signed':
    case 'in_progress':
    case 'rework':
      return 'handle';
    case 'handled':
      return 'verify';
    case 'deferred':
    case 'verified':
    case 'closed':
    case 'voided':
      return null;
  }
}

export const isOpenStatus = (status: CivicCaseStatus): boolean => OPEN_STATUSES.includes(status);
