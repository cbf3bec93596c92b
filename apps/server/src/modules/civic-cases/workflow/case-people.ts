import { type Permission, type Role, roleHasPermission } from '@linli/contracts';
import type { Actor } from '../../../platform/context.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { nearestHolders, UNIT_ROLES, usersOfUnit } from '../case-units.ts';
import type { CaseRow } from './action-types.ts';
import type { CaseRelation } from './civic-case-status.ts';

export const dispatchersOf = (trx: Trx, row: CaseRow) => nearestHolders(trx, 'civic_case.dispatch', row.path);
export const verifiersOf = (trx: Trx, row: CaseRow) => nearestHolders(trx, 'civic_case.verify', row.path);

/** The lead unit's staff, or nobody while the case has no unit. */
export const unitUsersOf = async (trx: Trx, row: Pick<CaseRow, 'unit_kind' | 'unit_path'>): Promise<string[]> =>
  row.unit_kind && row.unit_path ? usersOfUnit(trx, { kind: row.unit_kind, path: row.unit_path }) : [];

/** The reporter to tell, never for an anonymous case (nobody is stored, PI-8). */
export const reporterOf = (row: CaseRow): string[] =>
  row.anonymous === 0 && row.reporter_user_id ? [row.reporter_user_id] : [];

/** True when an assignment at `scopePath` covers the case's place or its lead unit. */
export const coversCase = (row: Pick<CaseRow, 'path' | 'unit_path'>, scopePath: string): boolean =>
  row.path.startsWith(scopePath) || (row.unit_path?.startsWith(scopePath) ?? false);

const RELATION_PERMISSION: Partial<Record<CaseRelation, Permission>> = {
  dispatcher: 'civic_case.dispatch',
  verifier: 'civic_case.verify',
  supervisor: 'civic_case.supervise',
  reader: 'civic_case.read',
};

/**
 * The role the timeline shows for the actor: the role of the assignment that gave them the relation they acted
 * in (a grid worker verifying, a branch secretary dispatching), `reporter` for the reporter.
 */
export function actingRole(actor: Actor, relation: CaseRelation, row: CaseRow): string {
  if (relation === 'reporter') return 'reporter';
  const fits = (role: Role): boolean => {
    if (relation === 'handler') return row.unit_kind !== null && UNIT_ROLES[row.unit_kind].includes(role);
    const permission = RELATION_PERMISSION[relation];
    return permission !== undefined && roleHasPermission(role, permission);
  };
  const assignment = actor.assignments.find((a) => fits(a.role) && coversCase(row, a.scopePath));
  return assignment?.role ?? actor.assignments[0]?.role ?? relation;
}
