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

const holds = (me: Me, permission: Permission): boolean =>
  me.roles.some((assignment) => roleHasPermission(assignment.role, permission));

/** 党员 self-service (`/me/member`, 报到, 岗位, 需求, 服务, 亮身份): the member role (`member.self`). */
export const isMember = (me: Me): boolean => holds(me, 'member.self');

/** 评价服务: services done for a household are rated by its residents (the resident role). */
export const isResident = (me: Me): boolean => me.roles.some((assignment) => assignment.role === 'resident');

/** 报到确认 on the phone: `report_in.manage` (branch secretaries and committee members; committee and county admins). */
export const canConfirmReportIns = (me: Me): boolean => holds(me, 'report_in.manage');

/** 岗位认领审批 on the phone: `post.manage` (branch secretaries; committee and county admins). */
export const canDecidePostClaims = (me: Me): boolean => holds(me, 'post.manage');

/** The 审批 tile: either of the two lists above. */
export const canApprove = (me: Me): boolean => canConfirmReportIns(me) || canDecidePostClaims(me);
