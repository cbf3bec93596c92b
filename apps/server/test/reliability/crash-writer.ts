/**
 * The crash writer of REL-3, a child process of crash-safety.test.ts (`node --import tsx crash-writer.ts`). Once
 * the parent says "go" on stdin it opens the database the environment names (LINLI_DATA_DIR's linli.db, or
 * DATABASE_URL) with the server's own opener and durability settings, and runs LINLI_CRASH_LOOPS concurrent loops
 * that file 民情 cases through the intake service and take new and earlier cases further through the follow and
 * workflow services, as the fixture's residents and staff, until the parent kills it. Each acknowledgement is one
 * JSON line on stdout, written only after the service call returned — after its transaction committed. Any error
 * ends the process with status 1, so the parent can tell a writer that broke from one it killed.
 */
import { SubmitCivicCaseBodySchema } from '@linli/contracts';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { openConfiguredDatabase } from '../../src/db/open-configured.ts';
import { type Random, seededRandom } from '../../src/demo/seeded-random.ts';
import { setFollowing } from '../../src/modules/civic-cases/intake/follow.service.ts';
import { reportCase } from '../../src/modules/civic-cases/intake/submit-case.service.ts';
import { takeCaseAction } from '../../src/modules/civic-cases/workflow/case-action.service.ts';
import { organisationScopeResolver } from '../../src/modules/organisation/index.ts';
import { loggingSmsSender } from '../../src/platform/auth/sms.ts';
import { systemClock } from '../../src/platform/clock.ts';
import type { Actor, Platform } from '../../src/platform/context.ts';
import { createBlindIndex, createFieldCipher, createKeyRing, loadMasterKey } from '../../src/platform/crypto/index.ts';
import type { CrashAck } from './crash-acks.ts';
import { ctxFor, loadActor } from './crash-actor.ts';
import type { CrashFixture } from './crash-fixture.ts';
import { nextStep, type StoryRole, type StoryStep, type UnfinishedCase } from './crash-story.ts';

/** A writer nobody killed (its parent died) stops on its own instead of writing forever. */
const MAX_RUN_MS = 120_000;

function ack(line: CrashAck): void {
  // Pipes are synchronous on Linux: once write() returns, the line is in the kernel and survives a kill -9.
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** The platform `buildApp` would make, without loading the HTTP layer the writer does not use. */
async function openPlatform(): Promise<Platform> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  const keys = createKeyRing(loadMasterKey(config.dataDir, config.masterKeyHex));
  const log = pino({ level: 'silent' });
  return {
    config,
    database,
    db: database.db,
    dialect: database.dialect,
    clock: systemClock,
    keys,
    cipher: createFieldCipher(keys, config.cryptoProfile),
    blindIndex: createBlindIndex(keys, config.cryptoProfile),
    sms: loggingSmsSender(log),
    scopes: organisationScopeResolver,
    log,
  };
}

interface Cast {
  residents: Actor[];
  staff: Record<Exclude<StoryRole, 'reporter'>, Actor>;
}

async function loadCast(platform: Platform, fixture: CrashFixture): Promise<Cast> {
  const load = (userId: string) => loadActor(platform.db, userId);
  return {
    residents: await Promise.all(fixture.residents.map(load)),
    staff: {
      dispatcher: await load(fixture.dispatcher),
      handler: await load(fixture.handler),
      verifier: await load(fixture.verifier),
      supervisor: await load(fixture.supervisor),
    },
  };
}

/** One write loop: what it works with, and which share of the unfinished cases is its own. */
interface Loop {
  platform: Platform;
  fixture: CrashFixture;
  cast: Cast;
  random: Random;
  index: number;
  of: number;
}

/** A resident reports a new case through the intake service (the H5's `POST /me/civic-cases`). */
async function fileNewCase(loop: Loop, turn: number): Promise<void> {
  const reporter = loop.random.pick(loop.cast.residents);
  const body = SubmitCivicCaseBodySchema.parse({
    categoryId: loop.fixture.categoryId,
    title: `楼道灯不亮（第${turn}件）`,
    description: '3栋2单元楼道灯坏了，晚上看不见路。',
    place: { compoundId: loop.fixture.compoundId, gridId: loop.fixture.gridId, building: '3', unit: '2', room: '502' },
  });
  const created = await reportCase(ctxFor(loop.platform, reporter), body);
  if (!created.id) throw new Error('a named report came back without its id');
  ack({ op: 'create', caseId: created.id, status: 'submitted', version: 1 });
}

