import type { CivicCaseStatus, UnitKind } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { nearestHolders, usersOfUnit } from '../case-units.ts';
import { stepOf } from '../workflow/civic-case-status.ts';

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
