import type { OrgUnit } from '@linli/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { orgApi } from '../../api/organisation.ts';
import { orgChildrenKey } from '../../components/OrgTreeSelect.tsx';

/** Key of the list of scope roots in the children map. */
export const ROOT = '__root__';

/**
 * The org tree as loaded so far: the children of each expanded node, fetched one level at a time.
 * `reload` refreshes the listed levels after a change (a new child, a rename, a move, a delete).
 */
export const useOrgTree = () => {
  const queryClient = useQueryClient();
  const [children, setChildren] = useState<Record<string, OrgUnit[]>>({});
  const [rootError, setRootError] = useState<unknown>(null);
  const [rootLoading, setRootLoading] = useState(true);

  const load = useCallback(
    async (key: string) => {
      const parentId = key === ROOT ? null : key;
      const items = await queryClient.fetchQuery({
        queryKey: orgChildrenKey(parentId),
        queryFn: () => orgApi.children(parentId ?? undefined),
        staleTime: 0,
      });
      setChildren((prev) => ({ ...prev, [key]: items }));
    },
    [queryClient],
  );

  const loadRoots = useCallback(async () => {
    setRootLoading(true);
    setRootError(null);
    try {
      await load(ROOT);
    } catch (e) {
      setRootError(e);
    } finally {
      setRootLoading(false);
    }
  }, [load]);

  useEffect(() => {
    void loadRoots();
  }, [loadRoots]);

  /** Under which loaded list each node appears (a scope root's real parent may be outside the scope). */
  const listedUnder = useMemo(() => {
    const map = new Map<string, string>();
    for (const [key, items] of Object.entries(children)) for (const u of items) map.set(u.id, key);
    return map;
  }, [children]);

  const unitById = useMemo(() => {
    const map = new Map<string, OrgUnit>();
    for (const items of Object.values(children)) for (const u of items) map.set(u.id, u);
    return map;
  }, [children]);

  /** Refreshes the given levels that are loaded (or the roots); other levels load when expanded. */
  const reload = useCallback(
    async (keys: (string | null | undefined)[]) => {
      const wanted = new Set(keys.filter((k): k is string => !!k && (k === ROOT || k in children)));
      await Promise.all([...wanted].map((k) => load(k).catch(() => undefined)));
      await queryClient.invalidateQueries({ queryKey: ['org-units'] });
    },
    [children, load, queryClient],
  );

  return { children, load, reload, listedUnder, unitById, rootError, rootLoading, loadRoots };
};

export type OrgTree = ReturnType<typeof useOrgTree>;
