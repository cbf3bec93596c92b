import type { Role, ScopeKind, UnitKind } from '@linli/contracts';
import type { Actor } from '../../platform/context.ts';

export interface DemoScopeRef {
  kind: ScopeKind;
  id: string;
  path: string;
}

/**
 * A user as the services see them, with one assignment. The seeder acts through the real use cases (so every
 * case, event, deadline and counter is what the loop itself would have written); for staff of places without a
 * demo account it acts as the seeding account under a name that says which office did the work.
 */
export const demoActor = (userId: string, displayName: string, role: Role, scope: DemoScopeRef): Actor => ({
  userId,
  displayName,
  sessionId: 'demo-seed',
  isStaff: role !== 'resident' && role !== 'member',
  assignments: [
    { id: `demo-${role}-${scope.id}`, role, scopeKind: scope.kind, scopeId: scope.id, scopePath: scope.path },
  ],
});

/** The role that staffs a unit of each kind, as the demo acts for it. */
export const UNIT_ACTING_ROLE: Record<UnitKind, Role> = {
  property_company: 'handler',
  grid: 'grid_worker',
  branch: 'branch_secretary',
  org: 'committee_admin',
};

/** The scope kind a unit's acting role is assigned on. */
export const UNIT_SCOPE_KIND: Record<UnitKind, ScopeKind> = {
  property_company: 'compound',
  grid: 'grid',
  branch: 'compound',
  org: 'org',
};
