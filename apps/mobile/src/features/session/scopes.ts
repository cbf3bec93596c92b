import { type Me, type Permission, roleHasPermission, type ScopeKind } from '@linli/contracts';

export type Scope = { id: string; name: string };

/** Distinct scopes of one kind on which the user holds `permission` (scope names as the server gave them). */
export const scopesWith = (me: Me, kind: ScopeKind, permission: Permission): Scope[] => {
  const seen = new Map<string, Scope>();
  for (const assignment of me.roles) {
    if (assignment.scopeKind !== kind || !roleHasPermission(assignment.role, permission)) continue;
    if (!seen.has(assignment.scopeId))
      seen.set(assignment.scopeId, { id: assignment.scopeId, name: assignment.scopeName });
  }
  return [...seen.values()];
};

/** 我的小区: compounds the user's compound-scoped roles may read. */
export const compoundScopes = (me: Me): Scope[] => scopesWith(me, 'compound', 'compound.read');

/** 我的网格: the grids a grid worker is assigned to. */
export const gridScopes = (me: Me): Scope[] => scopesWith(me, 'grid', 'grid.read');

/** 住户认领审核: `/resident-claims` needs `compound.write` (branch secretaries; committee and county admins too). */
export const canReviewClaims = (me: Me): boolean =>
  me.roles.some((assignment) => roleHasPermission(assignment.role, 'compound.write'));

/** Compounds to filter the claim list by, when the reviewer holds compound-scoped write roles. */
export const claimCompoundScopes = (me: Me): Scope[] => scopesWith(me, 'compound', 'compound.write');
