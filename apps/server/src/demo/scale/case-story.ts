import type { Rating, Urgency, VoidReason } from '@linli/contracts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../platform/clock.ts';
import type { Random } from '../seeded-random.ts';
import * as act from './case-actions.ts';
import { type SweepPeople, sweepUntil } from './case-sweep.ts';
import type { CaseTimeline, EventActor } from './case-timeline.ts';
import type { RouteProposal, ScaleUnit } from './scale-routing.ts';
import { shanghaiDay, shanghaiMidnight } from './scale-time.ts';

/** Who takes part in one case's story. */
export interface CaseCast {
  dispatcher: EventActor;
  verifier: EventActor;
  /** The resident who reported on H5 (they rate their own case); null for staff channels and anonymous reports. */
  reporter: EventActor | null;
  staffOf(unit: ScaleUnit): EventActor;
  route: RouteProposal;
  /** Set when the dispatcher sends the case to its grid instead of where the rules propose. */
  gridUnit: ScaleUnit | null;
  /** Registered residents of the compound, who may follow the case ("me too"). */
  neighbours: ReadonlyArray<{ userId: string }>;
}

const VOID_REASONS: readonly VoidReason[] = [
  'duplicate',
  'out_of_scope',
  'insufficient',
  'not_responsible',
  'referred',
];
const RESULTS = [
  '已安排人员到现场处理完毕，并拍照留存。',
  '已联系相关单位维修，现已恢复正常。',
  '经现场协调，双方达成一致，问题已解决。',
  '已清理完毕，将加强日常巡查。',
];

/** How long handling takes by urgency, in minutes: mostly inside the 12345 limits (2 h, 24 h, 7 and 15 days). */
const HANDLING: Record<Urgency, [number, number]> = {
  emergency: [20, 110],
  utility: [90, 20 * 60],
  ordinary: [120, 5 * 24 * 60],
  complex: [24 * 60, 12 * 24 * 60],
};

/**
 * One case's life after intake, drawn from the county's mix: a few voided at intake with each reason; most
 * accepted, dispatched (to where the rules propose, sometimes straight to the grid), signed for, handled,
 * verified and closed as resolved, then rated; some late at intake, sign-for or handling (the sweep flags and
 * escalates them), extended, deferred (挂账) for months, sent back by the verifier, rated dissatisfied (which
 * reopens them), or followed by neighbours. The story stops at the first step that would fall at or after the
 * cutoff, so the newest cases wait in every state; then the sweep catches up to the cutoff.
 */
export function playStory(c: CaseTimeline, cast: CaseCast, random: Random, people: SweepPeople): void {
  new StoryPlayer(c, cast, random, people).play();
  sweepUntil(c, c.world.cutoffMs, people);
}

class StoryPlayer {
  private at: number;

  constructor(
    private readonly c: CaseTimeline,
    private readonly cast: CaseCast,
    private readonly random: Random,
    private readonly people: SweepPeople,
  ) {
    this.at = c.lastMs;
  }

  /** The next step `minutes` on, after the sweep's work up to it; false (and nothing done) past the cutoff. */
  private go(minutes: number, step: (atMs: number) => void): boolean {
    this.at += Math.round(minutes * MINUTE_MS);
    if (!this.c.happens(this.at)) return false;
    sweepUntil(this.c, this.at, this.people);
    step(this.at);
    return true;
  }

  private between(from: number, to: number): number {
    return this.random.int(from, to);
  }

  /** Minutes from now to somewhere between `low` and `high` of the time left in the running step. */
  private inTime(low: number, high: number): number {
    const left = this.c.deadlineMs === null ? 120 : Math.max(1, (this.c.deadlineMs - this.at) / MINUTE_MS);
    return Math.max(1, left * (low + (high - low) * this.random.next()));
  }

  /** Minutes from now to a while after the running step's deadline. */
  private late(from: number, to: number): number {
    const left = this.c.deadlineMs === null ? 0 : (this.c.deadlineMs - this.at) / MINUTE_MS;
    return Math.max(1, left + this.between(from, to));
  }

  play(): void {
    const { c, cast, random } = this;
    if (random.next() < 0.055) {
      const reason = random.pick(VOID_REASONS);
      this.go(this.between(10, 180), (t) => act.voidCase(c, t, cast.dispatcher, reason, '经核实，不予立案。'));
      return;
    }
    const lateIntake = random.next() < 0.02;
    const acceptIn = lateIntake ? this.late(20, 480) : this.inTime(0.05, 0.6);
    if (!this.go(acceptIn, (t) => act.accept(c, t, cast.dispatcher))) return;
    const unit = cast.gridUnit ?? cast.route.unit;
    const route = { unit, routed: cast.gridUnit === null, ruleId: cast.gridUnit ? null : cast.route.ruleId };
    const dispatchIn = lateIntake ? this.between(1, 30) : this.inTime(0.1, 0.9);
    if (!this.go(dispatchIn, (t) => act.dispatch(c, t, cast.dispatcher, route))) return;
    if (!this.followers()) return;
    const staff = cast.staffOf(unit);
    if (this.signed(staff) && this.requests(staff) && this.handledToClose(staff)) this.rating(staff);
  }

  /** Now and then neighbours follow the case while it is handled. */
  private followers(): boolean {
    const { c, cast, random } = this;
    if (cast.neighbours.length === 0 || random.next() >= 0.05) return true;
    for (let n = random.int(1, 3); n > 0; n -= 1) {
      const neighbour = random.pick(cast.neighbours).userId;
      if (!this.go(this.between(20, 600), (t) => act.follow(c, t, neighbour))) return false;
    }
    return true;
  }

