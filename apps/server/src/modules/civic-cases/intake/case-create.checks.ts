import type { CaseAnswers, CasePlace, CategoryQuestion, IntakeChannel } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Trx } from '../../../platform/transaction.ts';
import { type LoadedCategory, loadCategory } from '../settings/category.repository.ts';

/** Channels on which staff type the case in; the rest (the H5, Open311) are the public's own. */
export const STAFF_CHANNELS: readonly IntakeChannel[] = [
  'proxy',
  'visit',
  'reception',
  'hotline',
  'suggestion_box',
  'meeting',
];
export const isStaffChannel = (channel: IntakeChannel): boolean => STAFF_CHANNELS.includes(channel);

interface Issue {
  path: string;
  message: string;
}

const invalid = (issues: Issue[]): AppError => new AppError('VALIDATION_FAILED', { details: { issues } });

const notOpen = (reason: string): AppError => new AppError('CATEGORY_NOT_OPEN', { details: { reason } });

/**
 * The category a new case may be filed under: it exists (else 400 on `categoryId`) and is active; a staff-only
 * category is open to staff channels only; an anonymous report from the public needs `anonymous_allowed`
 * (422 CATEGORY_NOT_OPEN otherwise). Staff transcribing an anonymous letter (the suggestion box) are not held to
 * that flag: the flag guards the public channels against abuse, and the letter is anonymous whatever its topic.
 */
export async function openCategory(
  trx: Trx,
  input: { categoryId: string; channel: IntakeChannel; anonymous: boolean },
): Promise<LoadedCategory> {
  const category = await loadCategory(trx, input.categoryId);
  if (!category) throw invalid([{ path: 'categoryId', message: 'category' }]);
  const staff = isStaffChannel(input.channel);
  if (!category.active) throw notOpen('inactive');
  if (category.staffOnly && !staff) throw notOpen('staff_only');
  if (input.anonymous && !staff && !category.anonymousAllowed) throw notOpen('anonymous');
  return category;
}

type Answer = CaseAnswers[string];

const isBlank = (value: Answer | undefined): boolean =>
  value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && !value.length);

/** One answer checked against its question and normalised (numbers as numbers, lists as arrays), or an issue. */
function checkAnswer(question: CategoryQuestion, value: Answer): { value: Answer } | { message: string } {
  const keys = question.options.map((o) => o.key);
  switch (question.type) {
    case 'string':
    case 'text':
      return typeof value === 'string' ? { value: value.trim() } : { message: 'type' };
    case 'number': {
      const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof number === 'number' && Number.isFinite(number) ? { value: number } : { message: 'type' };
    }
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? { value } : { message: 'type' };
    case 'singlevaluelist':
      if (typeof value !== 'string') return { message: 'type' };
      return keys.includes(value) ? { value } : { message: 'option' };
    case 'multivaluelist': {
      const list = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(list)) return { message: 'type' };
      return list.every((v) => keys.includes(v)) ? { value: [...new Set(list)] } : { message: 'option' };
    }
  }
}

/**
 * The answers to keep for the category: every required question answered, each answer of its question's type
 * and list answers among the option keys, no answers to questions the category does not ask. All problems at
 * once as 400 VALIDATION_FAILED on `answers.<code>`, so the form can mark every field.
 */
export function checkAnswers(questions: CategoryQuestion[], answers: CaseAnswers): CaseAnswers {
  const issues: Issue[] = [];
  const kept: CaseAnswers = {};
  const byCode = new Map(questions.map((q) => [q.code, q]));
  for (const code of Object.keys(answers)) {
    if (!byCode.has(code)) issues.push({ path: `answers.${code}`, message: 'unknown' });
  }
  for (const question of questions) {
    const value = answers[question.code];
    if (value === undefined || isBlank(value)) {
      if (question.required) issues.push({ path: `answers.${question.code}`, message: 'required' });
      continue;
    }
    const checked = checkAnswer(question, value);
    if ('message' in checked) issues.push({ path: `answers.${question.code}`, message: checked.message });
    else kept[question.code] = checked.value;
  }
  if (issues.length > 0) throw invalid(issues);
  return kept;
}

/** Where a case is, as the row stores it: its compound, grid and household, and the path it hangs at. */
export interface ResolvedPlace {
  compoundId: string;
  compoundName: string;
  communityId: string;
  gridId: string | null;
  householdId: string | null;
  path: string;
}

/**
 * Checks the place: the compound exists (404), a grid or household given must lie in it (400 on
 * `place.gridId` / `place.householdId`). A household in a grid puts the case in that grid. The case's path is
 * its grid's, else its compound's.
 */
/**
 * The grid a place lies in when the reporter did not say: the compound's only grid, else the one grid the
 * building's households are registered in. A resident knows the building, not the grid, and a grid's worker
 * must still find the case in their inbox (routing to the grid worker needs the grid).
 */
async function gridOfPlace(trx: Db | Trx, compoundId: string, building: string | undefined): Promise<string | null> {
  const grids = await trx.selectFrom('grid').select('id').where('compound_id', '=', compoundId).limit(2).execute();
  if (grids.length === 1) return grids[0]?.id ?? null;
  if (grids.length === 0 || !building) return null;
  const inBuilding = await trx
    .selectFrom('household')
    .select('grid_id')
    .distinct()
    .where('compound_id', '=', compoundId)
    .where('building', '=', building)
    .where('grid_id', 'is not', null)
    .limit(2)
    .execute();
  return inBuilding.length === 1 ? (inBuilding[0]?.grid_id ?? null) : null;
}

export async function resolvePlace(trx: Db | Trx, place: CasePlace): Promise<ResolvedPlace> {
  const compound = await trx
    .selectFrom('compound')
    .select(['id', 'name', 'org_id', 'path'])
    .where('id', '=', place.compoundId)
    .executeTakeFirst();
  if (!compound) throw new AppError('NOT_FOUND', { details: { what: 'compound' } });
  let gridId = place.gridId ?? null;
  if (place.householdId) {
    const household = await trx
      .selectFrom('household')
      .select(['compound_id', 'grid_id'])
      .where('id', '=', place.householdId)
      .executeTakeFirst();
    if (household?.compound_id !== compound.id) throw invalid([{ path: 'place.householdId', message: 'compound' }]);
    gridId ??= household.grid_id;
  }
  gridId ??= await gridOfPlace(trx, compound.id, place.building);
  let path = compound.path;
  if (gridId) {
    const grid = await trx
      .selectFrom('grid')
      .select(['compound_id', 'path'])
      .where('id', '=', gridId)
      .executeTakeFirst();
    if (grid?.compound_id !== compound.id) throw invalid([{ path: 'place.gridId', message: 'compound' }]);
    path = grid.path;
  }
  return {
    compoundId: compound.id,
    compoundName: compound.name,
    communityId: compound.org_id,
    gridId,
    householdId: place.householdId ?? null,
    path,
  };
}
