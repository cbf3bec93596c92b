import { type CategoryQuestion, CategoryQuestionSchema, type CivicCategory } from '@linli/contracts';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../../db/database.ts';
import type { CivicCategoryTable } from '../../../db/schema-civic.ts';
import { toBool } from '../../../platform/sql-helpers.ts';
import type { Trx } from '../../../platform/transaction.ts';

export type CategoryRow = Selectable<CivicCategoryTable>;
/** A category row with its extra questions parsed and its booleans as booleans. */
export type LoadedCategory = CivicCategory & { createdAt: string; updatedAt: string };

const QuestionsSchema = z.array(CategoryQuestionSchema);

/** The stored questions; a row written by hand that no longer parses counts as having none. */
export function parseQuestions(json: string): CategoryQuestion[] {
  try {
    const parsed = QuestionsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function toCategory(row: CategoryRow): LoadedCategory {
  return {
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    description: row.description,
    keywords: row.keywords,
    sortOrder: row.sort_order,
    anonymousAllowed: toBool(row.anonymous_allowed),
    staffOnly: toBool(row.staff_only),
    defaultUrgency: row.default_urgency,
    duplicateRadius: row.duplicate_radius,
    questions: parseQuestions(row.questions),
    active: toBool(row.active),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** One category with its questions parsed, or null when there is no such id (active or not). */
export async function loadCategory(db: Db | Trx, id: string): Promise<LoadedCategory | null> {
  const row = await db.selectFrom('civic_category').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCategory(row) : null;
}

/** The category and, when it has one, its parent (root first): what a case of it is shown under. */
export async function categoryWithAncestors(db: Db | Trx, id: string): Promise<LoadedCategory[]> {
  const category = await loadCategory(db, id);
  if (!category) return [];
  const parent = category.parentId ? await loadCategory(db, category.parentId) : null;
  return parent ? [parent, category] : [category];
}

/** Every category in tree order: roots by sort order, each followed by its children. */
export async function listCategoryRows(db: Db | Trx): Promise<LoadedCategory[]> {
  const rows = (await db.selectFrom('civic_category').selectAll().orderBy('sort_order').orderBy('code').execute()).map(
    toCategory,
  );
  const roots = rows.filter((r) => r.parentId === null);
  const ordered: LoadedCategory[] = [];
  for (const root of roots) {
    ordered.push(root, ...rows.filter((r) => r.parentId === root.id));
  }
  // A child whose parent went missing still shows, last, rather than vanishing.
  const placed = new Set(ordered.map((r) => r.id));
  return [...ordered, ...rows.filter((r) => !placed.has(r.id))];
}
