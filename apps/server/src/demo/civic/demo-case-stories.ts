import type { CaseActionBody, CivicCaseAction, IntakeChannel, Rating, VoidReason } from '@linli/contracts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../platform/clock.ts';
import type { Random } from '../seeded-random.ts';
import { DEMO_RESULTS } from './demo-case-texts.ts';

/** Who takes a step: the reporter, the place's dispatcher, the lead unit's staff, or the verifier. */
export type StoryActor = 'reporter' | 'dispatcher' | 'handler' | 'verifier';

export interface StoryStep {
  action: CivicCaseAction;
  who: StoryActor;
  /** Minutes after the previous step. */
  after: number;
  body: CaseActionBody;
}

export interface Story {
  channel: IntakeChannel;
  anonymous: boolean;
  steps: StoryStep[];
}

const step = (action: CivicCaseAction, who: StoryActor, after: number, body: CaseActionBody = {}): StoryStep => ({
  action,
  who,
  after,
  body,
});

const minutes = (random: Random, from: number, to: number) => random.int(from, to);

/** How long handling takes: mostly inside the 7-working-day ordinary limit, sometimes well past it. */
function handlingMinutes(random: Random, late: boolean): number {
  return late ? minutes(random, 9 * 24 * 60, 14 * 24 * 60) : minutes(random, 2 * 60, 5 * 24 * 60);
}

function ratingOf(random: Random): { rating: Rating; resolved: boolean } {
  const roll = random.next();
  if (roll < 0.72) return { rating: 'satisfied', resolved: true };
  if (roll < 0.9) return { rating: 'basically_satisfied', resolved: true };
  return { rating: 'dissatisfied', resolved: false };
}

/** From dispatch to a verified, closed case: sign, contact, handle (maybe late, maybe extended), verify, close. */
function handlingSteps(random: Random, options: { anonymous: boolean; late: boolean }): StoryStep[] {
  const steps: StoryStep[] = [
    step('sign', 'handler', options.late ? minutes(random, 26 * 60, 50 * 60) : minutes(random, 10, 300)),
  ];
  if (!options.anonymous && random.next() < 0.92) {
    steps.push(step('contact', 'handler', minutes(random, 5, 90), { publicNote: '已电话联系反映人，约定上门时间。' }));
  }
  steps.push(step('start', 'handler', minutes(random, 10, 600)));
  if (random.next() < 0.08) {
    steps.push(
      step('request_extension', 'handler', minutes(random, 60, 2 * 24 * 60), {
        extraMinutes: 3 * 24 * 60,
        reason: '需要协调专业维修单位，配件到货需要时间。',
      }),
      step('decide_request', 'dispatcher', minutes(random, 30, 600), {
        grant: random.next() < 0.8,
        publicNote: '已审批',
      }),
    );
  }
  steps.push(
    step('handle', 'handler', handlingMinutes(random, options.late), {
      publicNote: random.pick(DEMO_RESULTS),
    }),
  );
  if (random.next() < 0.07) {
    steps.push(
      step('reject', 'verifier', minutes(random, 60, 24 * 60), { reason: '现场核查问题仍然存在，请继续处理。' }),
      step('handle', 'handler', minutes(random, 6 * 60, 3 * 24 * 60), { publicNote: '已返工处理完毕。' }),
    );
  }
  steps.push(step('verify', 'verifier', minutes(random, 60, 30 * 60), { publicNote: '现场核查属实，已处理。' }));
  return steps;
}

/**
 * One case's life as the demo plays it. The mix: most cases accepted, dispatched, handled, verified, closed as
 * resolved and rated; some voided at intake with each reason; some closed unresolved; some late at signing or
 * handling; a few extended, sent back by the verifier, rated dissatisfied (which reopens them), or never rated.
 */
export function planStory(random: Random, input: { anonymousAllowed: boolean }): Story {
  const channelRoll = random.next();
  const channel: IntakeChannel =
    channelRoll < 0.5
      ? 'h5'
      : channelRoll < 0.65
        ? 'proxy'
        : channelRoll < 0.75
          ? 'visit'
          : channelRoll < 0.83
            ? 'reception'
            : channelRoll < 0.93
              ? 'hotline'
              : channelRoll < 0.97 && input.anonymousAllowed
                ? 'suggestion_box'
                : 'meeting';
  const anonymous =
    channel === 'suggestion_box' || (channel === 'h5' && input.anonymousAllowed && random.next() < 0.15);
  const steps: StoryStep[] = [];
  const intakeLate = random.next() < 0.06;
  const outcome = random.next();
  if (outcome < 0.08) {
    const reason: VoidReason = random.pick([
      'duplicate',
      'out_of_scope',
      'insufficient',
      'not_responsible',
      'referred',
    ]);
    steps.push(
      step('void', 'dispatcher', minutes(random, 10, 120), { voidReason: reason, publicNote: '经核实，不予立案。' }),
    );
    return { channel, anonymous, steps };
  }
  steps.push(
    step('accept', 'dispatcher', intakeLate ? minutes(random, 180, 600) : minutes(random, 5, 100)),
    step('dispatch', 'dispatcher', minutes(random, 1, 20)),
    ...handlingSteps(random, { anonymous, late: random.next() < 0.1 }),
  );
  const unresolved = random.next() < 0.06;
  steps.push(
    step('close', 'dispatcher', minutes(random, 10, 240), {
      endType: unresolved ? 'unresolved' : 'resolved',
      publicNote: unresolved ? '暂不具备解决条件，已向群众解释并纳入下一阶段计划。' : '问题已解决，予以结案。',
    }),
  );
  if (anonymous || random.next() < 0.1) return { channel, anonymous, steps };
  const { rating, resolved } = unresolved
    ? { rating: 'basically_satisfied' as const, resolved: false }
    : ratingOf(random);
  const rater: StoryActor = channel === 'h5' ? 'reporter' : 'dispatcher';
  steps.push(step('rate', rater, minutes(random, 60, 3 * 24 * 60), { rating, resolved }));
  if (rating === 'dissatisfied') {
    // The dissatisfied rating reopened the case (rework): handle it again and close it for good.
    steps.push(
      step('handle', 'handler', minutes(random, 12 * 60, 3 * 24 * 60), { publicNote: '根据群众意见再次处理。' }),
      step('verify', 'verifier', minutes(random, 60, 24 * 60)),
      step('close', 'dispatcher', minutes(random, 10, 240), { endType: 'resolved' }),
      step('rate', rater, minutes(random, 60, 2 * 24 * 60), { rating: 'satisfied', resolved: true }),
    );
  }
  return { channel, anonymous, steps };
}

/** Spreads `count` receipt times over the last year, more of them recent (the county took the system up). */
export function receiptTimes(random: Random, count: number, now: Date): Date[] {
  const times: Date[] = [];
  for (let i = 0; i < count; i += 1) {
    const daysAgo = Math.floor(365 * (1 - Math.sqrt(random.next())));
    const minuteOfDay = random.int(7 * 60, 21 * 60);
    const day = new Date(now.getTime() - daysAgo * DAY_MS);
    const at = new Date(
      Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) - 8 * HOUR_MS + minuteOfDay * MINUTE_MS,
    );
    times.push(at.getTime() < now.getTime() ? at : new Date(now.getTime() - random.int(30, 600) * MINUTE_MS));
  }
  return times.sort((a, b) => a.getTime() - b.getTime());
}
