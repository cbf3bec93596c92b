import type { CivicCaseStatus } from '@linli/contracts';
import { type Permission, ROLES, roleHasPermission, type UnitKind } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { pathPrefixes, usersOfUnit } from '../case-units.ts';
import { stepOf } from '../workflow/civic-case-status.ts';

/**
 * Active users holding a role that grants `permission`, assigned exactly on the node of `path`, else on the
 * nearest node above that has anyone — so a level's own admins hear of its 督办 and the county only when a level
 * has nobody of its own.
 */
export async function nearestHolders(db: Db | Trx, permission: Permission, path: string): Promise<string[]> {
  const roles = ROLES.filter((role) => roleHasPermission(role, permission));
  const prefixes = pathPrefixes(path);
  if (roles.length === 0 || prefixes.length === 0) return [];
  const rows = await db
    .selectFrom('role_assignment')
    .innerJoin('app_user', 'app_user.id', 'role_assignment.user_id')
    .select(['role_assignment.user_id', 'role_assignment.scope_path'])
    .where('role_assignment.role', 'in', roles)
    .where('role_assignment.scope_path', 'in', prefixes)
    .where('app_user.status', '=', 'active')
    .execute();
  for (const prefix of prefixes) {
    const here = rows.filter((r) => r.scope_path === prefix).map((r) => r.user_id);
    if (here.length > 0) return [...new Set(here)];
  }
  return [];
}

export interface AnsweringCase {
  status: CivicCaseStatus;
  path: string;
  unit_kind: UnitKind | null;
  unit_path: string | null;
}

/** True while a case is in intake (征集/归纳/受理): nobody has been dispatched, the dispatchers answer for it. */
export const inIntake = (status: CivicCaseStatus): boolean => stepOf(status) === 'accept';

/**
 * Who answers for a case's current step: the lead unit's staff once it is dispatched; during intake (no unit
 * yet) the dispatchers over its place, since it is their step that runs late.
 */
export async function responsibleUsers(db: Db | Trx, c: AnsweringCase): Promise<string[]> {
  if (!inIntake(c.status) && c.unit_kind && c.unit_path) {
    return usersOfUnit(db, { kind: c.unit_kind, path: c.unit_path });
  }
  return nearestHolders(db, 'civic_case.dispatch', c.path);
}
