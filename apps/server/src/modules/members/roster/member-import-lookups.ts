import type { MemberImportError } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { can, inScope } from '../../../platform/access/authorize.ts';
import type { Actor } from '../../../platform/context.ts';
import type { ImportRow } from './member-import-rows.ts';
import { MEMBERSHIP_ORG_KINDS, type MemberPlaces, type PlaceRef } from './member-places.ts';

/**
 * Branch, compound and work-unit names as an import resolves them: branches and compounds only within the
 * importer's `member.write` scope (a name outside it reads as unknown, so nothing leaks about other places).
 */
export interface ImportLookups {
  branches: Map<string, PlaceRef[]>;
  compounds: Map<string, PlaceRef[]>;
  workUnits: Map<string, string>;
  /** Unknown work units are created (by the importer's `work_unit.write`) instead of refused. */
  mayCreateWorkUnits: boolean;
}

const byName = (rows: Array<PlaceRef & { name: string }>): Map<string, PlaceRef[]> => {
  const map = new Map<string, PlaceRef[]>();
  for (const { name, id, path } of rows) map.set(name, [...(map.get(name) ?? []), { id, path }]);
  return map;
};

export async function loadImportLookups(db: Db, actor: Actor): Promise<ImportLookups> {
  const branches = await db
    .selectFrom('org_unit')
    .select(['id', 'path', 'name'])
    .where('kind', 'in', [...MEMBERSHIP_ORG_KINDS])
    .where(inScope(actor, 'member.write', 'path'))
    .execute();
  const compounds = await db
    .selectFrom('compound')
    .select(['id', 'path', 'name'])
    .where(inScope(actor, 'member.write', 'path'))
    .execute();
  const units = await db.selectFrom('work_unit').select(['id', 'name']).execute();
  return {
    branches: byName(branches),
    compounds: byName(compounds),
    workUnits: new Map(units.map((u) => [u.name, u.id])),
    mayCreateWorkUnits: can(actor, 'work_unit.write'),
  };
}

/**
 * The row's branch and compound by name. Two places of one name are told apart by the other column (the branch
 * inside the named compound); otherwise the row is ambiguous.
 */
export function resolveRowPlaces(
  row: ImportRow,
  lookups: ImportLookups,
  errors: MemberImportError[],
): MemberPlaces | undefined {
  const before = errors.length;
  let compound: PlaceRef | null = null;
  if (row.compoundName) {
    const found = lookups.compounds.get(row.compoundName) ?? [];
    if (found.length === 0) errors.push({ row: row.row, column: '居住小区', code: 'unknownCompound' });
    else if (found.length > 1) errors.push({ row: row.row, column: '居住小区', code: 'ambiguousCompound' });
    else compound = found[0] ?? null;
  }
  let branch: PlaceRef | null = null;
  if (row.branchName) {
    const found = lookups.branches.get(row.branchName) ?? [];
    const inCompound = compound ? found.filter((b) => b.path.startsWith(compound.path)) : [];
    const candidates = found.length > 1 && inCompound.length === 1 ? inCompound : found;
    if (candidates.length === 0) errors.push({ row: row.row, column: '所在支部', code: 'unknownBranch' });
    else if (candidates.length > 1) errors.push({ row: row.row, column: '所在支部', code: 'ambiguousBranch' });
    else branch = candidates[0] ?? null;
  }
  if (row.workUnitName && !lookups.workUnits.has(row.workUnitName) && !lookups.mayCreateWorkUnits) {
    errors.push({ row: row.row, column: '工作单位', code: 'unknownWorkUnit' });
  }
  return errors.length === before ? { branch, compound } : undefined;
}
