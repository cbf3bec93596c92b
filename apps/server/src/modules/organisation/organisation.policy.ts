import type { Abilities, OrgKind, UpdateAbilities } from '@linli/contracts';
import { can, type Scoped } from '../../platform/access/authorize.ts';
import type { Actor } from '../../platform/context.ts';
import { allowedChildKinds } from './org-kinds.ts';

export interface OrgNodeFacts {
  path: string;
  kind: OrgKind;
  compoundId: string | null;
  /** The parent's path, or null for a root. */
  parentPath: string | null;
  /** No child nodes, compounds, grids, zones, units, venues, terms or assignments below it. */
  isEmpty: boolean;
}

/**
 * What the caller may do next with an org node. Moving and deleting also need write access on the parent: an
 * admin cannot pull their own scope root out from under themselves. A compound's branch follows its compound,
 * so it is neither moved nor deleted through the tree.
 */
export function orgUnitAbilities(actor: Actor | null, node: OrgNodeFacts): Abilities {
  const canWrite = can(actor, 'org.write', node);
  const canWriteParent = node.parentPath !== null && can(actor, 'org.write', { path: node.parentPath });
  const detachable = canWrite && canWriteParent && node.compoundId === null;
  return {
    update: canWrite,
    move: detachable,
    delete: detachable && node.isEmpty,
    createChild: canWrite && allowedChildKinds(node.kind).length > 0,
  };
}

/** What the caller may do next with a compound: edit it and its parties, add grids and venues. */
export function compoundAbilities(actor: Actor | null, compound: { path: string }): Abilities {
  const canWrite = can(actor, 'compound.write', compound);
  return {
    update: canWrite,
    editParties: canWrite,
    createGrid: can(actor, 'grid.write', compound),
    createVenue: canWrite,
  };
}

/** A grid is edited (renamed, moved between compounds) by whoever holds `grid.write` over it. */
export function gridAbilities(actor: Actor | null, grid: Scoped): UpdateAbilities {
  return { update: can(actor, 'grid.write', grid) };
}

/**
 * A duty zone hangs under its holder, so `org.write` over the zone is `org.write` over the holder; handing it to
 * another holder additionally needs write access there, which only the PATCH itself can check.
 */
export function dutyZoneAbilities(actor: Actor | null, zone: Scoped): UpdateAbilities {
  return { update: can(actor, 'org.write', zone) };
}

/**
 * A partner unit is edited where it was registered (`org.write` over its path): the branch secretary of a
 * compound it supports reads it but does not edit it.
 */
export function partnerUnitAbilities(actor: Actor | null, unit: Scoped): UpdateAbilities {
  return { update: can(actor, 'org.write', unit) };
}

/** A venue belongs to its compound: `compound.write` there, as for creating it. */
export function venueAbilities(actor: Actor | null, venue: Scoped): UpdateAbilities {
  return { update: can(actor, 'compound.write', venue) };
}

/** A branch committee term is recorded by whoever holds `org.write` over the branch (not its own secretary). */
export function branchTermAbilities(actor: Actor | null, term: Scoped): UpdateAbilities {
  return { update: can(actor, 'org.write', term) };
}
