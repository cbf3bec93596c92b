import { randomUUID } from 'node:crypto';
import type { CaseAnswers, CategoryQuestion, CivicCategory, SubmitCivicCaseBody } from '@linli/contracts';
import type { AutocannonRequestData } from 'autocannon';
import { runLoad } from '../load.ts';
import { type BenchResident, ensureResidentPool } from '../residents.ts';
import { type BenchContext, fromLoad, type ScenarioResult } from '../scenario.ts';

/** The intake route's limit per account (intake.routes.ts, WEB-3); the bench never lifts it. */
const SUBMISSIONS_PER_MINUTE = 20;
/** One under the limit: a spare per resident, so a check submission in the same minute never meets the limit. */
const SENT_PER_RESIDENT = SUBMISSIONS_PER_MINUTE - 1;
const CONNECTIONS = 32;
/**
 * A request autocannon builds but never sends (each connection's last when a run stops) still takes a resident's
 * turn and pushes later turns round the pool: the budget leaves room for a connection's worth in each of the runs.
 */
const UNSENT_BUILDS = 2 * CONNECTIONS;
/** The limiter keeps 5,000 keys (its LRU); more residents than that would slip past it, not test it. */
const MAX_RESIDENTS = 4_900;
const MIN_RESIDENTS = 1_000;
const TARGET_RATIO = 0.25;

/**
 * Enough residents that their per-minute budget covers the target rate (¼ of S0) with a quarter to spare over
 * warm-up and run together. A faster S1 uses the budget up before the run's end: it stops early, its rate still
 * measured over the time it ran.
 */
export function residentsNeeded(baselineRps: number, seconds: number): number {
  const wanted = Math.ceil((TARGET_RATIO * baselineRps * seconds * 1.25) / SENT_PER_RESIDENT);
  return Math.min(MAX_RESIDENTS, Math.max(MIN_RESIDENTS, wanted));
}

/** An answer the category's check accepts, for each required question (case-create.checks.ts). */
export function answersFor(questions: CategoryQuestion[]): CaseAnswers {
  const answers: CaseAnswers = {};
  for (const q of questions.filter((question) => question.required)) {
    const first = q.options[0]?.key ?? '';
    if (q.type === 'singlevaluelist') answers[q.code] = first;
    else if (q.type === 'multivaluelist') answers[q.code] = [first];
    else if (q.type === 'number') answers[q.code] = 1;
    else if (q.type === 'datetime') answers[q.code] = new Date().toISOString();
    else answers[q.code] = '详见描述';
  }
  return answers;
}

/** The categories a resident can file under on the H5: active leaves that are not staff-only. */
export function fileableCategories(all: CivicCategory[]): CivicCategory[] {
  const parents = new Set(all.map((c) => c.parentId).filter((id): id is string => id !== null));
  return all.filter((c) => c.active && !c.staffOnly && !parents.has(c.id));
}

/** The n-th report: resident n mod N at their own household, category n mod C, a text of its own. */
export function reportBody(resident: BenchResident, category: CivicCategory, n: number): SubmitCivicCaseBody {
  const address = `${resident.building}${resident.unit}${resident.room}`;
  return {
    categoryId: category.id,
    title: `${category.name}：${address}住户反映`.slice(0, 60),
    description: `${address}住户反映${category.name}方面的问题，已影响日常生活，希望尽快安排处理。（压测第${n}条）`,
    nature: 'help',
    place: {
      compoundId: resident.compoundId,
      building: resident.building,
      room: resident.room,
      ...(resident.unit ? { unit: resident.unit } : {}),
    },
    answers: answersFor(category.questions),
  };
}

/** One submission as it goes on the wire: the resident's cookie and CSRF token, a new Idempotency-Key, the body. */
export interface Submission {
  headers: Record<string, string>;
  body: SubmitCivicCaseBody;
}

/**
 * The resident pool (made or topped up) and the submissions S1 sends: the n-th by resident n mod N, in category
 * n mod C, so every resident and category take their turn.
 */
export async function prepareSubmissions(ctx: BenchContext) {
  const seconds = ctx.options.warmupSeconds + ctx.options.durationSeconds;
  const wanted = ctx.options.residents ?? residentsNeeded(ctx.baseline?.requestsPerSecond ?? 0, seconds);
  const admin = await ctx.staff('county_admin');
  const residents = await ensureResidentPool(ctx.client, admin, ctx.dataset.dataDir, wanted, ctx.log);
  const first = residents[0];
  if (!first) throw new Error('no resident could be signed in');
  const all = await ctx.client.get<{ items: CivicCategory[] }>('/api/v1/civic-categories', { session: first });
  const categories = fileableCategories(all.items);
  if (categories.length === 0) throw new Error('the dataset has no category a resident may file under');
  let n = 0;
  const next = (): Submission => {
    const resident = residents[n % residents.length] as BenchResident;
    const category = categories[n % categories.length] as CivicCategory;
    n += 1;
    return {
      headers: {
        'content-type': 'application/json',
        cookie: resident.cookie,
        'x-csrf-token': resident.csrfToken,
        'idempotency-key': randomUUID(),
      },
      body: reportBody(resident, category, n),
    };
  };
  return { residents: residents.length, categories: categories.length, next };
}

/**
 * S1: residents report 民情 cases from the H5 — signed in, a fresh Idempotency-Key each, each a real submission
 * (durable commit, audit entry, routing) rotated over the resident pool so no account passes its 20 a minute.
 */
export async function runSubmit(ctx: BenchContext): Promise<ScenarioResult> {
  const submissions = await prepareSubmissions(ctx);
  const setupRequest = (request: AutocannonRequestData): AutocannonRequestData => {
    const { headers, body } = submissions.next();
    return { ...request, headers, body: JSON.stringify(body) };
  };
  const seconds = ctx.options.warmupSeconds + ctx.options.durationSeconds;
  const budget = submissions.residents * SENT_PER_RESIDENT - UNSENT_BUILDS;
  // autocannon wants at least one request per connection; a pool that small meets the limit, and it shows.
  const warmupShare = Math.max(CONNECTIONS, Math.floor((budget * ctx.options.warmupSeconds) / seconds));
  const load = await runLoad({
    server: ctx.linli,
    connections: CONNECTIONS,
    warmupSeconds: ctx.options.warmupSeconds,
    durationSeconds: ctx.options.durationSeconds,
    requests: [{ method: 'POST', path: '/api/v1/me/civic-cases', setupRequest }],
    maxWarmupRequests: warmupShare,
    maxRequests: Math.max(CONNECTIONS, budget - warmupShare),
  });
  return fromLoad('S1', load, {
    request: 'POST /api/v1/me/civic-cases',
    residents: submissions.residents,
    categories: submissions.categories,
    budgetUsedUp: load.seconds < ctx.options.durationSeconds - 0.5,
  });
}
