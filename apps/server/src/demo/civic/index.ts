import { appendAudit } from '../../platform/audit/index.ts';
import { DAY_MS, HOUR_MS } from '../../platform/clock.ts';
import type { Actor, Ctx, Platform } from '../../platform/context.ts';
import type { Trx } from '../../platform/transaction.ts';
import type { DemoAccount } from '../demo-accounts.ts';
import type { DemoNames } from '../demo-names.ts';
import type { Random } from '../seeded-random.ts';
import { type DemoStage, playStory, StoryClock } from './demo-case-play.ts';
import { planStory, receiptTimes } from './demo-case-stories.ts';
import { DEMO_CASE_TEXTS, DEMO_CATEGORY_MIX } from './demo-case-texts.ts';
import { demoActor } from './demo-civic-actors.ts';
import { accountActor, createDemoResidents } from './demo-civic-people.ts';
import { demoPinnedCases } from './demo-pinned-cases.ts';
import { seedDemoRouting } from './demo-routing.ts';

type Account = DemoAccount & { userId: string };

/** Cases per compound over the demo year: enough for rankings and trends, quick enough for a first start. */
const CASES_PER_COMPOUND = 10;

interface DemoCompound {
  id: string;
  name: string;
  path: string;
  orgId: string;
  buildingCount: number;
  gridId: string | null;
  gridPath: string | null;
}

async function loadCompounds(trx: Trx): Promise<DemoCompound[]> {
  const compounds = await trx
    .selectFrom('compound')
    .select(['id', 'name', 'path', 'org_id', 'building_count'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const grids = await trx.selectFrom('grid').select(['id', 'path', 'compound_id']).orderBy('code').execute();
  return compounds.map((c) => {
    const grid = grids.find((g) => g.compound_id === c.id);
    return {
      id: c.id,
      name: c.name,
      path: c.path,
      orgId: c.org_id,
      buildingCount: c.building_count,
      gridId: grid?.id ?? null,
      gridPath: grid?.path ?? null,
    };
  });
}

/** The people of a compound's stage: the demo accounts on the first compound, offices acting elsewhere. */
async function stageFor(
  trx: Trx,
  platform: Platform,
  compound: DemoCompound,
  demo: {
    seederId: string;
    secretary: Actor | null;
    gridWorker: Actor | null;
    handler: Actor | null;
    resident: Actor | null;
  },
  names: DemoNames,
): Promise<DemoStage> {
  const community = await trx
    .selectFrom('org_unit')
    .select(['id', 'name', 'path'])
    .where('id', '=', compound.orgId)
    .executeTakeFirstOrThrow();
  const first = demo.secretary?.assignments[0]?.scopeId === compound.id;
  const dispatcher =
    (first ? demo.secretary : null) ??
    demoActor(demo.seederId, `${community.name}受理员`, 'committee_admin', {
      kind: 'org',
      id: community.id,
      path: community.path,
    });
  const gridWorker =
    first && demo.gridWorker
      ? demo.gridWorker
      : compound.gridId && compound.gridPath
        ? demoActor(demo.seederId, `${compound.name}网格员`, 'grid_worker', {
            kind: 'grid',
            id: compound.gridId,
            path: compound.gridPath,
          })
        : dispatcher;
  const residents = await createDemoResidents(trx, platform, compound, names, first ? 2 : 3);
  const unitStaff = new Map<string, Actor>();
  if (first) {
    if (demo.handler) unitStaff.set(`property_company:${compound.path}`, demo.handler);
    if (demo.secretary) unitStaff.set(`branch:${compound.path}`, demo.secretary);
    if (demo.gridWorker && compound.gridPath) unitStaff.set(`grid:${compound.gridPath}`, demo.gridWorker);
  }
  return {
    compound: { id: compound.id, name: compound.name, buildingCount: compound.buildingCount, gridId: compound.gridId },
    dispatcher,
    verifier: gridWorker,
    reporters: first && demo.resident ? [demo.resident, ...residents] : residents,
    unitStaff,
    seederId: demo.seederId,
  };
}

/**
 * A year of 民情 in 示例县, played through the loop's own use cases with the clock moved along each case: every
 * channel, category and outcome, deadlines on the working-day calendar, on-time and late steps, extensions,
 * rework, ratings — and, on the first compound, a case waiting in each demo account's inbox (see
 * `demo-pinned-cases.ts`). One transaction per compound.
 */
export async function seedDemoCivicCases(
  platform: Platform,
  system: Ctx,
  accounts: Account[],
  names: DemoNames,
  random: Random,
): Promise<void> {
  const byRole = (role: Account['role']) => accounts.find((a) => a.role === role);
  const countyAdmin = byRole('county_admin');
  if (!countyAdmin) return;
  const now = platform.clock.now();
  const clock = new StoryClock();
  const categories = new Map(
    (await platform.db.selectFrom('civic_category').select(['id', 'code', 'anonymous_allowed']).execute()).map((c) => [
      c.code,
      c,
    ]),
  );
  const root = await platform.db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const { demo, compounds } = await platform.db.transaction().execute(async (trx) => {
    await seedDemoRouting(trx, platform, root);
    return {
      compounds: await loadCompounds(trx),
      demo: {
        seederId: countyAdmin.userId,
        secretary: await accountActor(trx, byRole('branch_secretary')),
        gridWorker: await accountActor(trx, byRole('grid_worker')),
        handler: await accountActor(trx, byRole('handler')),
        resident: await accountActor(trx, byRole('resident')),
      },
    };
  });
  let played = 0;
  for (const [index, compound] of compounds.entries()) {
    await platform.db.transaction().execute(async (trx) => {
      const stage = await stageFor(trx, platform, compound, demo, names);
      for (const receivedAt of receiptTimes(random, CASES_PER_COMPOUND, new Date(now.getTime() - 2 * DAY_MS))) {
        const code = random.pick(DEMO_CATEGORY_MIX);
        const category = categories.get(code);
        const text = random.pick(DEMO_CASE_TEXTS[code] ?? []);
        if (!category) continue;
        await playStory(trx, system, clock, stage, {
          story: planStory(random, { anonymousAllowed: category.anonymous_allowed === 1 }),
          receivedAt,
          now,
          categoryId: category.id,
          title: text.title,
          description: text.description,
          answers: text.answers ?? {},
          reporter: random.pick(stage.reporters),
          building: `${random.int(1, Math.max(1, stage.compound.buildingCount))}栋`,
        });
        played += 1;
      }
      if (index === 0) {
        for (const pin of demoPinnedCases(stage, now)) {
          const category = categories.get(pin.code);
          const text = DEMO_CASE_TEXTS[pin.code]?.[0];
          if (!category || !text) continue;
          await playStory(trx, system, clock, stage, {
            story: pin.story,
            receivedAt: new Date(now.getTime() - pin.hoursAgo * HOUR_MS),
            now,
            categoryId: category.id,
            title: text.title,
            description: text.description,
            answers: text.answers ?? {},
            reporter: pin.reporter,
            building: '1栋',
            ...(pin.kind ? { kind: pin.kind } : {}),
          });
          played += 1;
        }
      }
    });
  }
  clock.set(now);
  await platform.db
    .transaction()
    .execute((trx) => appendAudit(trx, system, { action: 'demo.civic_cases', details: { cases: played } }));
}
