import type { CivicCaseStatus, UnitKind } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { inIntake } from './supervision-people.ts';

/** The organisation that supervises (督办) a late case: where its record hangs and who is told. */
export interface SupervisionLevel {
  id: string;
  name: string;
  path: string;
}

export interface LevelCase {
  status: CivicCaseStatus;
  unit_kind: UnitKind | null;
  unit_id: string | null;
  community_id: string;
}

const orgById = (db: Db | Trx, id: string) =>
  db.selectFrom('org_unit').select(['id', 'name', 'path', 'parent_id']).where('id', '=', id).executeTakeFirst();

/**
 * The next organisation up from whoever runs late. A compound's own units (its property company, branch or a
 * grid) and a case still in intake answer to the compound's community (`compound.org_id`, kept on the case as
 * `community_id`); an org unit answers to its parent, and the top of the tree to itself (there is nobody above).
 * Undefined only when the org rows are missing.
 */
export async function supervisionLevel(db: Db | Trx, c: LevelCase): Promise<SupervisionLevel | undefined> {
  if (!inIntake(c.status) && c.unit_kind === 'org' && c.unit_id) {
    const unit = await orgById(db, c.unit_id);
    if (!unit) return undefined;
    const parent = unit.parent_id ? await orgById(db, unit.parent_id) : undefined;
    const level = parent ?? unit;
    return { id: level.id, name: level.name, path: level.path };
  }
  const community = await orgById(db, c.community_id);
  return community ? { id: community.id, name: community.name, path: community.path } : undefined;
}
