import type { RoutingTarget } from '@linli/contracts';
import { isoNow } from '../../platform/clock.ts';
import type { Platform } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { Trx } from '../../platform/transaction.ts';

/** County-wide routing: who answers for which category (the rest falls back to the compound's community). */
const RULES: { code: string; target: RoutingTarget; organ?: string }[] = [
  { code: 'MS01', target: 'property_company' },
  { code: 'MS02', target: 'property_company' },
  { code: 'MS03', target: 'org', organ: '县住房和城乡建设局' },
  { code: 'MS04', target: 'branch' },
  { code: 'CG01', target: 'property_company' },
  { code: 'CG02', target: 'grid_worker' },
  { code: 'CG03', target: 'grid_worker' },
  { code: 'LD01', target: 'org', organ: '县人力资源和社会保障局' },
  { code: 'LD03', target: 'org', organ: '县人力资源和社会保障局' },
  { code: 'PK01', target: 'org', organ: '县民政局' },
];

export async function seedDemoRouting(trx: Trx, platform: Platform, root: { id: string; path: string }): Promise<void> {
  const now = isoNow(platform.clock);
  const categories = await trx.selectFrom('civic_category').select(['id', 'code']).execute();
  const organs = await trx.selectFrom('org_unit').select(['id', 'name']).where('sector', '=', 'organ').execute();
  for (const rule of RULES) {
    const category = categories.find((c) => c.code === rule.code);
    const organ = rule.organ ? organs.find((o) => o.name.startsWith(rule.organ ?? '')) : undefined;
    if (!category || (rule.organ && !organ)) continue;
    await trx
      .insertInto('civic_routing_rule')
      .values({
        id: newId(),
        scope_kind: 'org',
        scope_id: root.id,
        scope_path: root.path,
        category_id: category.id,
        target: rule.target,
        target_org_id: organ?.id ?? null,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}
