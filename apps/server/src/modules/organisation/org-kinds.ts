import type { OrgKind } from '@linli/contracts';

/**
 * Which kinds of Party organisation may hang under which (县委 → 组织部 → 党(工)委 → 社区党组织 → 小区党支部 → 党小组).
 * One table so the rule is stated once: the create and move use cases and the `createChild` ability read it.
 * A 党委 may hold another 党委 (a town committee over a community committee); a 党小组 holds nothing.
 */
export const CHILD_KINDS = {
  county_committee: ['organization_department', 'party_committee', 'working_committee'],
  organization_department: ['party_committee', 'working_committee'],
  party_committee: ['party_committee', 'general_branch', 'branch'],
  working_committee: ['party_committee', 'general_branch', 'branch'],
  general_branch: ['branch'],
  branch: ['party_group'],
  party_group: [],
} as const satisfies Record<OrgKind, readonly OrgKind[]>;

/** Only a 县委 starts a tree; every other kind needs a parent. */
export const ROOT_KINDS: readonly OrgKind[] = ['county_committee'];

export const allowedChildKinds = (parent: OrgKind): readonly OrgKind[] => CHILD_KINDS[parent];

export const canHoldChild = (parent: OrgKind, child: OrgKind): boolean =>
  (CHILD_KINDS[parent] as readonly OrgKind[]).includes(child);
