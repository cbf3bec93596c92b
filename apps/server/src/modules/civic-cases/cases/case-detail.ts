import type { CaseAnswers, CaseFile, CivicCaseDetail, CivicCaseEvent } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { requireActor } from '../../../platform/access/authorize.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { maskName, maskPhone } from '../../../platform/crypto/mask.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { toBool } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { type CaseAccessFacts, caseRelations } from '../case-access.ts';
import { loadMetricSettings } from '../settings/metric-settings.repository.ts';
import { abilityInputOf, caseAbilities } from '../workflow/case-abilities.ts';
import type { CaseRelation } from '../workflow/civic-case-status.ts';
import {
  type CaseAssistRow,
  type CaseDetailRow,
  type CaseEventRow,
  type CaseFileRow,
  caseAssistRows,
  caseEventRows,
  caseFileRows,
  caseMergeLinks,
  findCaseDetailRow,
  isFollowing,
} from './case.repository.ts';
import { toCaseSummary, unitOf } from './case-summary.ts';
import { readReporter } from './reporter.repository.ts';

/** A stored file as the timeline links it: served by the files route, with its thumbnail when one was made. */
export const toCaseFile = (row: CaseFileRow): CaseFile => ({
  id: row.file_id,
  kind: row.kind,
  contentType: row.media_type,
  thumbnailUrl: row.thumbnail_file_id ? `/api/v1/files/${row.file_id}/thumbnail` : null,
  url: `/api/v1/files/${row.file_id}`,
});

type RatingColumns = Pick<
  CaseDetailRow,
  'rating' | 'rated_at' | 'rating_resolved' | 'rating_comment' | 'rated_by_reporter'
>;

/** The case's 回访评价 as staff and the reporter both see it, or null before anyone rated it. */
export const toCaseRating = (row: RatingColumns): CivicCaseDetail['rating'] =>
  row.rating === null || row.rated_at === null
    ? null
    : {
        resolved: toBool(row.rating_resolved),
        rating: row.rating,
        comment: row.rating_comment,
        ratedAt: row.rated_at,
        byReporter: toBool(row.rated_by_reporter),
      };

const parseObject = (json: string): Record<string, unknown> => {
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
};

function toEvent(row: CaseEventRow, files: CaseFile[], withInternal: boolean): CivicCaseEvent {
  const event: CivicCaseEvent = {
    id: row.id,
    seq: row.seq,
    type: row.type,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    actorName: row.actor_name,
    at: row.at,
    deadline: row.deadline,
    onTime: row.on_time === null ? null : toBool(row.on_time),
    publicNote: row.public_note,
    files,
    data: parseObject(row.data),
  };
  if (withInternal) event.internalNote = row.internal_note;
  return event;
}

/**
 * Staff see internal notes; a reporter who is nothing more than the reporter does not. Asked by taking the
 * reporting away and seeing whether the user could still open the case.
 */
const isStaffReader = (actor: Actor, facts: CaseAccessFacts): boolean =>
  caseRelations(actor, { ...facts, reporter_user_id: null }).has('reader');

/** The reporter's name and phone masked (PI-3), or nulls for an anonymous case (PI-8). */
async function maskedReporter(ctx: Ctx, db: Db | Trx, row: CaseDetailRow) {
  if (toBool(row.anonymous)) return { name: null, phone: null };
  const reporter = await readReporter(ctx, db, row);
  return {
    name: reporter.name === null ? null : maskName(reporter.name),
    phone: reporter.phone === null ? null : maskPhone(reporter.phone),
  };
}

export interface CaseAccess {
  actor: Actor;
  row: CaseDetailRow;
  facts: CaseAccessFacts;
  assists: CaseAssistRow[];
  relations: Set<CaseRelation>;
}

/** How the actor stands to the case; 404 when there is no case, 403 when the actor may not open it. */
export async function caseAccess(ctx: Ctx, db: Db | Trx, caseId: string): Promise<CaseAccess> {
  const actor = requireActor(ctx);
  const row = await findCaseDetailRow(db, caseId);
  if (!row) throw notFound('civic_case');
  const assists = await caseAssistRows(db, caseId);
  const facts: CaseAccessFacts = {
    path: row.path,
    unit_kind: row.unit_kind,
    unit_path: row.unit_path,
    reporter_user_id: row.reporter_user_id,
    assists,
  };
  const relations = caseRelations(actor, facts);
  if (!relations.has('reader')) throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.read' } });
  return { actor, row, facts, relations, assists };
}

/**
 * `GET /civic-cases/:id` and the answer of every workflow action: the whole case as this user may see it —
 * timeline with files, internal notes only for staff, the reporter masked (null when anonymous), links
 * (merged, assisting units), rating, whether the user follows it, and `abilities` from the same rules the
 * action service enforces. 404 without a case, 403 unless the user is a reader of it.
 */
export async function loadCaseDetail(ctx: Ctx, db: Db | Trx, caseId: string): Promise<CivicCaseDetail> {
  const { actor, row, facts, relations, assists } = await caseAccess(ctx, db, caseId);
  const now = ctx.clock.now();
  const [links, files, events, following, settings, reporter] = [
    await caseMergeLinks(db, caseId, row.merged_into_id),
    await caseFileRows(db, caseId),
    await caseEventRows(db, caseId),
    await isFollowing(db, caseId, actor.userId),
    await loadMetricSettings(db),
    await maskedReporter(ctx, db, row),
  ];
  const withInternal = isStaffReader(actor, facts);
  const filesOf = (eventId: string) => files.filter((f) => f.event_id === eventId).map(toCaseFile);
  return {
    ...toCaseSummary(row, now.toISOString()),
    description: row.description,
    nature: row.nature,
    answers: parseObject(row.answers) as CaseAnswers,
    building: row.building,
    unitNo: row.unit_no,
    room: row.room,
    addressText: row.address_text,
    location: row.lng !== null && row.lat !== null ? { lng: row.lng, lat: row.lat } : null,
    reporterName: reporter.name,
    reporterPhone: reporter.phone,
    voidReason: row.void_reason,
    mergedInto: links.mergedInto,
    merged: links.merged,
    assists: assists.flatMap((a) => unitOf(a) ?? []),
    handleDeadlineAt: row.handle_deadline_at,
    signedAt: row.signed_at,
    contactedAt: row.contacted_at,
    handledAt: row.handled_at,
    closedAt: row.closed_at,
    rating: toCaseRating(row),
    files: files.map(toCaseFile),
    events: events.map((e) => toEvent(e, filesOf(e.id), withInternal)),
    following,
    version: row.version,
    abilities: caseAbilities(abilityInputOf(row, relations, now, settings.settings.reopenWindowDays)),
  };
}
