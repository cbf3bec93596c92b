import { loadMetricSettings, OPEN_STATUSES } from '../../modules/civic-cases/index.ts';
import { DAY_MS, MINUTE_MS } from '../../platform/clock.ts';
import type { Random } from '../seeded-random.ts';
import { casesPerDay } from './case-days.ts';
import { type CategoryFacts, type DrawKit, drawCase, minuteOfDay, sweepPeopleFor, trackingCodes } from './case-draw.ts';
import { fileCase } from './case-intake.ts';
import { mergeInto } from './case-merge.ts';
import { openCaseSink } from './case-sink.ts';
import { playStory } from './case-story.ts';
import { sweepUntil } from './case-sweep.ts';
import type { CaseTimeline, CaseWorld } from './case-timeline.ts';
import { type CaseTotals, writeCaseChunk, writeCounters } from './case-write.ts';
import { loadWorkClock } from './scale-calendar.ts';
import { CATEGORY_WEIGHTS } from './scale-case-texts.ts';
import { phaseStreams, type ScaleContext } from './scale-context.ts';
import type { CompoundResidents } from './scale-households.ts';
import type { ScaleCompound, ScaleGrid, ScalePlaces } from './scale-places.ts';
import { scaleStream, weightedPicker } from './scale-random.ts';
import { loadRouter } from './scale-routing.ts';
import { loadSlaBook } from './scale-sla.ts';
import type { StaffDirectory } from './scale-staff.ts';
import { shanghaiDay } from './scale-time.ts';

/** Cases per transaction: some fifty thousand rows with their events. */
const CHUNK = 1000;
/** The writer thread's page cache (file-based SQLite). */
const WRITER_CACHE_KIB = 65_536;
/** Cases start a month after a compound joined (its residents registered by then). */
const SETTLING_MS = 30 * DAY_MS;
/** The pilot compound (where the demo accounts work) and the demo grid worker's grid are busier than most. */
const PILOT_COMPOUND_WEIGHT = 8;
const PILOT_GRID_WEIGHT = 6;
/** A share of H5 and hotline reports repeat an open case of the same compound and category: merged at intake. */
const DUPLICATE_SHARE = 0.012;

export interface CaseInput {
  places: ScalePlaces;
  staff: StaffDirectory;
  residents: Map<string, CompoundResidents>;
  /** Recorded households per compound: busier compounds report more. */
  households: Map<string, number>;
  total: number;
}

/**
 * The five years of 民情: `total` cases, day by day, each numbered after the day's existing cases, filed, played
 * through its story to the cutoff, and written with its events, requests, 督办 and followers in chunks of a few
 * thousand per transaction — never all in memory. Then the per-day number counters.
 */
export async function generateCases(ctx: ScaleContext, input: CaseInput): Promise<CaseTotals> {
  const draw = await CaseDraw.prepare(ctx, input);
  const totals: CaseTotals = { cases: 0, events: 0, requests: 0, supervisions: 0, followers: 0, days: new Map() };
  const phase = ctx.progress.phase('civic cases', input.total);
  const sink = await openCaseSink(ctx, WRITER_CACHE_KIB);
  try {
    let chunk: CaseTimeline[] = [];
    for (const [d, count] of casesPerDay(ctx.span, input.total).entries()) {
      for (const c of draw.day(d, count, totals.days)) {
        chunk.push(c);
        if (chunk.length < CHUNK) continue;
        await writeCaseChunk(ctx, sink, chunk, totals);
        phase.advance(chunk.length);
        chunk = [];
        draw.forgetRecent();
      }
    }
    await writeCaseChunk(ctx, sink, chunk, totals);
    phase.advance(chunk.length);
  } finally {
    await sink.close();
  }
  phase.end();
  await writeCounters(ctx, totals.days);
  return totals;
}

/** Draws the cases of one day after another, with what every case needs read once. */
class CaseDraw {
  /** The latest case per compound and category in the chunk being drawn: what a repeated report merges into. */
  private readonly recent = new Map<string, CaseTimeline>();

  private constructor(
    private readonly ctx: ScaleContext,
    private readonly kit: DrawKit,
    private readonly world: CaseWorld,
    private readonly categories: CategoryFacts[],
    private readonly pickCategory: (random: Random) => number,
    private readonly counters: Map<string, number>,
    private readonly places: PlacePicker,
  ) {}

  static async prepare(ctx: ScaleContext, input: CaseInput): Promise<CaseDraw> {
    const { random, ids } = phaseStreams(ctx, 'civic-cases');
    const world = await loadWorld(ctx, ids, scaleStream(ctx.seed, 'civic-cases:sweep'));
    const kit: DrawKit = {
      ctx,
      random,
      places: input.places,
      staff: input.staff,
      residents: input.residents,
      route: await loadRouter(ctx.db),
      trackingCode: trackingCodes(await takenCodes(ctx)),
    };
    const categories = await loadCategories(ctx);
    const pickCategory = weightedPicker(categories.map((c) => CATEGORY_WEIGHTS[c.code] ?? 1));
    return new CaseDraw(ctx, kit, world, categories, pickCategory, await existingCounters(ctx), new PlacePicker(input));
  }

  forgetRecent(): void {
    this.recent.clear();
  }

