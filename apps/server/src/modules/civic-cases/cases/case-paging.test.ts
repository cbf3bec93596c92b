import type { CivicCaseSummary } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, errorCode } from '../../../../test/harness.ts';
import { insertCase, setupCivicTest } from '../civic-cases.test-support.ts';

type Setup = Awaited<ReturnType<typeof setupCivicTest<'countyAdmin'>>>;

/** Instants on one day; a few repeat, so ties fall to the id. */
const at = (minute: number) => `2026-03-02T0${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}:00.000Z`;

describe('GET /civic-cases — keyset paging', () => {
  let s: Setup;
  const cases: { id: string; created: string; updated: string; deadline: string | null }[] = [];

  beforeAll(async () => {
    s = await setupCivicTest('countyAdmin');
    for (let i = 0; i < 9; i += 1) {
      const row = {
        created: at(10 * (i % 5)),
        updated: at(7 * ((i * 3) % 4)),
        deadline: i % 3 === 0 ? null : at(100 + 5 * (i % 4)),
      };
      const { id } = await insertCase(s.t.platform, s.county, {
        status: 'dispatched',
        deadlineAt: row.deadline,
        overrides: { created_at: row.created, updated_at: row.updated },
      });
      cases.push({ id, ...row });
    }
  });
  afterAll(() => s.t.close());

  async function walk(sort: string, order: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const suffix: string = cursor ? `&cursor=${cursor}` : '';
      const response = await as(s.t.app, s.countyAdmin).get(
        `/api/v1/civic-cases?limit=2&sort=${sort}&order=${order}${suffix}`,
      );
      expect(response.statusCode).toBe(200);
      const body = response.json() as { items: CivicCaseSummary[]; nextCursor: string | null };
      seen.push(...body.items.map((c) => c.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    return seen;
  }

  const expected = (key: (c: (typeof cases)[number]) => string, order: 'asc' | 'desc') =>
    [...cases]
      .sort((a, b) => {
        const byKey = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
        const byId = a.id < b.id ? -1 : 1;
        return (order === 'asc' ? 1 : -1) * (byKey !== 0 ? byKey : byId);
      })
      .map((c) => c.id);

  for (const order of ['asc', 'desc'] as const) {
    it(`pages by creation time ${order} without repeats or gaps`, async () => {
      const seen = await walk('created', order);
      expect(new Set(seen).size).toBe(cases.length);
      expect(seen).toEqual(expected((c) => c.created, order));
    });

    it(`pages by last update ${order} without repeats or gaps`, async () => {
      const seen = await walk('updated', order);
      expect(seen).toEqual(expected((c) => c.updated, order));
    });

    it(`pages by deadline ${order} with the cases without a deadline last`, async () => {
      const seen = await walk('deadline', order);
      const timed = cases.filter((c) => c.deadline !== null);
      const untimed = cases.filter((c) => c.deadline === null);
      expect(new Set(seen).size).toBe(cases.length);
      expect(seen.slice(0, timed.length)).toEqual(
        expected((c) => c.deadline ?? '', order).filter((caseId) => timed.some((c) => c.id === caseId)),
      );
      const untimedIds = untimed.map((c) => c.id).sort();
      expect(seen.slice(timed.length)).toEqual(order === 'asc' ? untimedIds : untimedIds.reverse());
    });
  }

  it('refuses a cursor taken under another sort', async () => {
    const first = await as(s.t.app, s.countyAdmin).get('/api/v1/civic-cases?limit=2&sort=created');
    const cursor = first.json().nextCursor as string;
    const response = await as(s.t.app, s.countyAdmin).get(`/api/v1/civic-cases?limit=2&sort=updated&cursor=${cursor}`);
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('VALIDATION_FAILED');
  });
});
