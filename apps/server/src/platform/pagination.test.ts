import { describe, expect, it } from 'vitest';
import { decodeCursor, toBatchedPage } from './pagination.ts';

describe('toBatchedPage', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  const cursorOf = (row: { id: string }) => ({ id: row.id });

  it('builds the items of the page in one batch, leaving out the look-ahead row, and points past the last', async () => {
    const batches: string[][] = [];
    const page = await toBatchedPage(
      rows,
      2,
      async (batch) => {
        batches.push(batch.map((r) => r.id));
        return batch.map((r) => r.id.toUpperCase());
      },
      cursorOf,
    );
    expect(batches).toEqual([['a', 'b']]);
    expect(page.items).toEqual(['A', 'B']);
    expect(decodeCursor(page.nextCursor ?? undefined, ['id'])).toEqual({ id: 'b' });
  });

  it('has no next cursor on the last page', async () => {
    const page = await toBatchedPage(rows, 3, async (batch) => batch.map((r) => r.id), cursorOf);
    expect(page).toEqual({ items: ['a', 'b', 'c'], nextCursor: null });
  });
});
