import type { CivicCaseEndType, Rating, VoidReason } from '@linli/contracts';
import { type CaseTimeline, type EventActor, SYSTEM } from './case-timeline.ts';
import type { ScaleUnit } from './scale-routing.ts';
import { iso, shanghaiDay } from './scale-time.ts';

/**
 * The loop's actions on a case in memory, each the twin of its handler in `modules/civic-cases/workflow/`: the
 * same facts and counters on the row, the same step changes, the same event data. The story (`case-story.ts`)
 * decides which happen when; the sweep's work between them is `case-sweep.ts`.
 */

/** 受理 (`accept`): the case is taken on as filed. */
export function accept(c: CaseTimeline, atMs: number, actor: EventActor): void {
  c.act('accept', 'accepted', atMs, actor, { patch: { accepted_at: iso(atMs) } });
}

/** 作废 with a reason: reasons the county's settings exclude leave the case out of the counts. */
export function voidCase(c: CaseTimeline, atMs: number, actor: EventActor, reason: VoidReason, note: string): void {
  const excluded = c.world.excludedVoidReasons.includes(reason);
  c.act('void', 'voided', atMs, actor, {
    patch: { end_type: 'voided', void_reason: reason, excluded: excluded ? 1 : 0 },
    step: { step: null, deadlineMs: null, dueSoonMs: null },
    data: { voidReason: reason, excluded },
    publicNote: note,
  });
}

/** 派遣: the lead unit gets the case; sign-for and handling limits both run from now (`dispatch-actions.ts`). */
export function dispatch(
  c: CaseTimeline,
  atMs: number,
  actor: EventActor,
  route: { unit: ScaleUnit; routed: boolean; ruleId: string | null },
): void {
  const sign = c.limitFrom('sign', atMs);
  const handle = c.limitFrom('handle', atMs);
  c.setHandleDeadline(handle.deadlineMs);
  const { unit } = route;
  c.act('dispatch', 'dispatched', atMs, actor, {
    patch: {
      unit_kind: unit.kind,
      unit_id: unit.id,
      unit_name: unit.name,
      unit_path: unit.path,
      dispatched_at: c.row.dispatched_at ?? iso(atMs),
      dispatched_on: c.row.dispatched_on ?? shanghaiDay(atMs),
    },
    step: sign,
    data: {
      unit: { kind: unit.kind, id: unit.id, name: unit.name },
      assists: [],
      routed: route.routed,
      ruleId: route.ruleId,
      handleDeadlineAt: c.row.handle_deadline_at,
    },
  });
}

/** 签收: sign-for ends; handling runs to the deadline set at dispatch. An anonymous case is responded to here. */
export function sign(c: CaseTimeline, atMs: number, actor: EventActor): void {
  const onTime = c.deadlineMs === null || atMs <= c.deadlineMs;
  const startedMs = c.row.step_started_at === null ? atMs : Date.parse(c.row.step_started_at);
  const handle = c.limitFrom('handle', startedMs);
  c.act('sign', 'signed', atMs, actor, {
    patch: {
      signed_at: iso(atMs),
      sign_on_time: onTime ? 1 : 0,
      responded: c.row.anonymous === 1 ? (onTime ? 1 : 0) : null,
    },
    step: { step: 'handle', deadlineMs: c.handleDeadlineMs ?? handle.deadlineMs, dueSoonMs: handle.dueSoonMs },
    data: { signOnTime: onTime },
  });
}

/** 联系反映人: responded when signed on time and the call came within the sign-for limit on the sign event. */
export function contact(c: CaseTimeline, atMs: number, actor: EventActor): void {
  const signEvent = [...c.events].reverse().find((e) => e.type === 'sign');
  const deadline = signEvent?.deadline ?? null;
  const responded = c.row.sign_on_time === 1 && (deadline === null || atMs <= Date.parse(deadline));
  c.act('contact', c.row.status, atMs, actor, {
    patch: { contacted_at: iso(atMs), responded: responded ? 1 : 0 },
    data: { responded },
    publicNote: '已电话联系反映人，约定上门时间。',
  });
}

export function start(c: CaseTimeline, atMs: number, actor: EventActor): void {
  c.act('start', 'in_progress', atMs, actor);
}

