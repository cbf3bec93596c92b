import type { CategoryQuestion } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { Trx } from '../../../platform/transaction.ts';
import type { LoadedCategory } from './category.repository.ts';
import { loadCategory } from './category.repository.ts';

export const invalid = (path: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', { details: { issues: [{ path, message }] } });

const LIST_TYPES = new Set(['singlevaluelist', 'multivaluelist']);

/**
 * Extra questions become form fields and Open311 attributes keyed by code: codes are unique within the category,
 * list questions offer at least one choice (with distinct keys), and other types offer none.
 */
export function validateQuestions(questions: readonly CategoryQuestion[]): void {
  const codes = new Set<string>();
  questions.forEach((q, i) => {
    if (codes.has(q.code)) throw invalid(`body.questions.${i}.code`, 'duplicate_code');
    codes.add(q.code);
    if (LIST_TYPES.has(q.type)) {
      if (q.options.length === 0) throw invalid(`body.questions.${i}.options`, 'options_required');
      if (new Set(q.options.map((o) => o.key)).size !== q.options.length) {
        throw invalid(`body.questions.${i}.options`, 'duplicate_key');
      }
    } else if (q.options.length > 0) {
      throw invalid(`body.questions.${i}.options`, 'options_not_allowed');
    }
  });
}

/**
 * The tree has two levels: a parent must exist and be a root, a category cannot be its own parent (its own
 * ancestor), and a category with children cannot itself move under a parent.
 */
export async function checkParent(db: Db | Trx, parentId: string, selfId?: string): Promise<LoadedCategory> {
  if (parentId === selfId) throw invalid('body.parentId', 'own_ancestor');
  const parent = await loadCategory(db, parentId);
  if (!parent) throw invalid('body.parentId', 'parent_not_found');
  if (parent.parentId !== null) throw invalid('body.parentId', 'parent_not_root');
  if (selfId) {
    const child = await db.selectFrom('civic_category').select('id').where('parent_id', '=', selfId).executeTakeFirst();
    if (child) throw invalid('body.parentId', 'has_children');
  }
  return parent;
}

/**
 * A code for a category created without one: the parent's code and the next free two digits (`MS` → `MS07`);
 * a root gets `R` and two digits. Codes are Open311 service codes, so they are never reused after a retirement.
 */
export async function nextCategoryCode(db: Db | Trx, parent: LoadedCategory | null): Promise<string> {
  const prefix = parent ? parent.code : 'R';
  const taken = new Set(
    (await db.selectFrom('civic_category').select('code').where('code', 'like', `${prefix}__`).execute()).map(
      (r) => r.code,
    ),
  );
  for (let n = 1; n <= 99; n++) {
    const code = `${prefix}${String(n).padStart(2, '0')}`;
    if (!taken.has(code)) return code;
  }
  throw new AppError('CONFLICT', { details: { reason: 'codes_exhausted' } });
}

/** Next sort position among siblings, leaving gaps so the console can slot one in between. */
export async function nextSortOrder(db: Db | Trx, parentId: string | null): Promise<number> {
  const row = await db
    .selectFrom('civic_category')
    .select((eb) => eb.fn.max('sort_order').as('top'))
    .$if(parentId === null, (q) => q.where('parent_id', 'is', null))
    .$if(parentId !== null, (q) => q.where('parent_id', '=', parentId ?? ''))
    .executeTakeFirst();
  return Math.min(10000, Number(row?.top ?? 0) + 10);
}