/**
 * The cases this loop takes further: not voided, not closed and rated, and its own by id — each case belongs to
 * one loop, so two loops never race for a case and fail each other's If-Match. Cases a crash interrupted in an
 * earlier round are picked up again, so old rows keep being updated, not only new ones inserted.
 */
async function unfinishedCases(loop: Loop): Promise<UnfinishedCase[]> {
  const rows = await loop.platform.db
    .selectFrom('civic_case')
    .select(['id', 'status', 'version', 'reporter_user_id', 'rework_count', 'rating'])
    .where('status', '!=', 'voided')
    .where((eb) => eb.or([eb('status', '!=', 'closed'), eb('rating', 'is', null)]))
    .execute();
  return rows
    .filter((r) => Number.parseInt(r.id.slice(-4), 16) % loop.of === loop.index)
    .map((r) => ({
      id: r.id,
      status: r.status,
      version: r.version,
      reporterUserId: r.reporter_user_id,
      reworkCount: r.rework_count,
      rated: r.rating !== null,
    }));
}

/** Takes one step through the follow or workflow service as its actor; acknowledges it once it committed. */
async function takeStep(loop: Loop, c: UnfinishedCase, step: StoryStep): Promise<UnfinishedCase> {
  const { platform, cast } = loop;
  if (step.kind === 'follow') {
    const follower = loop.random.pick(cast.residents.filter((r) => r.userId !== c.reporterUserId));
    await setFollowing(ctxFor(platform, follower), c.id, true);
    ack({ op: 'follow', caseId: c.id, userId: follower.userId });
    return c;
  }
  const actor =
    step.who === 'reporter' ? cast.residents.find((r) => r.userId === c.reporterUserId) : cast.staff[step.who];
  if (!actor) throw new Error(`case ${c.id} has no reporter among the fixture's residents`);
  const detail = await takeCaseAction(ctxFor(platform, actor), {
    caseId: c.id,
    action: step.action,
    body: step.body,
    expectedVersion: c.version,
  });
  if (!detail) throw new Error(`${step.action} took the actor's access to case ${c.id} away`);
  ack({ op: 'action', caseId: c.id, action: step.action, status: detail.status, version: detail.version });
  return {
    ...c,
    status: detail.status,
    version: detail.version,
    reworkCount: c.reworkCount + (step.action === 'reject' ? 1 : 0),
    rated: c.rated || step.action === 'rate',
  };
}

/** Files new cases and takes unfinished ones a few steps further, in a seeded random mix, until killed. */
async function writeLoop(loop: Loop): Promise<void> {
  for (let turn = loop.index; ; turn += loop.of) {
    const mine = await unfinishedCases(loop);
    if (mine.length === 0 || loop.random.next() < 0.3) {
      await fileNewCase(loop, turn);
      continue;
    }
    let current = loop.random.pick(mine);
    for (let steps = loop.random.int(1, 3); steps > 0; steps -= 1) {
      const step = nextStep(loop.random, current);
      if (!step) break;
      current = await takeStep(loop, current, step);
    }
  }
}

/** The parent starts the writer ahead of its round; it opens the database only on "go" (EOF: never needed). */
function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    let input = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      input += chunk;
      if (input.includes('go\n')) resolve();
    });
    process.stdin.on('end', () => {
      if (!input.includes('go\n')) process.exit(0);
    });
  });
}

async function main(): Promise<void> {
  const fixture = JSON.parse(process.env.LINLI_CRASH_FIXTURE ?? '') as CrashFixture;
  const loops = Number(process.env.LINLI_CRASH_LOOPS ?? 4);
  const seed = Number(process.env.LINLI_CRASH_SEED ?? 1);
  process.stdout.write('loaded\n');
  await waitForGo();
  setTimeout(() => {
    process.stderr.write('crash writer: never killed, stopping\n');
    process.exit(3);
  }, MAX_RUN_MS).unref();
  const platform = await openPlatform();
  const cast = await loadCast(platform, fixture);
  await Promise.all(
    Array.from({ length: loops }, (_, index) =>
      writeLoop({ platform, fixture, cast, random: seededRandom(seed + index), index, of: loops }),
    ),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `crash writer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
