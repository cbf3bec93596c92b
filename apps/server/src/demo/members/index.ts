import { appendAudit } from '../../platform/audit/index.ts';
import type { Ctx, Platform } from '../../platform/context.ts';
import type { Trx } from '../../platform/transaction.ts';
import type { DemoAccount } from '../demo-accounts.ts';
import type { DemoNames } from '../demo-names.ts';
import type { Random } from '../seeded-random.ts';
import { seedDemoHouseholds } from './demo-households.ts';
import { loadDemoOrgans, loadDemoPlaces } from './demo-places.ts';
import { seedDemoRoster } from './demo-roster.ts';
import { seedDemoService } from './demo-service.ts';

type Account = DemoAccount & { userId: string };

/**
 * The members module's part of 示例县, in one transaction: households and residents, the roster with 双报到,
 * posts and claims, needs, services with ratings, links and visits. The demo member account is on the roster
 * of the first compound, in service and not yet reported in (so it can report in); the demo resident lives in
 * a household that has an unrated service.
 */
export async function seedDemoMembers(
  platform: Platform,
  system: Ctx,
  accounts: Account[],
  names: DemoNames,
  random: Random,
): Promise<void> {
  const byRole = (role: Account['role']) => accounts.find((a) => a.role === role);
  const secretary = byRole('branch_secretary');
  const gridWorker = byRole('grid_worker');
  const member = byRole('member');
  const resident = byRole('resident');
  const places = await loadDemoPlaces(platform.db);
  const organs = await loadDemoOrgans(platform.db);
  const memberName = member
    ? (
        await platform.db
          .selectFrom('app_user')
          .select('display_name')
          .where('id', '=', member.userId)
          .executeTakeFirst()
      )?.display_name
    : undefined;
  await platform.db.transaction().execute(async (trx: Trx) => {
    const households = await seedDemoHouseholds(
      trx,
      platform,
      places,
      names,
      random,
      resident?.phone ? { userId: resident.userId, phone: resident.phone } : null,
    );
    const members = await seedDemoRoster(
      trx,
      platform,
      {
        places,
        organs,
        households,
        demoMember:
          member?.phone && memberName ? { userId: member.userId, phone: member.phone, name: memberName } : null,
        confirmerId: secretary?.userId ?? null,
      },
      names,
      random,
    );
    const firstPlace = places[0];
    const service = await seedDemoService(
      trx,
      platform,
      {
        places,
        organs,
        households,
        members,
        residentHouseholdId: firstPlace ? (households.get(firstPlace.id)?.[0]?.id ?? null) : null,
        deciderId: secretary?.userId ?? null,
        visitorId: gridWorker?.userId ?? null,
      },
      names,
      random,
    );
    await appendAudit(trx, system, {
      action: 'demo.members',
      details: { members: members.length, posts: service.posts, services: service.services },
    });
  });
}
