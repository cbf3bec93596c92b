import type { CaseAnswers, CaseNature, IntakeChannel, Urgency } from '@linli/contracts';
import { CaseTimeline, type CaseWorld, type EventActor, NOBODY } from './case-timeline.ts';
import type { ScaleCompound, ScaleGrid } from './scale-places.ts';
import type { RouteProposal } from './scale-routing.ts';
import { iso, shanghaiDay } from './scale-time.ts';

/** A case as a channel hands it over, already numbered. */
export interface CaseDraft {
  id: string;
  number: string;
  trackingCode: string | null;
  submittedMs: number;
  channel: IntakeChannel;
  nature: CaseNature;
  categoryId: string;
  urgency: Urgency;
  title: string;
  description: string;
  answers: CaseAnswers;
  anonymous: boolean;
  compound: ScaleCompound;
  grid: ScaleGrid | null;
  building: string;
  /** The reporting resident's account (H5), or null. */
  reporterUserId: string | null;
  /** What staff typed in for the reporter, already encrypted. */
  reporterNameCipher: string | null;
  reporterPhoneCipher: string | null;
  /** Who submitted: the resident on H5, the staff member on a staff channel, nobody for an anonymous report. */
  submitter: EventActor;
  filedBy: string | null;
  sourceRef: string | null;
  route: RouteProposal;
}

/**
 * The case as `createCase` leaves it: submitted, the accept step's clock running, every later fact still empty;
 * and its first two events — `submit` with the accept deadline and `auto_route` with the routing proposal. An
 * anonymous case keeps no reporter (PI-8) and its submit event no actor.
 */
export function fileCase(world: CaseWorld, draft: CaseDraft): CaseTimeline {
  const at = draft.submittedMs;
  const accept = world.sla.deadline(world.sla.limit(draft.categoryId, draft.urgency, 'accept'), at);
  const stamp = iso(at);
  const anonymous = draft.anonymous;
  const c = new CaseTimeline(
    world,
    {
      id: draft.id,
      number: draft.number,
      tracking_code: draft.trackingCode,
      kind: 'request',
      nature: draft.nature,
      category_id: draft.categoryId,
      urgency: draft.urgency,
      title: draft.title,
      description: draft.description,
      answers: JSON.stringify(draft.answers),
      channel: draft.channel,
      anonymous: anonymous ? 1 : 0,
      reporter_user_id: anonymous ? null : draft.reporterUserId,
      reporter_name_cipher: anonymous ? null : draft.reporterNameCipher,
      reporter_phone_cipher: anonymous ? null : draft.reporterPhoneCipher,
      filed_by: draft.filedBy,
      household_id: null,
      visit_id: null,
      source_ref: draft.sourceRef,
      compound_id: draft.compound.id,
      grid_id: draft.grid?.id ?? null,
      community_id: draft.compound.communityId,
      path: draft.grid?.path ?? draft.compound.path,
      building: draft.building,
      unit_no: null,
      room: null,
      address_text: null,
      lng: null,
      lat: null,
      status: 'submitted',
      end_type: null,
      void_reason: null,
      excluded: 0,
      merged_into_id: null,
      unit_kind: null,
      unit_id: null,
      unit_name: null,
      unit_path: null,
      step: 'accept',
      step_started_at: stamp,
      deadline_at: iso(accept.deadlineMs),
      due_soon_at: iso(accept.dueSoonMs),
      due_soon_warned_at: null,
      handle_deadline_at: null,
      overdue: 0,
      pending_request: null,
      deferred_until: null,
      deferred_remaining_minutes: null,
      sign_on_time: null,
      responded: null,
      handle_on_time: null,
      follower_count: 0,
      rework_count: 0,
      extension_count: 0,
      deferral_count: 0,
      reopen_count: 0,
      open_supervisions: 0,
      accepted_at: null,
      dispatched_at: null,
      signed_at: null,
      contacted_at: null,
      handled_at: null,
      verified_at: null,
      closed_at: null,
      rated_at: null,
      received_on: shanghaiDay(at),
      dispatched_on: null,
      closed_on: null,
      rated_on: null,
      rating_resolved: null,
      rating: null,
      rating_comment: null,
      rated_by_reporter: null,
      version: 1,
      created_at: stamp,
      updated_at: stamp,
    },
    at,
  );
  c.deadlineMs = accept.deadlineMs;
  c.dueSoonMs = accept.dueSoonMs;
  c.append('submit', null, 'submitted', at, anonymous ? NOBODY : draft.submitter, {
    deadline: iso(accept.deadlineMs),
    data: { channel: draft.channel },
  });
  const { unit, ruleId, fallback } = draft.route;
  c.append('auto_route', 'submitted', 'submitted', at, NOBODY, {
    data: { unit: { kind: unit.kind, id: unit.id, name: unit.name }, ruleId, fallback },
  });
  return c;
}
