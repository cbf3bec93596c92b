import type { CasePlace, FileCivicCaseBodySchema } from '@linli/contracts';
import type { z } from 'zod';
import { assignmentsWith, can } from '../../../platform/access/authorize.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { resolvePlace } from './case-create.checks.ts';

type FileBody = z.infer<typeof FileCivicCaseBodySchema>;

const invalid = (path: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message }] } });

/**
 * The household visit a case is raised from: required on the visit channel, and it must be a visit to a
 * household of the compound (400 on `visitId`).
 */
async function visitOf(ctx: Ctx, body: FileBody): Promise<{ id: string; householdId: string } | null> {
  if (!body.visitId) {
    if (body.channel === 'visit') throw invalid('visitId', 'required');
    return null;
  }
  const visit = await ctx.db
    .selectFrom('household_visit')
    .innerJoin('household', 'household.id', 'household_visit.household_id')
    .select(['household_visit.id', 'household_visit.household_id', 'household.compound_id'])
    .where('household_visit.id', '=', body.visitId)
    .executeTakeFirst();
  if (visit?.compound_id !== body.place.compoundId) throw invalid('visitId', 'compound');
  return { id: visit.id, householdId: visit.household_id };
}

/**
 * A grid worker files from their grid: when no grid is named and the filer's `civic_case.file` reaches only a
 * grid of this compound (not the compound itself), the case goes in that grid, so they may file it at all.
 */
function filersGrid(ctx: Ctx, compoundPath: string): string | undefined {
  if (!ctx.actor || can(ctx.actor, 'civic_case.file', { path: compoundPath })) return undefined;
  const grids = assignmentsWith(ctx.actor, 'civic_case.file').filter(
    (a) => a.scopeKind === 'grid' && a.scopePath.startsWith(compoundPath),
  );
  return grids.length === 1 ? grids[0]?.scopeId : undefined;
}

/**
 * Where a staff-filed case will be, checked before authorising (the filer needs `civic_case.file` over that
 * path): the compound (404), the visit's household when none is named, the named grid or the filer's own.
 */
export async function filingPlace(ctx: Ctx, body: FileBody) {
  const visit = await visitOf(ctx, body);
  const householdId = body.place.householdId ?? visit?.householdId;
  const first = await resolvePlace(ctx.db, { ...body.place, ...(householdId ? { householdId } : {}) });
  const casePlace: CasePlace = { ...body.place, ...(householdId ? { householdId } : {}) };
  if (!first.gridId) {
    const gridId = filersGrid(ctx, first.path);
    if (gridId) {
      const inGrid = await resolvePlace(ctx.db, { ...casePlace, gridId });
      return { place: { path: inGrid.path, casePlace: { ...casePlace, gridId } }, visit };
    }
  }
  return { place: { path: first.path, casePlace }, visit };
}
