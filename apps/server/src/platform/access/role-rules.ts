import { isAdminRole, type Role, SCOPE_KIND_BY_ROLE, type ScopeKind } from '@linli/contracts';

/**
 * 三权分立 (SEC-9): an account holds at most one of the three administrator roles, and an administrator account
 * holds no business role (there is no super-admin: the operator of accounts is not also a county admin). The same
 * role over a second scope is not a conflict.
 */
export function adminRoleConflict(held: readonly Role[], adding: Role): Role | undefined {
  return held.find((role) => role !== adding && (isAdminRole(role) || isAdminRole(adding)));
}

/** Each role is assigned on one kind of scope object (a county admin on an org node, a grid worker on a grid). */
export const scopeKindFits = (role: Role, kind: ScopeKind): boolean => SCOPE_KIND_BY_ROLE[role] === kind;
