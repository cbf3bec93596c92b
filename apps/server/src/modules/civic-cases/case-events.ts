import type { CivicCaseEventType, CivicCaseStatus } from '@linli/contracts';
import { sql } from 'kysely';
import { newId } from '../../platform/ids.ts';
import { fromBool } from '../../platform/sql-helpers.ts';
import type { Trx } from '../../platform/transaction.ts';

/** Who an event is by: a user (name and role as shown on the timeline), or nobody (the system, an anonymous reporter). */
export interface EventActor {
  userId: string | null;
  name: string | null;
  role: string | null;
}

export interface NewCaseEvent {
  caseId: string;
  type: CivicCaseEventType;
  from: CivicCaseStatus | null;
  to: CivicCaseStatus | null;
  actor: EventActor;
  at: string;
  /** The limit of the step this event ended and whether it was kept. */
  deadline?: string | null;
  onTime?: boolean | null;
  publicNote?: string | null;
  internalNote?: string | null;
  data?: Record<string, unknown>;
  /** Stored files already attached to the case, to show on this event. */
  files?: { ids: string[]; kind: 'report' | 'result' | 'agreement' | 'other' };
}

/**
 * Appends one event to the case's log with the next sequence number. The caller holds the case row (it changed
 * it in the same transaction), and the unique (case, seq) index turns a lost race into an error, never a gap.
 */
export async function appendCaseEvent(trx: Trx, event: NewCaseEvent): Promise<string> {
  const id = newId();
  const last = await trx
    .selectFrom('civic_case_event')
    .select(sql<number>`coalesce(max(seq), 0)`.as('seq'))
    .where('case_id', '=', event.caseId)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('civic_case_event')
    .values({
      id,
      case_id: event.caseId,
      seq: Number(last.seq) + 1,
      type: event.type,
      from_status: event.from,
      to_status: event.to,
      actor_user_id: event.actor.userId,
      actor_name: event.actor.name,
      actor_role: event.actor.role,
      at: event.at,
      deadline: event.deadline ?? null,
      on_time: event.onTime === undefined || event.onTime === null ? null : fromBool(event.onTime),
      public_note: event.publicNote ?? null,
      internal_note: event.internalNote ?? null,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
  const files = event.files;
  if (files && files.ids.length > 0) {
    await trx
      .insertInto('civic_case_file')
      .values(
        files.ids.map((fileId) => ({
          file_id: fileId,
          case_id: event.caseId,
          event_id: id,
          kind: files.kind,
        })),
      )
      .execute();
  }
  return id;
}