/** 延期 or 挂账 申请: the request waits for the dispatchers; the case runs on. */
export function requestMore(
  c: CaseTimeline,
  atMs: number,
  actor: EventActor,
  ask: { kind: 'extension'; extraMinutes: number } | { kind: 'deferral'; deferUntil: string },
): void {
  const reason =
    ask.kind === 'extension'
      ? '需要协调专业维修单位，配件到货需要时间。'
      : '需列入下一年度维修资金计划，暂不具备办理条件。';
  const id = c.world.ids(atMs);
  const details =
    ask.kind === 'extension'
      ? { extraMinutes: ask.extraMinutes, deferUntil: null }
      : { extraMinutes: null, deferUntil: ask.deferUntil };
  c.requests.push({
    id,
    case_id: c.row.id,
    kind: ask.kind,
    status: 'pending',
    reason,
    extra_minutes: details.extraMinutes,
    defer_until: details.deferUntil,
    requested_by: actor.userId ?? '',
    requested_at: iso(atMs),
    decided_by: null,
    decided_at: null,
    decision_note: null,
  });
  c.act(ask.kind === 'extension' ? 'request_extension' : 'request_deferral', c.row.status, atMs, actor, {
    patch: { pending_request: ask.kind },
    data: { requestId: id, reason, ...details },
  });
}

/**
 * 审批: a granted extension moves the handling deadline on its basis (lifting the overdue flag when that puts
 * it ahead); a granted deferral parks the case with the working minutes it had left. Refusal changes only the
 * request.
 */
export function decideRequest(c: CaseTimeline, atMs: number, actor: EventActor, grant: boolean): void {
  const request = c.requests.find((r) => r.status === 'pending');
  if (!request) throw new Error('no pending request to decide');
  Object.assign(request, {
    status: grant ? 'granted' : 'refused',
    decided_by: actor.userId,
    decided_at: iso(atMs),
    decision_note: '已审批',
  });
  const decided = { requestId: request.id, kind: request.kind, grant };
  if (!grant) {
    c.act('decide_request', c.row.status, atMs, actor, {
      patch: { pending_request: null },
      data: decided,
      publicNote: '已审批',
    });
  } else if (request.kind === 'extension') {
    grantExtension(c, atMs, actor, decided, request.extra_minutes ?? 0);
  } else {
    grantDeferral(c, atMs, actor, decided, request.defer_until);
  }
}

const handleBasis = (c: CaseTimeline) => c.world.sla.limit(c.row.category_id, c.row.urgency, 'handle').basis;

function grantExtension(c: CaseTimeline, atMs: number, actor: EventActor, decided: object, extra: number): void {
  const basis = handleBasis(c);
  const current = c.handleDeadlineMs ?? c.deadlineMs ?? atMs;
  const deadlineMs = c.world.clock.addMinutes(current, extra, basis);
  const dueSoonMs = c.dueSoonMs === null ? null : c.world.clock.addMinutes(c.dueSoonMs, extra, basis);
  const overdue = c.row.overdue === 1 && deadlineMs <= atMs ? 1 : 0;
  c.setHandleDeadline(deadlineMs);
  c.deadlineMs = deadlineMs;
  c.dueSoonMs = dueSoonMs;
  c.act('decide_request', c.row.status, atMs, actor, {
    patch: {
      pending_request: null,
      deadline_at: iso(deadlineMs),
      due_soon_at: dueSoonMs === null ? null : iso(dueSoonMs),
      overdue,
      extension_count: c.row.extension_count + 1,
    },
    data: { ...decided, extraMinutes: extra, handleDeadlineAt: iso(deadlineMs) },
    publicNote: '已审批',
  });
}

function grantDeferral(
  c: CaseTimeline,
  atMs: number,
  actor: EventActor,
  decided: object,
  deferUntil: string | null,
): void {
  const deadline = c.handleDeadlineMs ?? c.deadlineMs;
  const remaining = deadline === null ? 0 : c.world.clock.minutesBetween(atMs, deadline, handleBasis(c));
  c.act('decide_request', 'deferred', atMs, actor, {
    patch: {
      pending_request: null,
      deferred_until: deferUntil,
      deferred_remaining_minutes: remaining,
      deferral_count: c.row.deferral_count + 1,
    },
    step: { step: null, deadlineMs: null, dueSoonMs: null, endsStep: false },
    data: { ...decided, deferUntil, remainingMinutes: remaining },
    publicNote: '已审批',
  });
}

/** 恢复: a parked case runs again with the handling time it had left. */
export function resume(c: CaseTimeline, atMs: number, actor: EventActor): void {
  const remaining = c.row.deferred_remaining_minutes ?? 0;
  const { deadlineMs, dueSoonMs } = c.world.sla.deadline({ minutes: remaining, basis: handleBasis(c) }, atMs);
  c.setHandleDeadline(deadlineMs);
  c.act('resume', 'in_progress', atMs, actor, {
    patch: { deferred_until: null, deferred_remaining_minutes: null },
    step: { step: 'handle', deadlineMs, dueSoonMs },
    data: { remainingMinutes: remaining, handleDeadlineAt: iso(deadlineMs) },
  });
}

