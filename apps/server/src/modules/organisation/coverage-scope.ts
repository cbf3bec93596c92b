import { SCOPE_KINDS } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import { assignmentsWith } from '../../platform/access/authorize.ts';
import type { Actor, ActorAssignment } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { depthOf } from './compound-branch.ts';
import { findCompoundRef } from './compound-lookup.ts';
import { findGridRow } from './grid.repository.ts';
import type { OrgUnitRow } from './org-unit.repository.ts';
import { getOrgUnitRow } from './org-unit.service.ts';

/** What a coverage figure counts (compounds below `countedPath`) and how the answer names it. */
export interface CoverageScope {
  orgId: string;
  orgName: string;
  scopeName: string;
  countedPath: string;
}

/**
 * The caller's widest `org.read` assignment: the shallowest scope; on a tie an org scope before a compound
 * before a grid, then by path, so the same caller always gets the same default.
 */
export function widestReadAssignment(actor: Actor): ActorAssignment | undefined {
  const kindRank = (a: ActorAssignment) => SCOPE_KINDS.indexOf(a.scopeKind);
  return [...assignmentsWith(actor, 'org.read')].sort(
    (a, b) =>
      depthOf(a.scopePath) - depthOf(b.scopePath) ||
      kindRank(a) - kindRank(b) ||
      (a.scopePath < b.scopePath ? -1 : a.scopePath > b.scopePath ? 1 : 0),
  )[0];
}

/** One compound alone, named by the community (or town) node it belongs to. */
async function compoundScope(db: Db, compoundId: string): Promise<CoverageScope> {
  const compound = await findCompoundRef(db, compoundId);
  if (!compound) throw notFound('compound');
  return { orgId: compound.orgId, orgName: compound.orgName, scopeName: compound.name, countedPath: compound.path };
}

/**
 * An org node's subtree. A compound's branch sits below its compound's path, so what it covers is its own
 * compound: counting from the branch's path would find nothing.
 */
export async function orgScope(db: Db, org: OrgUnitRow): Promise<CoverageScope> {
  if (org.compound_id === null) {
    return { orgId: org.id, orgName: org.name, scopeName: org.name, countedPath: org.path };
  }
  const compound = await compoundScope(db, org.compound_id);
  return { ...compound, orgId: org.id, orgName: org.name };
}

/**
 * A grid inside a compound covers that compound. A grid drawn on a community has no compound below its own
 * path, so it counts what lies there — nothing — and is named by the grid and its community.
 */
async function gridScope(db: Db, gridId: string): Promise<CoverageScope> {
  const grid = await findGridRow(db, gridId);
  if (!grid) throw notFound('grid');
  if (grid.compound_id !== null) return compoundScope(db, grid.compound_id);
  return { orgId: grid.org_id, orgName: grid.org_name, scopeName: grid.name, countedPath: grid.path };
}

/** Where a caller's coverage starts without an `orgId`: the scope of their widest `org.read` assignment. */
export async function defaultCoverageScope(db: Db, actor: Actor): Promise<CoverageScope> {
  const assignment = widestReadAssignment(actor);
  if (!assignment) throw notFound('org_unit');
  switch (assignment.scopeKind) {
    case 'org':
      return orgScope(db, await getOrgUnitRow(db, assignment.scopeId));
    case 'compound':
      return compoundScope(db, assignment.scopeId);
    case 'grid':
      return gridScope(db, assignment.scopeId);
  }
}
