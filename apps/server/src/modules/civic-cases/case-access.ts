import { roleHasPermission, type UnitKind } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import { can, inScope } from '../../platform/access/authorize.ts';
import type { Actor } from '../../platform/context.ts';
import { pathStartsWith, sqlFalse } from '../../platform/sql-helpers.ts';
import { actorInUnit, UNIT_ROLES } from './case-units.ts';
import type { CaseRelation } from './workflow/civic-case-status.ts';

/** What access control needs of a case: where it is, who answers for it, who reported it. */
export interface CaseAccessFacts {
  path: string;
  unit_kind: UnitKind | null;
  unit_path: string | null;
  reporter_user_id: string | null;
  assists: { unit_kind: UnitKind; unit_path: string }[];
}

/**
 * How the actor stands to a case. Place-based relations come from scope over the case's path; `handler` only
 * from staffing the lead unit (assisting units read and comment, the lead signs and answers — 首接负责).
 * A property company never reads a case through its compound, only through its unit (PI-9).
 */
export function caseRelations(actor: Actor | null, facts: CaseAccessFacts): Set<CaseRelation> {
  const relations = new Set<CaseRelation>();
  if (!actor) return relations;
  const place = { path: facts.path };
  if (can(actor, 'civic_case.dispatch', place)) relations.add('dispatcher');
  if (can(actor, 'civic_case.verify', place)) relations.add('verifier');
  if (
    can(actor, 'civic_case.supervise', place) ||
    (facts.unit_path !== null && can(actor, 'civic_case.supervise', { path: facts.unit_path }))
  ) {
    relations.add('supervisor');
  }
  if (facts.unit_kind && facts.unit_path && actorInUnit(actor, { kind: facts.unit_kind, path: facts.unit_path })) {
    relations.add('handler');
  }
  if (facts.reporter_user_id !== null && facts.reporter_user_id === actor.userId) relations.add('reporter');
  const assisting = facts.assists.some((a) => actorInUnit(actor, { kind: a.unit_kind, path: a.unit_path }));
  if (relations.size > 0 || assisting || can(actor, 'civic_case.read', place)) relations.add('reader');
  return relations;
}

/**
 * The lead-unit half of visibility in SQL: cases whose unit is of a kind the actor staffs and lies under the
 * assignment's scope. `table` is the alias whose `unit_kind` / `unit_path` columns to test.
 */
export function unitCasesFilter(actor: Actor, table: string): Expression<SqlBool> {
  const parts = actor.assignments
    .filter((a) => roleHasPermission(a.role, 'civic_case.handle'))
    .flatMap((a) =>
      (Object.keys(UNIT_ROLES) as UnitKind[])
        .filter((kind) => UNIT_ROLES[kind].includes(a.role))
        .map(
          (kind) =>
            sql<SqlBool>`(${sql.ref(`${table}.unit_kind`)} = ${kind} AND ${pathStartsWith(`${table}.unit_path`, a.scopePath)})`,
        ),
    );
  if (parts.length === 0) return sqlFalse();
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/**
 * Every case a staff user may list: by place (`civic_case.read`), by supervising the place or the unit, as the
 * lead unit, or as an assisting unit. The SQL twin of `caseRelations(...).has('reader')` for staff.
 */
export function visibleCasesFilter(actor: Actor): Expression<SqlBool> {
  const assisting = unitCasesFilter(actor, 'a');
  return sql<SqlBool>`(${inScope(actor, 'civic_case.read', 'civic_case.path')}
    OR ${inScope(actor, 'civic_case.supervise', 'civic_case.unit_path')}
    OR ${unitCasesFilter(actor, 'civic_case')}
    OR EXISTS (SELECT 1 FROM civic_case_assist a WHERE a.case_id = civic_case.id AND ${assisting}))`;
}
