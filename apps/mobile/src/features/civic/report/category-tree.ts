import type { CivicCategory } from '@linli/contracts';

/** A root category and the categories a resident picks under it (every descendant, in tree order). */
export type CategoryGroup = { root: CivicCategory; options: CivicCategory[] };

/** The category's name in the UI language (English when the county gave one). */
export const categoryName = (category: CivicCategory, locale: string): string =>
  locale === 'en-US' && category.nameEn ? category.nameEn : category.name;

const rootOf = (category: CivicCategory, byId: Map<string, CivicCategory>): CivicCategory => {
  let current = category;
  const seen = new Set<string>();
  while (current.parentId !== null && !seen.has(current.id)) {
    seen.add(current.id);
    const parent = byId.get(current.parentId);
    if (!parent) break;
    current = parent;
  }
  return current;
};

/**
 * Roots become group headings; their descendants are the choices. A root without children (or whose children
 * the server left out, e.g. staff-only ones) is offered itself, so no branch of the tree is unreachable.
 */
export const groupCategories = (categories: readonly CivicCategory[]): CategoryGroup[] => {
  const active = categories.filter((category) => category.active);
  const byId = new Map(active.map((category) => [category.id, category]));
  const groups = new Map<string, CategoryGroup>();
  for (const category of active) {
    const root = rootOf(category, byId);
    const group = groups.get(root.id) ?? { root, options: [] };
    groups.set(root.id, group);
    if (category.id !== root.id) group.options.push(category);
  }
  return [...groups.values()]
    .map((group) => (group.options.length > 0 ? group : { ...group, options: [group.root] }))
    .sort((a, b) => a.root.sortOrder - b.root.sortOrder);
};

const haystack = (category: CivicCategory): string =>
  [category.name, category.nameEn, category.keywords, category.description].filter(Boolean).join(' ').toLowerCase();

/** Search matches a category's name (Chinese or English), its keywords and description; roots match their group. */
export const filterGroups = (groups: readonly CategoryGroup[], query: string): CategoryGroup[] => {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...groups];
  const matches = (category: CivicCategory) => words.every((word) => haystack(category).includes(word));
  return groups
    .map((group) => ({
      root: group.root,
      options: matches(group.root) ? group.options : group.options.filter(matches),
    }))
    .filter((group) => group.options.length > 0);
};
