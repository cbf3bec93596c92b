import { DEFAULT_METRIC_SETTINGS } from '@linli/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/harness.ts';
import { pathStartsWith } from '../../../platform/sql-helpers.ts';
import { type CivicCounty, setupCivicTest } from '../civic-cases.test-support.ts';
import { expectTallyEqualsIndexes, tallySnapshot } from './civic-tally.test-support.ts';
import { civicTallyMismatches, rebuildCivicTally } from './civic-tally.verify.ts';
import { countsByGroup } from './metrics.repository.ts';
import { insertStory } from './metrics.test-support.ts';
import { NOVEMBER } from './metrics-story.test-support.ts';

/** Whole months, partial months at either end, a year, single days (one on a month's first Beijing day). */
const PERIODS = [
  { from: '2026-11-01', to: '2026-11-30' },
  { from: '2026-10-01', to: '2026-12-31' },
  { from: '2026-11-10', to: '2026-12-05' },
  { from: '2026-10-20', to: '2026-11-05' },
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2026-11-12', to: '2026-11-12' },
  { from: '2026-11-01', to: '2026-11-01' },
];

describe('the 民情 tally on the metrics story', () => {
  let t: TestApp;
  let county: CivicCounty;

  beforeAll(async () => {
    ({ t, county } = await setupCivicTest());
    await insertStory(t, county);
  });
  afterAll(() => t.close());

  const countyNovember = (settings = DEFAULT_METRIC_SETTINGS) =>
    countsByGroup(t.platform.db, t.platform.dialect, {
      scope: pathStartsWith('c.path', county.county.path),
      scopePath: county.county.path,
      period: { from: '2026-11-01', to: '2026-11-30' },
      settings,
      grouping: 'none',
    });

  it('counts the county’s November as counted by hand', async () => {
    expect((await countyNovember())[0]?.counts).toEqual(NOVEMBER);
  });

  it('answers every grouping, period and scope (county, town, community, compound) as the index queries do', async () => {
    const scopes = {
      county: county.county.path,
      town: county.committee.path,
      community: county.community.path,
      compound: county.compoundA.path,
      otherTown: county.otherCommittee.path,
    };
    expect(await expectTallyEqualsIndexes(t, scopes, PERIODS)).toBeGreaterThan(0);
  });

  it('follows the county’s void exclusions from the voids it keeps by reason', async () => {
    const insufficient = { ...DEFAULT_METRIC_SETTINGS, excludedVoidReasons: ['insufficient' as const] };
    const none = { ...DEFAULT_METRIC_SETTINGS, excludedVoidReasons: [] };
    // C5 was merged (a duplicate), C6 voided as insufficient.
    expect((await countyNovember(insufficient))[0]?.counts).toMatchObject({ voided: 2, excluded: 1 });
    expect((await countyNovember(none))[0]?.counts).toMatchObject({ voided: 2, excluded: 0 });
    await expectTallyEqualsIndexes(t, { county: county.county.path }, PERIODS.slice(0, 2), insufficient);
  });

  it('names the rows that differ from a fresh count, and a rebuild puts them right', async () => {
    expect(await civicTallyMismatches(t.platform.db, t.platform.dialect)).toEqual([]);
    const kept = await tallySnapshot(t);
    const row = kept.find((r) => r.grain === 'day' && r.received > 0);
    if (!row) throw new Error('the story receives cases');
    await t.platform.db
      .updateTable('civic_case_tally')
      .set({ received: row.received + 1 })
      .where('grain', '=', 'day')
      .where('bucket', '=', row.bucket)
      .where('compound_id', '=', row.compound_id)
      .where('category_id', '=', row.category_id)
      .execute();
    await t.platform.db
      .deleteFrom('civic_case_tally')
      .where('grain', '=', 'month')
      .where('bucket', '=', '2026-10')
      .execute();
    expect(await civicTallyMismatches(t.platform.db, t.platform.dialect)).toEqual([
      { grain: 'day', bucket: row.bucket, compoundId: row.compound_id, categoryId: row.category_id },
      { grain: 'month', bucket: '2026-10', compoundId: county.compoundA.id, categoryId: row.category_id },
    ]);
    await rebuildCivicTally(t.platform.db, t.platform.dialect);
    expect(await civicTallyMismatches(t.platform.db, t.platform.dialect)).toEqual([]);
    expect(await tallySnapshot(t)).toEqual(kept);
  });
});
