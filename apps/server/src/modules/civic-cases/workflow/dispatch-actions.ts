import type { Unit } from '@linli/contracts';
import { shanghaiDate } from '../../../platform/clock.ts';
import { type ResolvedUnit, resolveUnit, usersOfUnit } from '../case-units.ts';
import { routeCase } from '../settings/routing.resolve.ts';
import { stepDeadline } from '../settings/sla-deadline.ts';
import type { ActionEffect, ActionHandler, ActionRun, CasePatch } from './action-types.ts';
import { caseNotice, invalidField, required } from './action-types.ts';
import { dispatchersOf } from './case-people.ts';
import { enterStep } from './case-steps.ts';
import { withdrawPending } from './request-actions.ts';

const unitView = (unit: ResolvedUnit): Unit => ({ kind: unit.kind, id: unit.id, name: unit.name });

/**
 * The lead unit: the one the dispatcher chose, else the routing rules' proposal. A compound's property company or
 * branch answers only for its own compound (PI-9), so choosing another compound's is a 400.
 */
async function leadUnit(run: ActionRun): Promise<{ unit: ResolvedUnit; routed: boolean; ruleId: string | null }> {
  const { body, row, trx } = run;
  if (body.unit) {
    const unit = await resolveUnit(trx, body.unit, 'unit');
    if ((unit.kind === 'property_company' || unit.kind === 'branch') && !row.path.startsWith(unit.path)) {
      throw invalidField('unit', 'unit_not_of_compound');
    }
    return { unit, routed: false, ruleId: null };
  }
  const proposal = await routeCase(trx, {
    compoundId: row.compound_id,
    categoryId: row.category_id,
    gridId: row.grid_id,
  });
  return { unit: proposal.unit, routed: true, ruleId: proposal.ruleId };
}

/** Assisting units (首接负责: they read and comment, the lead answers), without the lead and without repeats. */
async function assistUnits(run: ActionRun, lead: ResolvedUnit): Promise<ResolvedUnit[]> {
  const units: ResolvedUnit[] = [];
  for (const [i, ref] of (run.body.assists ?? []).entries()) {
    const unit = await resolveUnit(run.trx, ref, `assists.${i}`);
    const same = (u: ResolvedUnit) => u.kind === unit.kind && u.id === unit.id;
    if (!same(lead) && !units.some(same)) units.push(unit);
  }
  return units;
}

async function replaceAssists(run: ActionRun, units: ResolvedUnit[]): Promise<void> {
  await run.trx.deleteFrom('civic_case_assist').where('case_id', '=', run.row.id).execute();
  if (units.length === 0) return;
  await run.trx
    .insertInto('civic_case_assist')
    .values(
      units.map((u) => ({
        case_id: run.row.id,
        unit_kind: u.kind,
        unit_id: u.id,
        unit_name: u.name,
        unit_path: u.path,
      })),
    )
    .execute();
}

/**
 * 派遣 (and 改派): the lead unit gets the case with the sign-for limit and the handling limit both counted from
 * now. The first dispatch is the moment the metrics count (`dispatched_at/_on`); a reassignment starts the new
 * unit's sign-for and contact afresh and withdraws the old unit's pending request.
 */
async function dispatchTo(run: ActionRun, reassign: boolean): Promise<ActionEffect> {
  const { unit, routed, ruleId } = await leadUnit(run);
  const assists = await assistUnits(run, unit);
  const sign = await enterStep(run, 'sign');
  const handle = await stepDeadline(run.trx, {
    categoryId: run.row.category_id,
    urgency: run.row.urgency,
    step: 'handle',
    from: run.now,
    dueSoonShare: run.settings.dueSoonShare,
  });
  const patch: CasePatch = {
    unit_kind: unit.kind,
    unit_id: unit.id,
    unit_name: unit.name,
    unit_path: unit.path,
    handle_deadline_at: handle.deadlineAt,
    dispatched_at: run.row.dispatched_at ?? run.at,
    dispatched_on: run.row.dispatched_on ?? shanghaiDate(run.now),
  };
  if (reassign) {
    Object.assign(patch, {
      signed_at: null,
      sign_on_time: null,
      responded: null,
      contacted_at: null,
      handle_on_time: null,
      pending_request: null,
    } satisfies CasePatch);
  }
  const staff = await usersOfUnit(run.trx, unit);
  const previous =
    run.row.unit_kind && run.row.unit_id
      ? { kind: run.row.unit_kind, id: run.row.unit_id, name: run.row.unit_name }
      : null;
  return {
    patch,
    step: sign,
    data: {
      unit: unitView(unit),
      assists: assists.map(unitView),
      routed,
      ruleId,
      handleDeadlineAt: handle.deadlineAt,
      ...(reassign ? { previousUnit: previous } : {}),
    },
    notify: [{ userIds: staff, notice: caseNotice(run.row, 'dispatched', '新派遣事项，请及时签收') }],
    smsUserIds: staff,
    afterUpdate: async () => {
      await replaceAssists(run, assists);
      if (reassign) await withdrawPending(run, '改派');
    },
  };
}

const dispatch: ActionHandler = (run) => dispatchTo(run, false);
const reassign: ActionHandler = (run) => dispatchTo(run, true);

/**
 * 退回: the lead unit says the case is not theirs, with a reason. It goes back to the dispatchers as accepted,
 * without a unit, and the intake limit starts again for re-dispatching it.
 */
const sendBack: ActionHandler = async (run) => {
  const reason = required(run.body.reason, 'reason');
  const step = await enterStep(run, 'accept');
  const dispatchers = await dispatchersOf(run.trx, run.row);
  return {
    patch: { unit_kind: null, unit_id: null, unit_name: null, unit_path: null, handle_deadline_at: null },
    step,
    data: { reason, unit: { kind: run.row.unit_kind, id: run.row.unit_id, name: run.row.unit_name } },
    notify: [{ userIds: dispatchers, notice: caseNotice(run.row, 'sent_back', '事项被退回，请重新派遣', reason) }],
    afterUpdate: () => replaceAssists(run, []),
  };
};

export const dispatchActions = { dispatch, reassign, send_back: sendBack } as const;
