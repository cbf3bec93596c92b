import type { CivicCaseSummary, Unit, UnitKind } from '@linli/contracts';
import { toBool, toNumber } from '../../../platform/sql-helpers.ts';
import { isOpenStatus } from '../workflow/civic-case-status.ts';
import type { CaseSummaryRow } from './case.repository.ts';

/** The lead unit as the DTOs show it, or null before dispatch. */
export function unitOf(row: {
  unit_kind: UnitKind | null;
  unit_id: string | null;
  unit_name: string | null;
}): Unit | null {
  if (row.unit_kind === null || row.unit_id === null) return null;
  return { kind: row.unit_kind, id: row.unit_id, name: row.unit_name ?? '' };
}

/**
 * A row of `caseSummaryQuery` as the list shows it. `now` (ISO) decides `dueSoon`: the step's warning time has
 * passed but its limit has not — the sweep job marks `overdue`, but nothing stores "due soon", so it is read
 * against the clock of the request.
 */
export function toCaseSummary(row: CaseSummaryRow, now: string): CivicCaseSummary {
  const overdue = toBool(row.overdue);
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    title: row.title,
    categoryId: row.category_id,
    categoryName: row.category_name,
    urgency: row.urgency,
    channel: row.channel,
    status: row.status,
    endType: row.end_type,
    compoundId: row.compound_id,
    compoundName: row.compound_name,
    gridId: row.grid_id,
    unit: unitOf(row),
    deadlineAt: row.deadline_at,
    overdue,
    dueSoon:
      !overdue &&
      isOpenStatus(row.status) &&
      row.due_soon_at !== null &&
      row.due_soon_at <= now &&
      (row.deadline_at === null || now < row.deadline_at),
    pendingRequest: row.pending_request,
    followerCount: toNumber(row.follower_count),
    reworkCount: toNumber(row.rework_count),
    openSupervisions: toNumber(row.open_supervisions),
    anonymous: toBool(row.anonymous),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
