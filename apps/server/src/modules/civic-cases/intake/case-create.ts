import type {
  CaseAnswers,
  CaseNature,
  CasePlace,
  CivicCaseKind,
  IntakeChannel,
  SubmittedCivicCase,
  Urgency,
} from '@linli/contracts';
import type { Insertable } from 'kysely';
import type { CivicCaseTable } from '../../../db/schema-civic.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { shanghaiDate } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { attachPhotos, disownFiles } from '../../../platform/files/files.service.ts';
import { newId } from '../../../platform/ids.ts';
import { fromBool } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { appendCaseEvent } from '../case-events.ts';
import { CIVIC_CASE_FILE_OWNER } from '../case-file-owners.ts';
import { tallyCaseChange } from '../metrics/civic-tally.maintain.ts';
import { loadMetricSettings } from '../settings/metric-settings.repository.ts';
import { routeCase } from '../settings/routing.resolve.ts';
import { stepDeadline } from '../settings/sla-deadline.ts';
import { checkAnswers, isStaffChannel, openCategory, resolvePlace } from './case-create.checks.ts';
import { anonymisedCtx, eventActorOf, notifyDispatchers } from './case-create.support.ts';
import { newTrackingCode, nextCaseNumber } from './case-number.ts';

/** A case as every channel hands it to `createCase`: already parsed by the channel's schema. */
export interface NewCaseInput {
  channel: IntakeChannel;
  kind?: CivicCaseKind;
  categoryId: string;
  title: string;
  description: string;
  nature: CaseNature;
  /** Staff may set it; otherwise the category's default. */
  urgency?: Urgency | undefined;
  place: CasePlace;
  answers: CaseAnswers;
  /** Photos the acting user uploaded (`POST /files`) and has not attached elsewhere. */
  photoIds: string[];
  anonymous: boolean;
  /** The reporting resident's account (H5); null when staff file or the report is anonymous. */
  reporterUserId: string | null;
  /** Plain text; encrypted here. Dropped for anonymous cases. */
  reporterName?: string | null | undefined;
  reporterPhone?: string | null | undefined;
  /** The staff member who typed the case in (staff channels). */
  filedBy?: string | null | undefined;
  visitId?: string | null | undefined;
  sourceRef?: string | null | undefined;
}

/**
 * The one way a case comes into being, whatever the channel (H5, staff filing, the public form, Open311, the demo
 * seeder), inside the caller's transaction. It checks the category (open to this channel, 422 otherwise), the
 * answers (400 on `answers.<code>`) and the place (404 / 400), numbers the case, starts the accept step's clock,
 * counts it received in the 民情 tally, appends `submit` and the routing proposal (`auto_route`: the dispatcher confirms it on dispatch), attaches the
 * photos, tells the dispatchers and writes the audit row.
 *
 * PI-8: an anonymous case keeps no reporter account, name, phone, household, room or map point; its photos lose
 * their uploader; its `submit` event has no actor; and when the reporter is the one submitting, the audit row has
 * no user, roles, IP, user agent or request id. The tracking code is the only way back to it.
 */
