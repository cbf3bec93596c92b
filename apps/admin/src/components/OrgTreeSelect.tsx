import type { OrgUnit } from '@linli/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { orgApi } from '../api/organisation.ts';

export const orgChildrenKey = (parentId: string | null) => ['org-units', 'children', parentId] as const;

type Props = {
  id?: string;
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  /** Which nodes may be picked; the others stay expandable but greyed out. */
  selectable?: (unit: OrgUnit) => boolean;
  /** A node that may not be picked, together with its whole subtree (e.g. the node being moved). */
  excludeSubtreeOf?: string | undefined;
  /**
   * Names of values that may not be loaded in the tree yet (an edit form's current value deep in the tree), so the
   * box shows the name instead of the id until that level is opened.
   */
  knownLabels?: Readonly<Record<string, string>>;
  'data-testid'?: string;
};

const ROOT = '__root__';
type Node = { unit: OrgUnit; pId: string };
type Labeled = { value: string; label?: ReactNode };

/** Picks a Party organisation from the caller's scope, loading the tree one level at a time. */
export const OrgTreeSelect = ({ selectable, excludeSubtreeOf, knownLabels, value, onChange, ...props }: Props) => {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roots = useQuery({ queryKey: orgChildrenKey(null), queryFn: () => orgApi.children() });
  const [loaded, setLoaded] = useState<Record<string, OrgUnit[]>>({});

  const nodes = useMemo(() => {
    const out = new Map<string, Node>();
    for (const unit of roots.data ?? []) out.set(unit.id, { unit, pId: ROOT });
    for (const [parentId, children] of Object.entries(loaded)) {
      for (const unit of children) out.set(unit.id, { unit, pId: parentId });
    }
    return out;
  }, [roots.data, loaded]);

  const isExcluded = (id: string): boolean => {
    if (!excludeSubtreeOf) return false;
    let cursor: string | undefined = id;
    while (cursor && cursor !== ROOT) {
      if (cursor === excludeSubtreeOf) return true;
      cursor = nodes.get(cursor)?.pId;
    }
    return false;
  };

  const titleOf = (unit: OrgUnit) =>
    t('common.fmt.withNote', { text: unit.name, note: t(`common.enum.orgKind.${unit.kind}`) });

  const treeData = [...nodes.values()].map(({ unit, pId }) => {
    const pickable = !isExcluded(unit.id) && (selectable ? selectable(unit) : true);
    return {
      id: unit.id,
      pId,
      value: unit.id,
      title: titleOf(unit),
      isLeaf: unit.childCount === 0,
      selectable: pickable,
      className: pickable ? undefined : 'tree-node-muted',
    };
  });

  const loadData = async (node: { value?: string | number }): Promise<void> => {
    const id = node.value;
    if (typeof id !== 'string' || loaded[id]) return;
    const children = await queryClient.fetchQuery({
      queryKey: orgChildrenKey(id),
      queryFn: () => orgApi.children(id),
      staleTime: 30_000,
    });
    setLoaded((prev) => ({ ...prev, [id]: children }));
  };

  // The value goes in with its label, so a node not loaded yet shows its known name rather than its id.
  const loadedUnit = value ? nodes.get(value)?.unit : undefined;
  const labeled: Labeled | undefined = value
    ? { value, label: loadedUnit ? titleOf(loadedUnit) : (knownLabels?.[value] ?? value) }
    : undefined;

  return (
    <TreeSelect<Labeled | undefined>
      {...props}
      labelInValue
      value={labeled}
      onChange={(v) => onChange?.(v?.value)}
      showSearch
      treeNodeFilterProp="title"
      treeDataSimpleMode={{ id: 'id', pId: 'pId', rootPId: ROOT }}
      treeData={treeData}
      loadData={loadData}
      loading={roots.isFetching}
      placeholder={props.placeholder}
      notFoundContent={roots.isError ? t('common.errors.loadFailed') : t('common.state.empty')}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 420, minWidth: 320 } } }}
    />
  );
};
