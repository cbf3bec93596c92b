import type { TestApp } from '../../../../test/harness.ts';
import { shanghaiDate } from '../../../platform/clock.ts';
import { newId } from '../../../platform/ids.ts';
import { toBool } from '../../../platform/sql-helpers.ts';
import { type CivicCounty, insertCase, propertyUnitA } from '../civic-cases.test-support.ts';
import type { CaseLog } from './case-metrics.ts';
import { rebuildCivicTally } from './civic-tally.verify.ts';
import { STORY } from './metrics-story.test-support.ts';

/**
 * Writes the story as the workflow would have left it: each case row with its facts (via `insertCase`, whose
 * `submit` event is stamped with the clock, so the clock is set to the story's submit time first) and the rest
 * of its events, then the tally rebuilt from them. Returns the case ids by story name.
 */
export async function insertStory(t: TestApp, county: CivicCounty): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const story of STORY) {
    const [submit, ...rest] = story.events;
    if (submit?.type !== 'submit') throw new Error(`${story.name}: the log must start with submit`);
    t.clock.set(submit.at);
    const inserted = await insertCase(t.platform, county, {
      status: story.status,
      compound: story.compound ?? 'A',
      anonymous: story.anonymous ?? false,
      unit: story.dispatched ? propertyUnitA(county) : null,
      receivedOn: shanghaiDate(new Date(submit.at)),
      title: story.name.slice(0, 30),
      overrides: story.facts,
    });
    ids.set(story.name, inserted.id);
    let seq = 1;
    for (const e of rest) {
      seq += 1;
      await t.platform.db
        .insertInto('civic_case_event')
        .values({
          id: newId(),
          case_id: inserted.id,
          seq,
          type: e.type,
          from_status: e.from,
          to_status: e.to,
          actor_user_id: null,
          actor_name: null,
          actor_role: null,
          at: e.at,
          deadline: e.deadline,
          on_time: e.onTime === null ? null : e.onTime ? 1 : 0,
          public_note: null,
          internal_note: null,
          data: JSON.stringify(e.data),
        })
        .execute();
    }
  }
  // The events above went straight into the log: count them into the tally as a bulk load would.
  await rebuildCivicTally(t.platform.db, t.platform.dialect);
  return ids;
}

/** Every case's log as stored: the static facts from the row and the events in sequence order. */
export async function readLogs(t: TestApp): Promise<CaseLog[]> {
  const cases = await t.platform.db
    .selectFrom('civic_case')
    .select(['id', 'category_id', 'compound_id', 'grid_id', 'community_id', 'unit_kind', 'unit_id', 'anonymous'])
    .orderBy('id')
    .execute();
  const events = await t.platform.db
    .selectFrom('civic_case_event')
    .selectAll()
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
  return cases.map((c) => ({
    id: c.id,
    categoryId: c.category_id,
    compoundId: c.compound_id,
    gridId: c.grid_id,
    communityId: c.community_id,
    unit: c.unit_kind && c.unit_id ? { kind: c.unit_kind, id: c.unit_id } : null,
    anonymous: toBool(c.anonymous),
    events: events
      .filter((e) => e.case_id === c.id)
      .map((e) => ({
        type: e.type,
        from: e.from_status,
        to: e.to_status,
        at: e.at,
        deadline: e.deadline,
        onTime: e.on_time === null ? null : toBool(e.on_time),
        data: JSON.parse(e.data) as Record<string, unknown>,
      })),
  }));
}
