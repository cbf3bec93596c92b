import type { Role, UnitKind } from '@linli/contracts';
import { DAY_MS } from '../../platform/clock.ts';
import { demoNames } from '../demo-names.ts';
import { RowBuffer } from './bulk-insert.ts';
import { type AccountScope, accountRows, addAccount, loadPeople, type Person } from './scale-accounts.ts';
import { phaseStreams, type ScaleContext } from './scale-context.ts';
import type { ScaleCompound, ScalePlaces } from './scale-places.ts';

/** Who works where: the account that acts for each grid, compound, community and organ on the timelines. */
export interface StaffDirectory {
  gridWorker(gridId: string): Person;
  committeeAdmin(orgId: string): Person;
  /** The nearest dispatcher over a compound: its branch secretary, else its community's committee. */
  dispatcher(compound: ScaleCompound): Person;
  /** Staff of a lead unit: a property company's handler, a grid's worker, a branch's secretary, an org's admin. */
  unitStaff(unit: { kind: UnitKind; id: string }, compound: ScaleCompound): Person;
}

/**
 * One account per office that acts on 民情: a grid worker per grid, a handler (property company staff) and a
 * branch secretary per compound, a committee administrator per community, town and organ branch — except where
 * the demo county already has one (its first compound's accounts act there, so their inboxes are real). The
 * accounts have no password: nobody signs in with them; they are who the events say acted.
 */
export async function generateStaff(ctx: ScaleContext, places: ScalePlaces): Promise<StaffDirectory> {
  const { random, ids } = phaseStreams(ctx, 'staff');
  const names = demoNames(random);
  const people = await loadPeople(ctx.db);
  const buffer = new RowBuffer(['app_user', 'role_assignment']);
  const serials = new Map<Role, number>();
  const ensure = (role: Role, scope: AccountScope, createdMs: number): Person => {
    const known = people.get(`${role}:${scope.id}`);
    if (known) return known;
    const serial = (serials.get(role) ?? 0) + 1;
    serials.set(role, serial);
    const displayName = names.person();
    const rows = accountRows(ids, {
      atMs: createdMs + DAY_MS,
      username: `${role.replaceAll('_', '-')}-${String(serial).padStart(5, '0')}`,
      displayName,
      phone: null,
      role,
      scope,
      createdBy: null,
    });
    addAccount(buffer, rows);
    const person = { userId: String(rows.user.id), name: displayName, role };
    people.set(`${role}:${scope.id}`, person);
    return person;
  };
  const setUpMs = ctx.span.startMs - 60 * DAY_MS;
  for (const org of [...places.towns, ...places.communities, ...places.organs]) {
    ensure('committee_admin', { kind: 'org', id: org.id, path: org.path }, setUpMs);
  }
  for (const compound of places.compounds) {
    const scope: AccountScope = { kind: 'compound', id: compound.id, path: compound.path };
    ensure('handler', scope, compound.createdMs);
    if (compound.branch) ensure('branch_secretary', scope, compound.createdMs);
    for (const grid of compound.grids) {
      ensure('grid_worker', { kind: 'grid', id: grid.id, path: grid.path }, compound.createdMs);
    }
  }
  const phase = ctx.progress.phase('staff accounts', buffer.size);
  const written = buffer.size;
  await ctx.db.transaction().execute((trx) => buffer.flush(trx, ctx.dialect));
  phase.advance(written);
  phase.end();

  return directoryOf(people);
}

function directoryOf(people: ReadonlyMap<string, Person>): StaffDirectory {
  const get = (role: Role, scopeId: string): Person => {
    const person = people.get(`${role}:${scopeId}`);
    if (!person) throw new Error(`nobody holds ${role} on ${scopeId}`);
    return person;
  };
  return {
    gridWorker: (gridId) => get('grid_worker', gridId),
    committeeAdmin: (orgId) => get('committee_admin', orgId),
    dispatcher: (compound) =>
      compound.branch ? get('branch_secretary', compound.id) : get('committee_admin', compound.communityId),
    unitStaff: (unit, compound) => {
      switch (unit.kind) {
        case 'property_company':
          return get('handler', compound.id);
        case 'grid':
          return get('grid_worker', unit.id);
        case 'branch':
          return get('branch_secretary', compound.id);
        case 'org':
          return get('committee_admin', unit.id);
      }
    },
  };
}
