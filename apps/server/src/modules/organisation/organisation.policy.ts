import type { Abilities, OrgKind } from '@linli/contracts';
import { can } from '../../platform/access/authorize.ts';
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
