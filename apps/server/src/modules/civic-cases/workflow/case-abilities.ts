import type { CivicCaseAction, CivicCaseKind, CivicCaseStatus } from '@linli/contracts';
import type { CivicCaseTable } from '../../../db/schema-civic.ts';
import { DAY_MS } from '../../../platform/clock.ts';
import { toBool } from '../../../platform/sql-helpers.ts';
import { actionsFrom, type CaseRelation, TRANSITIONS } from './civic-case-status.ts';

/** What the rules need to know of a case and of how the user stands to it. Pure data: no I/O. */
export interface AbilityInput {
  status: CivicCaseStatus;
  relations: ReadonlySet<CaseRelation>;
  pendingRequest: 'extension' | 'deferral' | null;
  anonymous: boolean;
  contactedAt: string | null;
  ratedAt: string | null;
  closedAt: string | null;
  now: Date;
  reopenWindowDays: number;
  /** Both kinds run the same loop; a dispute's sessions and agreement live beside it (mediation routes). */
  kind: CivicCaseKind;
}

/**
 * Why an action may not be taken now, or null when it may:
 * - `transition`: the table has no edge from the status, or the case's own state rules it out (no pending request
 *   to decide, one already pending, an anonymous reporter to contact, already rated) → 409;
 * - `forbidden`: the edge exists but none of the user's relations may take it → 403;
 * - `reopen_window`: a reporter's reopen after the configured window → 409 REOPEN_WINDOW_PASSED.
 */
export type Refusal = 'transition' | 'forbidden' | 'reopen_window';

const edgesOf = (status: CivicCaseStatus, action: CivicCaseAction) =>
  TRANSITIONS.filter((t) => t.action === action && t.from.includes(status));

/** The case's own state that rules an action out whoever asks (checked after the table, before the relation). */
function stateAllows(input: AbilityInput, action: CivicCaseAction): boolean {
  switch (action) {
    case 'decide_request':
      return input.pendingRequest !== null;
    case 'request_extension':
    case 'request_deferral':
      return input.pendingRequest === null;
    // An anonymous case stores nobody to call; the first contact is the one the response rate counts.
    case 'contact':
      return !input.anonymous && input.contactedAt === null;
    // One return visit per closure: a case reopened and closed again is rated afresh.
    case 'rate':
      return input.ratedAt === null || (input.closedAt !== null && input.ratedAt < input.closedAt);
    default:
      return true;
  }
}

const withinReopenWindow = (input: AbilityInput): boolean =>
  input.closedAt !== null &&
  input.now.getTime() <= new Date(input.closedAt).getTime() + input.reopenWindowDays * DAY_MS;

/**
 * The one authority on whether this user may take `action` now: the transition table from the status, the
 * case's state, then the user's relations. The action service throws on its answer and `caseAbilities` lists
 * the actions it lets through, so the buttons a user sees are exactly the actions the server accepts.
 */
export function refusalOf(input: AbilityInput, action: CivicCaseAction): Refusal | null {
  const edges = edgesOf(input.status, action);
  if (edges.length === 0 || !stateAllows(input, action)) return 'transition';
  const allowed = edges.some((edge) => edge.by.some((relation) => input.relations.has(relation)));
  if (!allowed) return 'forbidden';
  // A dispatcher may reopen any time (a return visit found it unsolved); a reporter only within the window.
  if (action === 'reopen' && !input.relations.has('dispatcher') && !withinReopenWindow(input)) {
    return 'reopen_window';
  }
  return null;
}

/** `{ [action]: true }` for every action the user may take on the case now (the detail's `abilities`). */
export function caseAbilities(input: AbilityInput): Partial<Record<CivicCaseAction, boolean>> {
  const abilities: Partial<Record<CivicCaseAction, boolean>> = {};
  for (const action of actionsFrom(input.status)) {
    if (refusalOf(input, action) === null) abilities[action] = true;
  }
  return abilities;
}

/** The columns of `civic_case` the rules read. */
export type AbilityRow = Pick<
  CivicCaseTable,
  'status' | 'pending_request' | 'anonymous' | 'contacted_at' | 'rated_at' | 'closed_at' | 'kind'
>;

/** Builds the rules' input from a case row, the user's relations, the clock and the metric settings' window. */
export const abilityInputOf = (
  row: AbilityRow,
  relations: ReadonlySet<CaseRelation>,
  now: Date,
  reopenWindowDays: number,
): AbilityInput => ({
  status: row.status,
  relations,
  pendingRequest: row.pending_request,
  anonymous: toBool(row.anonymous),
  contactedAt: row.contacted_at,
  ratedAt: row.rated_at,
  closedAt: row.closed_at,
  now,
  reopenWindowDays,
  kind: row.kind,
});
