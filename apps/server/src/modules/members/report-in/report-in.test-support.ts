import type { OrgNode } from '../../../../test/factories.ts';
import { defaultPostCategoryId } from '../../../db/migrations/0006-members.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Platform } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';

/*
 * Rows of other areas (posts, services) and report-ins in a given state, written straight into the tables so a
 * test states only the facts the year-end rule and the feedback read.
 */

/** A member's report-in to `compound`, decided at `decidedAt` (confirmed ones get a receipt number). */
export async function insertReportIn(
  platform: Platform,
  input: {
    memberId: string;
    compound: OrgNode;
    status: 'pending' | 'confirmed' | 'rejected';
    decidedAt?: string;
    workUnitId?: string | null;
    receiptNo?: string;
  },
): Promise<string> {
  const id = newId();
  const now = isoNow(platform.clock);
  const decidedAt = input.status === 'pending' ? null : (input.decidedAt ?? now);
  await platform.db
    .insertInto('member_report_in')
    .values({
      id,
      member_id: input.memberId,
      compound_id: input.compound.id,
      path: input.compound.path,
      work_unit_id: input.workUnitId ?? null,
      status: input.status,
      skills: null,
      registered_at: decidedAt ?? now,
      decided_by: null,
      decided_at: decidedAt,
      reject_reason: input.status === 'rejected' ? '测试' : null,
      receipt_no: input.status === 'confirmed' ? (input.receiptNo ?? `BD-T-${id.slice(-6)}`) : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await platform.db
    .updateTable('member')
    .set({ report_in_status: input.status })
    .where('id', '=', input.memberId)
    .execute();
  return id;
}

/** A service record on `servedOn`, optionally rated. */
export async function insertService(
  platform: Platform,
  input: {
    memberId: string;
    compound: OrgNode;
    servedOn: string;
    minutes: number;
    rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
  },
): Promise<void> {
  const now = isoNow(platform.clock);
  await platform.db
    .insertInto('service_record')
    .values({
      id: newId(),
      member_id: input.memberId,
      compound_id: input.compound.id,
      path: input.compound.path,
      need_id: null,
      post_id: null,
      household_id: null,
      served_on: input.servedOn,
      minutes: input.minutes,
      content: '测试服务',
      rating: input.rating ?? null,
      rated_by_kind: input.rating ? 'branch' : null,
      rated_by: null,
      rated_at: input.rating ? now : null,
      rating_comment: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** A post in `compound` and the member's claim on it in `status` (approved by default); answers the post's id. */
export async function insertPostClaim(
  platform: Platform,
  input: { memberId: string; compound: OrgNode; title: string; status?: 'approved' | 'pending'; decidedAt?: string },
): Promise<string> {
  const now = isoNow(platform.clock);
  const postId = newId();
  await platform.db
    .insertInto('post')
    .values({
      id: postId,
      compound_id: input.compound.id,
      path: input.compound.path,
      category_id: defaultPostCategoryId(0),
      title: input.title,
      duties: '测试职责',
      seats: 3,
      area_kind: 'none',
      area_buildings: null,
      duty_zone_id: null,
      status: 'open',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const status = input.status ?? 'approved';
  await platform.db
    .insertInto('post_claim')
    .values({
      id: newId(),
      post_id: postId,
      member_id: input.memberId,
      path: input.compound.path,
      status,
      note: null,
      claimed_at: now,
      decided_by: null,
      decided_at: status === 'approved' ? (input.decidedAt ?? now) : null,
      decision_reason: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return postId;
}
