import type { CivicCaseEventType, PublicCivicCase } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { toBool } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { type CaseEventRow, caseEventRows, caseFileRows } from '../cases/case.repository.ts';
import { toCaseFile } from '../cases/case-detail.ts';

/** The case columns the public view shows. */
export interface PublicCaseRow {
  id: string;
  number: string;
  title: string;
  category_name: string;
  status: PublicCivicCase['status'];
  end_type: PublicCivicCase['endType'];
  compound_name: string;
  created_at: string;
  handle_deadline_at: string | null;
}

/** The case row of the public view, joined to its category's and compound's names. */
export const publicCaseQuery = (db: Db | Trx) =>
  db
    .selectFrom('civic_case')
    .innerJoin('civic_category', 'civic_category.id', 'civic_case.category_id')
    .innerJoin('compound', 'compound.id', 'civic_case.compound_id')
    .select([
      'civic_case.id',
      'civic_case.number',
      'civic_case.title',
      'civic_case.status',
      'civic_case.end_type',
      'civic_case.created_at',
      'civic_case.handle_deadline_at',
      'civic_category.name as category_name',
      'compound.name as compound_name',
    ]);

/** The office's own bookkeeping: never on the public timeline unless it carries a public note. */
const INTERNAL_TYPES: readonly CivicCaseEventType[] = [
  'auto_route',
  'supervise',
  'answer_supervision',
  'overdue',
  'follow',
  'comment',
  'request_extension',
  'request_deferral',
];

/** What of an event's data the public may read: outcomes, never units' working notes or people. */
const PUBLIC_DATA_KEYS = ['voidReason', 'endType', 'resolved', 'rating', 'deferUntil'];

const isPublicEvent = (row: CaseEventRow): boolean =>
  row.public_note !== null ||
  (!INTERNAL_TYPES.includes(row.type) && row.from_status !== row.to_status) ||
  row.type === 'contact' ||
  row.type === 'rate';

function publicData(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) return {};
  const entries = Object.entries(value).filter(([key]) => PUBLIC_DATA_KEYS.includes(key));
  return Object.fromEntries(entries);
}

/**
 * A case as its reporter and the public see it: status, outcome and the timeline of what moved it, with public
 * notes only — no names, no internal notes, no units' internal steps. `withFiles` adds the photos for a signed-in
 * reporter or follower (the file routes let them read them); the tracking page has no session to fetch them with.
 */
export async function toPublicCase(db: Db | Trx, row: PublicCaseRow, withFiles: boolean): Promise<PublicCivicCase> {
  const events = (await caseEventRows(db, row.id)).filter(isPublicEvent);
  const files = withFiles ? await caseFileRows(db, row.id) : [];
  return {
    number: row.number,
    title: row.title,
    categoryName: row.category_name,
    status: row.status,
    endType: row.end_type,
    compoundName: row.compound_name,
    createdAt: row.created_at,
    handleDeadlineAt: row.handle_deadline_at,
    events: events.map((event) => ({
      id: event.id,
      seq: event.seq,
      type: event.type,
      fromStatus: event.from_status,
      toStatus: event.to_status,
      at: event.at,
      deadline: event.deadline,
      onTime: event.on_time === null ? null : toBool(event.on_time),
      publicNote: event.public_note,
      files: files.filter((f) => f.event_id === event.id).map(toCaseFile),
      data: publicData(event.data),
    })),
  };
}
