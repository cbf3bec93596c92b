import type { Supervision } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import type { Trx } from '../../../platform/transaction.ts';

/** Supervision records with their case's number, title and lead unit, and the supervising level's name. */
export const selectSupervisions = (db: Db | Trx) =>
  db
    .selectFrom('civic_supervision as s')
    .innerJoin('civic_case as c', 'c.id', 's.case_id')
    .innerJoin('org_unit as o', 'o.id', 's.level_org_id')
    .select([
      's.id',
      's.case_id',
      's.kind',
      's.level_org_id',
      's.level_path',
      's.unit_kind',
      's.unit_id',
      's.unit_name',
      's.reason',
      's.status',
      's.due_at',
      's.answer',
      's.answered_at',
      's.created_at',
      'o.name as level_name',
      'c.number as case_number',
      'c.title as case_title',
      'c.path as case_path',
      'c.status as case_status',
      'c.unit_kind as case_unit_kind',
      'c.unit_path as case_unit_path',
    ]);

export type SupervisionRow = Awaited<ReturnType<ReturnType<typeof selectSupervisions>['executeTakeFirstOrThrow']>>;

/** The `Supervision` DTO; the unit is the one the record was raised against (the case's may have changed since). */
export const toSupervision = (r: SupervisionRow): Supervision => ({
  id: r.id,
  caseId: r.case_id,
  caseNumber: r.case_number,
  caseTitle: r.case_title,
  kind: r.kind,
  level: { id: r.level_org_id, name: r.level_name },
  unit: r.unit_kind && r.unit_id ? { kind: r.unit_kind, id: r.unit_id, name: r.unit_name ?? '' } : null,
  reason: r.reason,
  status: r.status,
  dueAt: r.due_at,
  answer: r.answer,
  answeredAt: r.answered_at,
  createdAt: r.created_at,
});
