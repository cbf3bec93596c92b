import type { CivicCategory } from '@linli/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { CIVIC_CATEGORIES_KEY, civicCategoriesApi } from '../../api/civicCases.ts';
import { useSession } from '../../app/session.tsx';

export type CategoryNode = {
  value: string;
  title: string;
  category: CivicCategory;
  children: CategoryNode[];
};

/** The plain list as a tree: roots, each with its children, ordered by `sortOrder`. */
export const buildCategoryTree = (items: readonly CivicCategory[]): CategoryNode[] => {
  const nodes = new Map<string, CategoryNode>();
  for (const c of items) {
    nodes.set(c.id, { value: c.id, title: c.name, category: c, children: [] });
  }
  const roots: CategoryNode[] = [];
  for (const c of items) {
    const node = nodes.get(c.id);
    if (!node) continue;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const bySort = (a: CategoryNode, b: CategoryNode) => a.category.sortOrder - b.category.sortOrder;
  const sortDeep = (list: CategoryNode[]): CategoryNode[] =>
    list.sort(bySort).map((n) => ({ ...n, children: sortDeep(n.children) }));
  return sortDeep(roots);
};

/**
 * The county's 民情 categories. Configurators load retired ones too (`?all=true`), so old cases still find their
 * category in the filter; everyone else gets the categories they may use.
 */
export const useCivicCategories = () => {
  const { can } = useSession();
  const all = can('civic_case.configure');
  const query = useQuery({
    queryKey: [...CIVIC_CATEGORIES_KEY, { all }],
    queryFn: () => civicCategoriesApi.list(all),
    staleTime: 5 * 60_000,
  });
  const items = query.data?.items;
  const byId = useMemo(() => new Map((items ?? []).map((c) => [c.id, c])), [items]);
  return { query, items: items ?? [], byId };
};
