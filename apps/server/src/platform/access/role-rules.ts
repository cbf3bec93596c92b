import { isAdminRole, type Role, SCOPE_KIND_BY_ROLE, type ScopeKind } from '@linli/contracts';

/**
 * 三权分立 (SEC-9): an account holds at most one of the three administrator roles. The same administrator role
 * over a second scope is not a conflict; a different one is.
 */
export function adminRoleConflict(held: readonly Role[], adding: Role): Role | undefined {
  if (!isAdminRole(adding)) return undefined;
  return held.find((role) => isAdminRole(role) && role !== adding);
}

/** Each role is assigned on one kind of scope object (a county admin on an org node, a grid worker on a grid). */
export const scopeKindFits = (role: Role, kind: ScopeKind): boolean => SCOPE_KIND_BY_ROLE[role] === kind;