export async function createCase(
  trx: Trx,
  ctx: Ctx,
  input: NewCaseInput,
): Promise<SubmittedCivicCase & { id: string }> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const staff = isStaffChannel(input.channel);
  const anonymous = input.anonymous;
  const category = await openCategory(trx, input);
  const answers = checkAnswers(category.questions, input.answers);
  const place = await resolvePlace(trx, input.place);
  const urgency = input.urgency ?? category.defaultUrgency;
  const { settings } = await loadMetricSettings(trx);
  const accept = await stepDeadline(trx, {
    categoryId: category.id,
    urgency,
    step: 'accept',
    from: now,
    dueSoonShare: settings.dueSoonShare,
  });
  const id = newId();
  const number = await nextCaseNumber(trx, now);
  const trackingCode = anonymous ? newTrackingCode() : null;
  const encrypt = (value: string | null | undefined) => (value && !anonymous ? ctx.cipher.encrypt(value) : null);
  const point = anonymous ? undefined : input.place.location;

  const row = {
    id,
    number,
    tracking_code: trackingCode,
    kind: input.kind ?? 'request',
    nature: input.nature,
    category_id: category.id,
    urgency,
    title: input.title,
    description: input.description,
    answers: JSON.stringify(answers),
    channel: input.channel,
    anonymous: fromBool(anonymous),
    reporter_user_id: anonymous ? null : input.reporterUserId,
    reporter_name_cipher: encrypt(input.reporterName),
    reporter_phone_cipher: encrypt(input.reporterPhone),
    // Staff who transcribe an anonymous letter are not its author: who filed it stays accountable.
    filed_by: staff ? (input.filedBy ?? null) : null,
    household_id: anonymous ? null : place.householdId,
    visit_id: input.visitId ?? null,
    source_ref: input.sourceRef ?? null,
    compound_id: place.compoundId,
    grid_id: place.gridId,
    community_id: place.communityId,
    path: place.path,
    building: input.place.building || null,
    unit_no: input.place.unit || null,
    room: anonymous ? null : input.place.room || null,
    address_text: input.place.addressText || null,
    lng: point?.lng ?? null,
    lat: point?.lat ?? null,
    status: 'submitted',
    step: 'accept',
    step_started_at: at,
    deadline_at: accept.deadlineAt,
    due_soon_at: accept.dueSoonAt,
    received_on: shanghaiDate(now),
    created_at: at,
    updated_at: at,
    ...NO_FACTS_YET,
  } satisfies Insertable<CivicCaseTable>;
  await trx.insertInto('civic_case').values(row).execute();

  if (input.kind === 'mediation') {
    await trx
      .insertInto('civic_mediation')
      .values({
        case_id: id,
        mediator_user_id: null,
        mediator_name: null,
        parties: '[]',
        outcome: 'pending',
        agreement_text: null,
        agreement_file_id: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }

  await attachPhotos(trx, ctx, input.photoIds, {
    ownerType: CIVIC_CASE_FILE_OWNER,
    ownerId: id,
    path: place.path,
    field: 'photoIds',
  });
  const photoIds = anonymous ? await disownFiles(trx, input.photoIds) : [...new Set(input.photoIds)];

  // The reporter's own anonymous submission is the one to strip; staff filing stay on the record as themselves.
  const selfAnonymous = anonymous && !staff;
  await appendCaseEvent(trx, {
    caseId: id,
    type: 'submit',
    from: null,
    to: 'submitted',
    actor: anonymous ? NOBODY : eventActorOf(ctx.actor),
    at,
    deadline: accept.deadlineAt,
    data: { channel: input.channel },
    files: { ids: photoIds, kind: 'report' },
  });
  const route = await routeCase(trx, { compoundId: place.compoundId, categoryId: category.id, gridId: place.gridId });
  await appendCaseEvent(trx, {
    caseId: id,
    type: 'auto_route',
    from: 'submitted',
    to: 'submitted',
    actor: NOBODY,
    at,
    data: {
      unit: { kind: route.unit.kind, id: route.unit.id, name: route.unit.name },
      ruleId: route.ruleId,
      fallback: route.fallback,
    },
  });

  await notifyDispatchers(trx, { id, number, title: input.title, path: place.path }, at);
  // Late in the transaction: the counter rows every report of this compound and category shares stay locked briefly.
  await tallyCaseChange(trx, { before: null, after: row, appended: [] });
  await appendAudit(trx, selfAnonymous ? anonymisedCtx(ctx) : ctx, {
    action: 'civic_case.submit',
    objectType: 'civic_case',
    objectId: id,
    details: { number, channel: input.channel, categoryId: category.id, anonymous, kind: input.kind ?? 'request' },
  });
  return { id, number, trackingCode, status: 'submitted' };
}

const NOBODY = { userId: null, name: null, role: null };

/** The columns a new case has no value for yet (each step of the loop fills its own). */
const NO_FACTS_YET = {
  end_type: null,
  void_reason: null,
  merged_into_id: null,
  unit_kind: null,
  unit_id: null,
  unit_name: null,
  unit_path: null,
  handle_deadline_at: null,
  pending_request: null,
  deferred_until: null,
  deferred_remaining_minutes: null,
  sign_on_time: null,
  responded: null,
  handle_on_time: null,
  accepted_at: null,
  dispatched_at: null,
  signed_at: null,
  contacted_at: null,
  handled_at: null,
  verified_at: null,
  closed_at: null,
  rated_at: null,
  dispatched_on: null,
  closed_on: null,
  rated_on: null,
  rating_resolved: null,
  rating: null,
  rating_comment: null,
  rated_by_reporter: null,
} as const;
