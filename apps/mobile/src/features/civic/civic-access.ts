import type { Me, Permission } from '@linli/contracts';
import { roleHasPermission } from '@linli/contracts';
import { type Scope, scopesWith } from '../session/scopes.ts';

const holds = (me: Me, permission: Permission): boolean =>
  me.roles.some((assignment) => roleHasPermission(assignment.role, permission));

/** 我要反映 / 我的事项: residents, members, owners' and supervisory committee members (`civic_case.report`). */
export const canReport = (me: Me): boolean => holds(me, 'civic_case.report');

/** 待办事项: whoever signs for and handles dispatched cases, or verifies handled ones. */
export const canWorkCases = (me: Me): boolean => holds(me, 'civic_case.handle') || holds(me, 'civic_case.verify');

/** 代办上报: grid workers and branch staff filing on a resident's behalf (`civic_case.file`). */
export const canFile = (me: Me): boolean => holds(me, 'civic_case.file');

/** Staff who open a case through `/civic-cases/:id` (the full detail) rather than the reporter's view. */
export const readsCasesAsStaff = (me: Me): boolean =>
  canWorkCases(me) || holds(me, 'civic_case.read') || holds(me, 'civic_case.dispatch');

/** The compounds the user reports for: where they live (resident, member, committee roles). */
export const reportCompounds = (me: Me): Scope[] => scopesWith(me, 'compound', 'civic_case.report');

/** Compound-scoped filing rights (branch secretaries and committee members). */
export const fileCompounds = (me: Me): Scope[] => scopesWith(me, 'compound', 'civic_case.file');

/** Grids the user files from (a grid worker's grids; their compounds are looked up). */
export const fileGrids = (me: Me): Scope[] => scopesWith(me, 'grid', 'civic_case.file');

/**
 * Where a notification's link leads on the H5: `/civic-cases/<id>` opens the staff detail for staff and the
 * reporter's view for everyone else; other links have no page here.
 */
export const notificationTarget = (me: Me, link: string | null): string | null => {
  const match = link ? /^\/civic-cases\/([^/?#]+)/.exec(link) : null;
  const id = match?.[1];
  if (!id) return null;
  return readsCasesAsStaff(me) ? `/civic/cases/${id}` : `/civic/mine/${id}`;
};