  /** Signed for (mostly in time), the reporter called back (mostly within the sign-for limit), work started. */
  private signed(staff: EventActor): boolean {
    const { c, random } = this;
    const lateSign = random.next() < 0.04;
    if (!this.go(lateSign ? this.late(30, 24 * 60) : this.inTime(0.02, 0.6), (t) => act.sign(c, t, staff)))
      return false;
    const signDeadlineMs = Date.parse(c.events.at(-1)?.deadline ?? '') || this.at;
    if (c.row.anonymous === 0 && random.next() < 0.92) {
      const inLimit = Math.max(1, Math.min(this.between(5, 90), (signDeadlineMs - this.at) / MINUTE_MS - 1));
      const contactIn = random.next() < 0.9 ? inLimit : this.between(5, 90);
      if (!this.go(contactIn, (t) => act.contact(c, t, staff))) return false;
    }
    return this.go(Math.min(this.between(10, 600), this.inTime(0.01, 0.1)), (t) => act.start(c, t, staff));
  }

  /** Some units ask for more time (延期), a few to park the case (挂账) until a later date. */
  private requests(staff: EventActor): boolean {
    const { c, cast, random } = this;
    const roll = random.next();
    if (roll < 0.07) {
      const extraMinutes = random.pick([3, 5, 7]) * 1440;
      const ask = { kind: 'extension' as const, extraMinutes };
      if (!this.go(this.between(60, 48 * 60), (t) => act.requestMore(c, t, staff, ask))) return false;
      const grant = random.next() < 0.8;
      return this.go(this.between(30, 600), (t) => act.decideRequest(c, t, cast.dispatcher, grant));
    }
    if (roll <= 0.985) return true;
    const deferUntil = shanghaiDay(this.at + this.between(30, 150) * DAY_MS);
    const ask = { kind: 'deferral' as const, deferUntil };
    if (!this.go(this.between(60, 48 * 60), (t) => act.requestMore(c, t, staff, ask))) return false;
    const grant = random.next() < 0.9;
    if (!this.go(this.between(30, 600), (t) => act.decideRequest(c, t, cast.dispatcher, grant))) return false;
    if (!grant) return true;
    // Parked until the date it names; the unit picks it up that morning.
    const resumeAt = shanghaiMidnight(deferUntil) + 9 * HOUR_MS + this.between(0, 120) * MINUTE_MS;
    return this.go((resumeAt - this.at) / MINUTE_MS, (t) => act.resume(c, t, staff));
  }

  /** Handled (a few late), sometimes sent back by the verifier and redone, verified and closed. */
  private handledToClose(staff: EventActor): boolean {
    const { c, cast, random } = this;
    const [min, max] = HANDLING[c.row.urgency];
    const overrun = random.next() < 0.06;
    const limit = c.handleDeadlineMs === null ? 0 : Math.max(0, (c.handleDeadlineMs - this.at) / MINUTE_MS);
    const took = overrun
      ? limit + this.between(60, 5 * 24 * 60)
      : Math.min(this.between(min, max), Math.max(10, limit - 5));
    if (!this.go(took, (t) => act.handle(c, t, staff, random.pick(RESULTS)))) return false;
    if (random.next() < 0.06) {
      if (!this.go(this.between(60, 24 * 60), (t) => act.reject(c, t, cast.verifier))) return false;
      if (!this.go(this.inTime(0.1, 0.8), (t) => act.handle(c, t, staff, '已返工处理完毕。'))) return false;
    }
    const lateCheck = random.next() < 0.02;
    const verifyIn = lateCheck ? this.late(60, 2 * 24 * 60) : this.inTime(0.05, 0.7);
    if (!this.go(verifyIn, (t) => act.verify(c, t, cast.verifier))) return false;
    const endType = random.next() < 0.05 ? 'unresolved' : 'resolved';
    return this.go(this.between(10, 240), (t) => act.close(c, t, cast.dispatcher, endType));
  }

  /** 回访: most named cases are rated; a dissatisfied rating reopens the case, which is redone and rated again. */
  private rating(staff: EventActor): void {
    const { c, cast, random } = this;
    if (c.row.anonymous === 1 || random.next() < 0.15) return;
    const rater = cast.reporter ?? cast.dispatcher;
    const byReporter = cast.reporter !== null;
    const rated = ratingOf(random.next(), c.row.end_type === 'unresolved');
    if (!this.go(this.between(60, 3 * 24 * 60), (t) => act.rate(c, t, rater, { ...rated, byReporter }))) return;
    if (rated.rating !== 'dissatisfied') return;
    if (!this.go(this.inTime(0.1, 0.8), (t) => act.handle(c, t, staff, '根据群众意见再次处理。'))) return;
    if (!this.go(this.inTime(0.05, 0.7), (t) => act.verify(c, t, cast.verifier))) return;
    if (!this.go(this.between(10, 240), (t) => act.close(c, t, cast.dispatcher, 'resolved'))) return;
    const satisfied = { rating: 'satisfied' as const, resolved: true, byReporter };
    this.go(this.between(60, 2 * 24 * 60), (t) => act.rate(c, t, rater, satisfied));
  }
}

/** Satisfied, basically satisfied or dissatisfied; a case closed unresolved is at best basically satisfied. */
function ratingOf(roll: number, unresolved: boolean): { rating: Rating; resolved: boolean } {
  if (unresolved) return { rating: 'basically_satisfied', resolved: false };
  if (roll < 0.72) return { rating: 'satisfied', resolved: true };
  if (roll < 0.91) return { rating: 'basically_satisfied', resolved: true };
  return { rating: 'dissatisfied', resolved: false };
}