/** 处理反馈: handling ends on time or not against the (possibly extended) handling deadline; verification starts. */
export function handle(c: CaseTimeline, atMs: number, actor: EventActor, result: string): void {
  const onTime = c.handleDeadlineMs === null || atMs <= c.handleDeadlineMs;
  for (const r of c.requests) {
    if (r.status === 'pending')
      Object.assign(r, {
        status: 'refused',
        decided_by: actor.userId,
        decided_at: iso(atMs),
        decision_note: '已反馈办理结果',
      });
  }
  c.act('handle', 'handled', atMs, actor, {
    patch: { handled_at: iso(atMs), handle_on_time: onTime ? 1 : 0, pending_request: null },
    step: c.limitFrom('verify', atMs),
    data: { handleOnTime: onTime },
    publicNote: result,
  });
}

export function verify(c: CaseTimeline, atMs: number, actor: EventActor): void {
  c.act('verify', 'verified', atMs, actor, {
    patch: { verified_at: iso(atMs) },
    step: { step: null, deadlineMs: null, dueSoonMs: null },
    publicNote: '现场核查属实，已处理。',
  });
}

/** 核查不通过 → 返工 with a fresh handling limit from now. */
export function reject(c: CaseTimeline, atMs: number, actor: EventActor): void {
  const reason = '现场核查问题仍然存在，请继续处理。';
  const step = c.limitFrom('handle', atMs);
  c.setHandleDeadline(step.deadlineMs);
  c.act('reject', 'rework', atMs, actor, {
    patch: { rework_count: c.row.rework_count + 1 },
    step,
    data: { reason, handleDeadlineAt: c.row.handle_deadline_at },
  });
}

export function close(
  c: CaseTimeline,
  atMs: number,
  actor: EventActor,
  endType: Exclude<CivicCaseEndType, 'voided'>,
): void {
  c.act('close', 'closed', atMs, actor, {
    patch: { end_type: endType, closed_at: iso(atMs), closed_on: shanghaiDay(atMs) },
    data: { endType },
    publicNote:
      endType === 'resolved' ? '问题已解决，予以结案。' : '暂不具备解决条件，已向群众解释并纳入下一阶段计划。',
  });
}

/** 回访评价; a dissatisfied rating reopens the case at once (a system `reopen` in the same transaction). */
export function rate(
  c: CaseTimeline,
  atMs: number,
  actor: EventActor,
  input: { rating: Rating; resolved: boolean; byReporter: boolean },
): void {
  const patch = {
    rating_resolved: input.resolved ? 1 : 0,
    rating: input.rating,
    rating_comment: null,
    rated_at: iso(atMs),
    rated_on: shanghaiDay(atMs),
    rated_by_reporter: input.byReporter ? 1 : 0,
  };
  const data = { resolved: input.resolved, rating: input.rating, byReporter: input.byReporter };
  if (input.rating !== 'dissatisfied') {
    c.act('rate', 'closed', atMs, actor, { patch, data });
    return;
  }
  const step = c.limitFrom('handle', atMs);
  c.setHandleDeadline(step.deadlineMs);
  c.act('rate', 'closed', atMs, actor, {
    patch: { ...patch, reopen_count: c.row.reopen_count + 1, end_type: null, closed_at: null, closed_on: null },
    step,
    data,
  });
  // The runner writes one row update (status rework) and two events: the rating, then the system's reopen.
  c.row.status = 'rework';
  c.append('reopen', 'closed', 'rework', atMs, SYSTEM, {
    data: { reason: null, handleDeadlineAt: c.row.handle_deadline_at, cause: 'dissatisfied_rating' },
  });
}

/** "Me too": a resident follows the open case; the event carries no identity. */
export function follow(c: CaseTimeline, atMs: number, userId: string): void {
  if (c.followers.some((f) => f.user_id === userId) || c.row.reporter_user_id === userId) return;
  c.followers.push({ case_id: c.row.id, user_id: userId, created_at: iso(atMs) });
  c.row.follower_count += 1;
  c.append(
    'follow',
    c.row.status,
    c.row.status,
    atMs,
    { userId: null, name: null, role: null },
    {
      data: { following: true, followers: c.row.follower_count },
    },
  );
}
