import type { Permission, Role, UnitKind, UnitRef } from '@linli/contracts';
import { ROLES, roleHasPermission } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Trx } from '../../platform/transaction.ts';

/** A responsible unit as the loop sees it: who it is, what it is called, and where it hangs in the tree. */
export interface ResolvedUnit {
  kind: UnitKind;
  id: string;
  name: string;
  path: string;
}

/**
 * Which roles staff a unit. A property company's people hold `handler` on its compound; a grid's worker holds
 * `grid_worker` on the grid; a branch's secretary and committee hold theirs on the compound; an org unit (a
 * community, a town, a county department or an organ Party organisation) is answered for by its admins.
 */
export const UNIT_ROLES: Record<UnitKind, readonly Role[]> = {
  property_company: ['handler'],
  grid: ['grid_worker'],
  branch: ['branch_secretary', 'branch_committee'],
  org: ['committee_admin', 'county_admin'],
};

const unitNotFound = (field: string) =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path: field, message: 'unit' }] } });

/** The unit a reference names, or 400 on `field` when there is none of that kind. */
export async function resolveUnit(db: Db | Trx, ref: UnitRef, field = 'unit'): Promise<ResolvedUnit> {
  switch (ref.kind) {
    case 'property_company':
    case 'branch': {
      const party = await db
        .selectFrom('compound_party')
        .innerJoin('compound', 'compound.id', 'compound_party.compound_id')
        .select(['compound_party.name', 'compound.path'])
        .where('compound_party.id', '=', ref.id)
        .where('compound_party.kind', '=', ref.kind)
        .executeTakeFirst();
      if (!party) throw unitNotFound(field);
      return { kind: ref.kind, id: ref.id, name: party.name, path: party.path };
    }
    case 'grid': {
      const grid = await db.selectFrom('grid').select(['name', 'path']).where('id', '=', ref.id).executeTakeFirst();
      if (!grid) throw unitNotFound(field);
      return { kind: 'grid', id: ref.id, name: grid.name, path: grid.path };
    }
    case 'org': {
      const org = await db.selectFrom('org_unit').select(['name', 'path']).where('id', '=', ref.id).executeTakeFirst();
      if (!org) throw unitNotFound(field);
      return { kind: 'org', id: ref.id, name: org.name, path: org.path };
    }
  }
}

/** True when the actor staffs the unit: a handling role of its kind, assigned on the unit or above it. */
export function actorInUnit(actor: Actor | null, unit: { kind: UnitKind; path: string }): boolean {
  if (!actor) return false;
  return actor.assignments.some(
    (a) =>
      UNIT_ROLES[unit.kind].includes(a.role) &&
      roleHasPermission(a.role, 'civic_case.handle') &&
      unit.path.startsWith(a.scopePath),
  );
}

/** Every prefix of a materialised path, longest first: `/a/b/` → `/a/b/`, `/a/`. */
export const pathPrefixes = (path: string): string[] => {
  const parts = path.split('/').filter(Boolean);
  return parts.map((_, i) => `/${parts.slice(0, parts.length - i).join('/')}/`);
};

/**
 * Active users holding one of `roles`, assigned exactly on the node of `path`, else on the nearest node above that
 * has anyone: a grid's case tells its grid worker, and the county hears only of places with nobody of their own.
 */
async function nearestUsersWith(db: Db | Trx, roles: readonly Role[], path: string): Promise<string[]> {
  const prefixes = pathPrefixes(path);
  if (roles.length === 0 || prefixes.length === 0) return [];
  const rows = await db
    .selectFrom('role_assignment')
    .innerJoin('app_user', 'app_user.id', 'role_assignment.user_id')
    .select(['role_assignment.user_id', 'role_assignment.scope_path'])
    .where('role_assignment.role', 'in', [...roles])
    .where('role_assignment.scope_path', 'in', prefixes)
    .where('app_user.status', '=', 'active')
    .execute();
  for (const prefix of prefixes) {
    const here = rows.filter((r) => r.scope_path === prefix).map((r) => r.user_id);
    if (here.length > 0) return [...new Set(here)];
  }
  return [];
}

/**
 * The users to tell about a case of the unit: those assigned on the unit itself, else on the nearest level above
 * that has anyone (a county admin hears of an org unit's case only when the unit has no staff of its own).
 */
export const usersOfUnit = (db: Db | Trx, unit: { kind: UnitKind; path: string }): Promise<string[]> =>
  nearestUsersWith(db, UNIT_ROLES[unit.kind], unit.path);

/**
 * The users holding `permission` over `path` at the nearest level that has anyone — the dispatchers or verifiers
 * of a place, a supervision level's own admins.
 */
export const nearestHolders = (db: Db | Trx, permission: Permission, path: string): Promise<string[]> =>
  nearestUsersWith(
    db,
    ROLES.filter((role) => roleHasPermission(role, permission)),
    path,
  );
