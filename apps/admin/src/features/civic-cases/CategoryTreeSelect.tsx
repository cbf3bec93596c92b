import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildCategoryTree, type CategoryNode, useCivicCategories } from './useCivicCategories.ts';

type Props = {
  id?: string;
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  /** Filing a case: only active categories may be picked (a retired one stays visible in the filter). */
  activeOnly?: boolean;
  'data-testid'?: string;
};

/** Picks a 民情 category from the county's tree, searching by name; a parent covers its children in the list filter. */
export const CategoryTreeSelect = ({ activeOnly = false, value, onChange, ...props }: Props) => {
  const { t } = useTranslation();
  const { query, items } = useCivicCategories();
  const treeData = useMemo(() => {
    const shown = activeOnly ? items.filter((c) => c.active) : items;
    const label = (n: CategoryNode): CategoryNode => ({
      ...n,
      title: n.category.active ? n.title : t('civic.category.retired', { name: n.category.name }),
      children: n.children.map(label),
    });
    return buildCategoryTree(shown).map(label);
  }, [items, activeOnly, t]);
  return (
    <TreeSelect
      {...props}
      value={value}
      onChange={(v?: string) => onChange?.(v ?? undefined)}
      treeData={treeData}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      loading={query.isFetching}
      notFoundContent={query.isError ? t('common.errors.loadFailed') : t('common.state.empty')}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, minWidth: 260 } } }}
    />
  );
};
