import { roleHasPermission } from '@linli/contracts';
import type { ActorAssignment } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { deadlineFrom } from '../settings/sla-deadline.ts';
import type { ActionHandler, ActionRun } from './action-types.ts';
import { caseNotice, invalidField, required } from './action-types.ts';
import { coversCase, unitUsersOf } from './case-people.ts';

/**
 * 备注 on the timeline: a public note the reporter sees, an internal note only staff see. Someone who reads the
 * case only as its reporter may not write internal notes.
 */
const comment: ActionHandler = async (run) => {
  if (!run.body.publicNote && !run.body.internalNote) throw invalidField('publicNote');
  if (run.body.internalNote && !run.staffReader) {
    throw new AppError('FORBIDDEN', { details: { field: 'internalNote' } });
  }
  return { data: {} };
};

/** The supervising level: the deepest org assignment with `civic_case.supervise` over the case or its unit. */
function supervisingLevel(run: ActionRun): ActorAssignment {
  const { row } = run;
  const [level] = run.actor.assignments
    .filter(
      (a) => a.scopeKind === 'org' && roleHasPermission(a.role, 'civic_case.supervise') && coversCase(row, a.scopePath),
    )
    .sort((a, b) => b.scopePath.length - a.scopePath.length);
  if (!level) throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.supervise' } });
  return level;
}

/** One working day to answer a manual 督办, as for an automatic one. */
const ANSWER_LIMIT = { minutes: 1440, basis: 'workday' } as const;

/**
 * 督办 by hand: a supervisor escalates the case at their own level; the unit must answer within a working day.
 * The case counts its open supervisions so lists and boards can show them without a join.
 */
const supervise: ActionHandler = async (run) => {
  const reason = required(run.body.reason, 'reason');
  const level = supervisingLevel(run);
  const { deadlineAt: dueAt } = await deadlineFrom(run.trx, ANSWER_LIMIT, run.now, run.settings.dueSoonShare);
  const id = newId();
  const { row } = run;
  await run.trx
    .insertInto('civic_supervision')
    .values({
      id,
      case_id: row.id,
      kind: 'manual',
      level_org_id: level.scopeId,
      level_path: level.scopePath,
      unit_kind: row.unit_kind,
      unit_id: row.unit_id,
      unit_name: row.unit_name,
      reason,
      status: 'open',
      due_at: dueAt,
      answer: null,
      answered_by: null,
      answered_at: null,
      dedupe_key: null,
      created_by: run.actor.userId,
      created_at: run.at,
    })
    .execute();
  const staff = await unitUsersOf(run.trx, row);
  return {
    patch: { open_supervisions: row.open_supervisions + 1 },
    data: { supervisionId: id, reason, levelOrgId: level.scopeId, dueAt },
    notify: [{ userIds: staff, notice: caseNotice(row, 'supervised', '事项被督办，请在一个工作日内答复', reason) }],
    smsUserIds: staff,
  };
};

export const noteActions = { comment, supervise } as const;
