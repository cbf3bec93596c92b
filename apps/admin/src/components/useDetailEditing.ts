import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * The id a detail drawer shows: the last one opened, kept while the drawer animates closed (so its content does
 * not vanish mid-animation).
 */
export const useStickyId = (id: string | null): string | null => {
  const [last, setLast] = useState(id);
  if (id !== null && id !== last) setLast(id);
  return id ?? last;
};

/**
 * The version an edit dialog edits: taken when the dialog opens and replaced only by an explicit reload, so a
 * background refetch never swaps the version under the user's typing (the server's 412 is what tells them).
 */
export const useEditSnapshot = <T>() => {
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState<T | null>(null);
  return {
    open,
    base,
    start: (value: T) => {
      setBase(value);
      setOpen(true);
    },
    replace: (value: T) => setBase(value),
    close: () => setOpen(false),
  };
};

/** Where one kind of object's detail lives: its cache key, its GET, and the key of its lists. */
export type DetailSource<D> = {
  key: (id: string) => QueryKey;
  get: (id: string) => Promise<D>;
  listKey: QueryKey;
};

/** The detail GET for a drawer's id (kept while the drawer closes). */
export const useDetailQuery = <D>(id: string | null, source: DetailSource<D>) => {
  const shownId = useStickyId(id) ?? '';
  return useQuery({ queryKey: source.key(shownId), queryFn: () => source.get(shownId), enabled: shownId !== '' });
};

/** What follows a save: the saved version becomes the cached detail, and the lists load again. */
export const useStoreSaved = <D extends { id: string }>(source: DetailSource<D>) => {
  const queryClient = useQueryClient();
  return (saved: D) => {
    queryClient.setQueryData(source.key(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: source.listKey });
  };
};

/**
 * A detail drawer whose 编辑 edits the object as read: the detail, the edit snapshot (`edit.start(detail)`), and
 * `dialog`, the props of the edit dialog (reload takes the newest version; a save updates the cache).
 */
export const useEditableDetail = <D extends { id: string }>(id: string | null, source: DetailSource<D>) => {
  const detail = useDetailQuery(id, source);
  const edit = useEditSnapshot<D>();
  const onSaved = useStoreSaved(source);
  const dialog = {
    open: edit.open,
    onClose: edit.close,
    onReload: async () => {
      const fresh = await detail.refetch();
      if (fresh.data) edit.replace(fresh.data);
    },
    onSaved,
  };
  return { detail, edit, dialog };
};