  /** The `count` cases of day `d`, in the order they came in, numbered after the day's existing ones. */
  *day(d: number, count: number, lastNumbers: Map<string, number>): Generator<CaseTimeline> {
    if (count === 0) return;
    const { random } = this.kit;
    const dayStart = this.ctx.span.startMs + d * DAY_MS;
    const day = shanghaiDay(dayStart);
    const minutes = Array.from({ length: count }, () => minuteOfDay(random)).sort((a, b) => a - b);
    this.places.openOn(dayStart);
    const first = this.counters.get(day) ?? 0;
    for (const [i, minute] of minutes.entries()) {
      const submittedMs = dayStart + minute * MINUTE_MS + random.int(0, 59_999);
      const number = `MQ${day.replace(/-/g, '')}-${String(first + i + 1).padStart(4, '0')}`;
      yield this.one(submittedMs, number);
    }
    lastNumbers.set(day, first + count);
  }

  private one(submittedMs: number, number: string): CaseTimeline {
    const { random } = this.kit;
    const { compound, grid } = this.places.pick(random);
    const category = this.categories[this.pickCategory(random)] as CategoryFacts;
    const head = { id: this.world.ids(submittedMs), number, submittedMs, compound, grid };
    const { draft, cast } = drawCase(this.kit, head, category);
    const c = fileCase(this.world, draft);
    const people = sweepPeopleFor(this.kit, compound, cast);
    const key = `${compound.id}|${category.id}`;
    const survivor = this.recent.get(key);
    const mergeAt = submittedMs + random.int(10, 120) * MINUTE_MS;
    const repeats = (draft.channel === 'h5' || draft.channel === 'hotline') && random.next() < DUPLICATE_SHARE;
    if (repeats && survivor && c.happens(mergeAt) && OPEN_STATUSES.includes(survivor.statusAt(mergeAt) ?? 'closed')) {
      sweepUntil(c, mergeAt, people);
      mergeInto(c, survivor, mergeAt, cast.dispatcher);
      sweepUntil(c, this.ctx.span.cutoffMs, people);
    } else {
      playStory(c, cast, random, people);
    }
    this.recent.set(key, c);
    return c;
  }
}

/** The county's limits, calendar and metric settings, read once. */
async function loadWorld(ctx: ScaleContext, ids: CaseWorld['ids'], random: Random): Promise<CaseWorld> {
  const { settings } = await loadMetricSettings(ctx.db);
  // Deadlines reach past the cutoff: a complex case's 15 working days and a deferral's months.
  const clock = await loadWorkClock(ctx.db, ctx.span.startMs - 2 * DAY_MS, ctx.span.cutoffMs + 400 * DAY_MS);
  return {
    sla: await loadSlaBook(ctx.db, clock, settings.dueSoonShare),
    clock,
    cutoffMs: ctx.span.cutoffMs,
    dueSoonShare: settings.dueSoonShare,
    excludedVoidReasons: settings.excludedVoidReasons,
    ids,
    random,
  };
}

/** The leaf categories in use, in the tree's order. */
async function loadCategories(ctx: ScaleContext): Promise<CategoryFacts[]> {
  const rows = await ctx.db
    .selectFrom('civic_category')
    .select(['id', 'code', 'anonymous_allowed', 'staff_only', 'default_urgency'])
    .where('parent_id', 'is not', null)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    anonymousAllowed: r.anonymous_allowed === 1,
    staffOnly: r.staff_only === 1,
    defaultUrgency: r.default_urgency,
  }));
}

async function existingCounters(ctx: ScaleContext): Promise<Map<string, number>> {
  const rows = await ctx.db.selectFrom('civic_case_counter').select(['day', 'last']).execute();
  return new Map(rows.map((r) => [r.day, Number(r.last)]));
}

async function takenCodes(ctx: ScaleContext): Promise<Set<string>> {
  const rows = await ctx.db
    .selectFrom('civic_case')
    .select('tracking_code')
    .where('tracking_code', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.tracking_code ?? ''));
}

/**
 * Where a day's cases come from: the compounds open for cases that day, in proportion to their recorded
 * households, the pilot compound busier; within a compound one of its grids, the demo grid worker's busiest.
 */
class PlacePicker {
  private active: ScaleCompound[] = [];
  private pickCompound: ((random: Random) => number) | null = null;
  private readonly gridPickers = new Map<string, (random: Random) => number>();
  private readonly pilot: ScaleCompound | undefined;

  constructor(private readonly input: CaseInput) {
    this.pilot = input.places.compounds.find((c) => !c.generated);
  }

  /** The compounds that take cases on the day: those that joined at least a month before. */
  openOn(dayStartMs: number): void {
    const open = this.input.places.compounds.filter((c) => c.createdMs + SETTLING_MS <= dayStartMs);
    if (open.length === 0) throw new Error(`no compound takes cases on ${shanghaiDay(dayStartMs)}`);
    if (open.length === this.active.length && this.pickCompound) return;
    this.active = open;
    this.pickCompound = weightedPicker(
      open.map((c) => (this.input.households.get(c.id) ?? 1) * (c === this.pilot ? PILOT_COMPOUND_WEIGHT : 1)),
    );
  }

  pick(random: Random): { compound: ScaleCompound; grid: ScaleGrid | null } {
    if (!this.pickCompound) throw new Error('no day opened');
    const compound = this.active[this.pickCompound(random)];
    if (!compound) throw new Error('no compound picked');
    if (compound.grids.length === 0) return { compound, grid: null };
    let pickGrid = this.gridPickers.get(compound.id);
    if (!pickGrid) {
      pickGrid = weightedPicker(
        compound.grids.map((_, i) => (compound === this.pilot && i === 0 ? PILOT_GRID_WEIGHT : 1)),
      );
      this.gridPickers.set(compound.id, pickGrid);
    }
    return { compound, grid: compound.grids[pickGrid(random)] ?? null };
  }
}
