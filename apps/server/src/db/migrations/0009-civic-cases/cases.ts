import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import type { Dialect } from '../../database.ts';
import { pathColumn } from '../migration-helpers.ts';

/**
 * Cases and their appended events. The case row is the current state plus the facts the metrics count (step
 * dates, on-time flags, counters), kept in the same transaction as the event that changes them, so statistics
 * are indexed queries and never scans of the event log.
 */
export async function createCivicCaseTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const path = pathColumn(dialect);
  /** Nullable (no unit before dispatch), byte-ordered like every path column. */
  const unitPath = (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.modifyEnd(sql`COLLATE "C"`) : c);

  await db.schema
    .createTable('civic_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('tracking_code', 'text', (c) => c.unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull().references('civic_category.id'))
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    /** PI-8: all three are NULL for an anonymous case. */
    .addColumn('reporter_user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('reporter_name_cipher', 'text')
    .addColumn('reporter_phone_cipher', 'text')
    .addColumn('filed_by', 'text', (c) => c.references('app_user.id'))
    .addColumn('household_id', 'text', (c) => c.references('household.id'))
    .addColumn('visit_id', 'text', (c) => c.references('household_visit.id'))
    .addColumn('source_ref', 'text')
    .addColumn('compound_id', 'text', (c) => c.notNull().references('compound.id'))
    .addColumn('grid_id', 'text', (c) => c.references('grid.id'))
    /** The compound's parent org node (the community), for rankings by community. */
    .addColumn('community_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('path', 'text', path)
    .addColumn('building', 'text')
    .addColumn('unit_no', 'text')
    .addColumn('room', 'text')
    .addColumn('address_text', 'text')
    .addColumn('lng', 'real')
    .addColumn('lat', 'real')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('end_type', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into_id', 'text', (c) => c.references('civic_case.id'))
    .addColumn('unit_kind', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('unit_name', 'text')
    .addColumn('unit_path', 'text', (c) => unitPath(c))
    /** The timed step the case is in (accept, sign, handle, verify) and its limit. */
    .addColumn('step', 'text')
    .addColumn('step_started_at', 'text')
    .addColumn('deadline_at', 'text')
    .addColumn('due_soon_at', 'text')
    .addColumn('handle_deadline_at', 'text')
    .addColumn('overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pending_request', 'text')
    .addColumn('deferred_until', 'text')
    .addColumn('deferred_remaining_minutes', 'integer')
    .addColumn('sign_on_time', 'integer')
    .addColumn('responded', 'integer')
    .addColumn('handle_on_time', 'integer')
    .addColumn('follower_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rework_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deferral_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_supervisions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_at', 'text')
    .addColumn('dispatched_at', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('contacted_at', 'text')
    .addColumn('handled_at', 'text')
    .addColumn('verified_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('rated_at', 'text')
    /** Asia/Shanghai dates the statistics group by. */
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('dispatched_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('rated_on', 'text')
    .addColumn('rating_resolved', 'integer')
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_by_reporter', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const index = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('civic_case').columns(columns).execute();
  await index('civic_case_path_received_idx', ['path', 'received_on']);
  await index('civic_case_path_status_idx', ['path', 'status', 'deadline_at']);
  await index('civic_case_unit_idx', ['unit_path', 'status', 'deadline_at']);
  await index('civic_case_deadline_idx', ['status', 'deadline_at']);
  await index('civic_case_reporter_idx', ['reporter_user_id', 'created_at']);
  await index('civic_case_duplicate_idx', ['category_id', 'compound_id', 'status']);
  await index('civic_case_closed_idx', ['path', 'closed_on']);
  await index('civic_case_rated_idx', ['path', 'rated_on']);
  await index('civic_case_dispatched_idx', ['path', 'dispatched_on']);
  await index('civic_case_merged_idx', ['merged_into_id']);

  await db.schema
    .createTable('civic_case_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('civic_case.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    /** NULL for the system, and for an anonymous reporter (PI-8). */
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('on_time', 'integer')
    .addColumn('public_note', 'text')
    .addColumn('internal_note', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('civic_case_event_seq_uq')
    .on('civic_case_event')
    .columns(['case_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('civic_case_file')
    .addColumn('file_id', 'text', (c) => c.primaryKey().references('stored_file.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('civic_case.id'))
    .addColumn('event_id', 'text', (c) => c.references('civic_case_event.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('civic_case_file_case_idx').on('civic_case_file').column('case_id').execute();

  await db.schema
    .createTable('civic_case_assist')
    .addColumn('case_id', 'text', (c) => c.notNull().references('civic_case.id'))
    .addColumn('unit_kind', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('unit_path', 'text', path)
    .addPrimaryKeyConstraint('civic_case_assist_pk', ['case_id', 'unit_kind', 'unit_id'])
    .execute();
  await db.schema.createIndex('civic_case_assist_unit_idx').on('civic_case_assist').column('unit_path').execute();

  await db.schema
    .createTable('civic_case_follower')
    .addColumn('case_id', 'text', (c) => c.notNull().references('civic_case.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('civic_case_follower_pk', ['case_id', 'user_id'])
    .execute();
  await db.schema.createIndex('civic_case_follower_user_idx').on('civic_case_follower').column('user_id').execute();

  await db.schema
    .createTable('civic_case_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('civic_case.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('extra_minutes', 'integer')
    .addColumn('defer_until', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema
    .createIndex('civic_case_request_case_idx')
    .on('civic_case_request')
    .columns(['case_id', 'status'])
    .execute();

  /** Per-day counter behind the readable case number (MQ20261127-0001). */
  await db.schema
    .createTable('civic_case_counter')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('civic_saved_view')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('civic_saved_view_user_idx').on('civic_saved_view').column('user_id').execute();
}
