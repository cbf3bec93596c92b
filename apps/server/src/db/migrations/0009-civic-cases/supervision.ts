import type { Kysely } from 'kysely';
import type { Dialect } from '../../database.ts';
import { pathColumn, withEditColumns } from '../migration-helpers.ts';

/** 督办 records and dispute mediation (纠纷调解). */
export async function createCivicSupervisionTables(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const path = pathColumn(dialect);

  await db.schema
    .createTable('civic_supervision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('civic_case.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    /** The organisation that supervises: the next one up from the responsible unit. */
    .addColumn('level_org_id', 'text', (c) => c.notNull().references('org_unit.id'))
    .addColumn('level_path', 'text', path)
    .addColumn('unit_kind', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('unit_name', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text')
    /** One automatic escalation per case, step and deadline, however often the job runs. */
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('civic_supervision_level_idx')
    .on('civic_supervision')
    .columns(['level_path', 'status', 'created_at'])
    .execute();
  await db.schema.createIndex('civic_supervision_case_idx').on('civic_supervision').column('case_id').execute();

  await withEditColumns(
    db.schema
      .createTable('civic_mediation')
      .addColumn('case_id', 'text', (c) => c.primaryKey().references('civic_case.id'))
      .addColumn('mediator_user_id', 'text', (c) => c.references('app_user.id'))
      .addColumn('mediator_name', 'text')
      /** JSON array of parties; each phone is encrypted on its own (PI-3). */
      .addColumn('parties', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('agreement_text', 'text')
      .addColumn('agreement_file_id', 'text', (c) => c.references('stored_file.id')),
  ).execute();
  await db.schema
    .createTable('civic_mediation_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('civic_mediation.case_id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('attendees', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('civic_mediation_session_case_idx')
    .on('civic_mediation_session')
    .column('case_id')
    .execute();
}
