/**
 * The data of `civic-metrics.measure.ts`: 3 towns × 5 communities × 2 compounds (each with a grid, a branch and a
 * property company), and a year of cases with their fact columns and event logs, drawn from a seeded stream so
 * every run measures the same data, inserted in bulk and then counted into the 民情 tally.
 */
import type { Insertable } from 'kysely';
import { defaultCivicCategoryId } from '../src/db/migrations/0009-civic-cases.ts';
import type { CivicCaseEventTable, CivicCaseTable } from '../src/db/schema-civic.ts';
import { rebuildCivicTally } from '../src/modules/civic-cases/index.ts';
import { type Clock, isoNow } from '../src/platform/clock.ts';
import type { Platform } from '../src/platform/context.ts';
import { newId } from '../src/platform/ids.ts';
import { createCompound, createGrid, createOrgUnit, type OrgNode } from './factories.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface Place {
  compound: { id: string; path: string };
  communityId: string;
  grid: { id: string; path: string };
  propertyId: string;
}

/** The county's 30 compounds, each with its community, a grid and a property company. */
export async function buildPlaces(platform: Platform, clock: Clock, county: OrgNode): Promise<Place[]> {
  const places: Place[] = [];
  for (let town = 0; town < 3; town++) {
    const committee = await createOrgUnit(platform, { parent: county, kind: 'party_committee' });
    for (let c = 0; c < 5; c++) {
      const community = await createOrgUnit(platform, { parent: committee, kind: 'general_branch' });
      for (let k = 0; k < 2; k++) {
        const compound = await createCompound(platform, community, { withBranch: true });
        const grid = await createGrid(platform, community, compound);
        const propertyId = newId();
        const now = isoNow(clock);
        await platform.db
          .insertInto('compound_party')
          .values({
            id: propertyId,
            compound_id: compound.id,
            kind: 'property_company',
            name: '物业',
            org_id: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
        places.push({ compound, communityId: community.id, grid, propertyId });
      }
    }
  }
  return places;
}

const categories = [1, 2, 4, 8].map(defaultCivicCategoryId);

/** A deterministic pseudo-random stream (mulberry32), so every run measures the same data. */
let seed = 42;
const rand = (): number => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
};
const iso = (ms: number): string => new Date(ms).toISOString();
const day = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
const YEAR_START = Date.parse('2026-01-01T00:00:00.000Z');

type CaseRow = Insertable<CivicCaseTable>;
type EventRow = Insertable<CivicCaseEventTable>;

/** One case and its log: mostly closed, some voided, waiting, open, overdue, reworked, extended or deferred. */
export function makeCase(places: readonly Place[], j: number): { row: CaseRow; events: EventRow[] } {
  const id = newId();
  const place = places[j % places.length] as Place;
  const submitted = YEAR_START + Math.floor(rand() * 364) * DAY + (1 + Math.floor(rand() * 8)) * HOUR;
  const events: EventRow[] = [];
  let t = submitted;
  const push = (
    type: EventRow['type'],
    from: EventRow['from_status'],
    to: EventRow['to_status'],
    extra: Partial<EventRow> = {},
  ) =>
    events.push({
      id: newId(),
      case_id: id,
      seq: events.length + 1,
      type,
      from_status: from,
      to_status: to,
      actor_user_id: null,
      actor_name: null,
      actor_role: null,
      at: iso(t),
      deadline: null,
      on_time: null,
      public_note: null,
      internal_note: null,
      data: '{}',
      ...extra,
    });
  const toGrid = rand() < 0.3;
  const row: CaseRow = {
    id,
    number: `MQ-B-${j}`,
    tracking_code: null,
    kind: 'request',
    nature: 'help',
    category_id: categories[j % categories.length] as string,
    urgency: 'ordinary',
    title: `事项${j}`,
    description: '楼道灯坏了',
    answers: '{}',
    channel: 'h5',
    anonymous: 0,
    reporter_user_id: null,
    reporter_name_cipher: null,
    reporter_phone_cipher: null,
    filed_by: null,
    household_id: null,
    visit_id: null,
    source_ref: null,
    compound_id: place.compound.id,
    grid_id: place.grid.id,
    community_id: place.communityId,
    path: place.grid.path,
    building: null,
    unit_no: null,
    room: null,
    address_text: null,
    lng: null,
    lat: null,
    status: 'submitted',
    end_type: null,
    void_reason: null,
    merged_into_id: null,
    unit_kind: null,
    unit_id: null,
    unit_name: null,
    unit_path: null,
    step: 'accept',
    step_started_at: iso(t),
    deadline_at: iso(t + DAY),
    due_soon_at: null,
    handle_deadline_at: null,
    pending_request: null,
    deferred_until: null,
    deferred_remaining_minutes: null,
    sign_on_time: null,
    responded: null,
    handle_on_time: null,
    accepted_at: null,
    dispatched_at: null,
    signed_at: null,
    contacted_at: null,
    handled_at: null,
    verified_at: null,
    closed_at: null,
    rated_at: null,
    received_on: day(t),
    dispatched_on: null,
    closed_on: null,
    rated_on: null,
    rating_resolved: null,
    rating: null,
    rating_comment: null,
    rated_by_reporter: null,
    created_at: iso(t),
    updated_at: iso(t),
    // Multi-row inserts name every column of the batch, so the defaulted ones are set here too.
    excluded: 0,
    overdue: 0,
    follower_count: 0,
    rework_count: 0,
    extension_count: 0,
    deferral_count: 0,
    reopen_count: 0,
    open_supervisions: 0,
    version: 1,
  };
  push('submit', null, 'submitted');
  const r = rand();
  if (r < 0.03) {
    t += HOUR;
    const merge = rand() < 0.5;
    push(merge ? 'merge' : 'void', 'submitted', 'voided', {
      data: JSON.stringify(merge ? {} : { voidReason: 'insufficient' }),
    });
    return {
      row: {
        ...row,
        status: 'voided',
        end_type: 'voided',
        void_reason: merge ? 'duplicate' : 'insufficient',
        step: null,
        deadline_at: null,
      },
      events,
    };
  }
  if (r < 0.05) return { row, events };
  t += HOUR;
  push('accept', 'submitted', 'accepted');
  Object.assign(row, { status: 'accepted', accepted_at: iso(t) });
  if (rand() < 0.03) return { row, events };
  t += HOUR;
  push('dispatch', 'accepted', 'dispatched');
  Object.assign(row, {
    status: 'dispatched',
    dispatched_at: iso(t),
    dispatched_on: day(t),
    step: 'sign',
    deadline_at: iso(t + 4 * HOUR),
    unit_kind: toGrid ? 'grid' : 'property_company',
    unit_id: toGrid ? place.grid.id : place.propertyId,
    unit_name: toGrid ? '网格' : '物业',
    unit_path: toGrid ? place.grid.path : place.compound.path,
  });
  if (rand() < 0.02) return { row: { ...row, overdue: 1 }, events };
  const signDeadline = t + 4 * HOUR;
  const signOnTime = rand() < 0.85;
  t += signOnTime ? 2 * HOUR : 6 * HOUR;
  push('sign', 'dispatched', 'signed', { deadline: iso(signDeadline), on_time: signOnTime ? 1 : 0 });
  t += HOUR;
  const contactedInTime = rand() < 0.9 && t <= signDeadline;
  push('contact', 'signed', 'signed');
  Object.assign(row, {
    status: 'signed',
    signed_at: iso(t),
    contacted_at: iso(t),
    sign_on_time: signOnTime ? 1 : 0,
    responded: signOnTime && contactedInTime ? 1 : 0,
    step: 'handle',
    deadline_at: iso(t + 7 * DAY),
  });
  push('start', 'signed', 'in_progress');
  if (rand() < 0.06) {
    t += DAY;
    push('request_extension', 'in_progress', 'in_progress');
    const grant = rand() < 0.7;
    push('decide_request', 'in_progress', 'in_progress', { data: JSON.stringify({ grant, kind: 'extension' }) });
    if (grant) row.extension_count = 1;
  }
  if (rand() < 0.05) {
    push('request_deferral', 'in_progress', 'in_progress');
    push('decide_request', 'in_progress', 'deferred', { data: JSON.stringify({ grant: true, kind: 'deferral' }) });
    return { row: { ...row, status: 'deferred', deferral_count: 1, step: null, deadline_at: null }, events };
  }
  if (rand() < 0.06) {
    const overdue = rand() < 0.4;
    if (overdue) push('overdue', 'in_progress', 'in_progress');
    return { row: { ...row, status: 'in_progress', overdue: overdue ? 1 : 0 }, events };
  }
  const handleOnTime = rand() < 0.8;
  t += (handleOnTime ? 3 : 9) * DAY;
  push('handle', 'in_progress', 'handled', { on_time: handleOnTime ? 1 : 0 });
  if (rand() < 0.05) {
    push('reject', 'handled', 'rework');
    t += DAY;
    push('handle', 'rework', 'handled', { on_time: 1 });
    row.rework_count = 1;
  }
  t += HOUR;
  push('verify', 'handled', 'verified');
  t += HOUR;
  const resolved = rand() < 0.9;
  push('close', 'verified', 'closed', { data: JSON.stringify({ endType: resolved ? 'resolved' : 'unresolved' }) });
  Object.assign(row, {
    status: 'closed',
    step: null,
    deadline_at: null,
    handle_on_time: handleOnTime ? 1 : 0,
    handled_at: iso(t),
    closed_at: iso(t),
    closed_on: day(t),
    end_type: resolved ? 'resolved' : 'unresolved',
  });
  if (rand() < 0.7) {
    t += DAY;
    const x = rand();
    const rating = x < 0.7 ? 'satisfied' : x < 0.9 ? 'basically_satisfied' : 'dissatisfied';
    push('rate', 'closed', 'closed', {
      data: JSON.stringify({ resolved: resolved && rating !== 'dissatisfied', rating }),
    });
    Object.assign(row, {
      rated_at: iso(t),
      rated_on: day(t),
      rating,
      rating_resolved: resolved && rating !== 'dissatisfied' ? 1 : 0,
      rated_by_reporter: 1,
    });
  }
  return { row, events };
}

/**
 * Inserts `count` cases with their logs in batches of 5,000 per transaction, straight into the tables as the
 * workflow would have left them, then rebuilds the 民情 tally from them (a bulk load bypasses the writers that
 * keep it). Answers the number of events and how long the rebuild took.
 */
export async function insertCases(
  platform: Platform,
  places: readonly Place[],
  count: number,
): Promise<{ events: number; rebuildMs: number }> {
  let events = 0;
  for (let batch = 0; batch < count; batch += 5_000) {
    const made = Array.from({ length: Math.min(5_000, count - batch) }, (_, k) => makeCase(places, batch + k));
    await platform.db.transaction().execute(async (trx) => {
      for (let i = 0; i < made.length; i += 250) {
        await trx
          .insertInto('civic_case')
          .values(made.slice(i, i + 250).map((m) => m.row))
          .execute();
      }
      const logs = made.flatMap((m) => m.events);
      events += logs.length;
      for (let i = 0; i < logs.length; i += 1_000) {
        await trx
          .insertInto('civic_case_event')
          .values(logs.slice(i, i + 1_000))
          .execute();
      }
    });
  }
  const started = performance.now();
  await rebuildCivicTally(platform.db, platform.dialect);
  return { events, rebuildMs: Math.round(performance.now() - started) };
}
