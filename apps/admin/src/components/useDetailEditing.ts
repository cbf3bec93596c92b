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
