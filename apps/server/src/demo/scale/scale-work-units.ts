import type { DemoNames } from '../demo-names.ts';
import { insertRows } from './bulk-insert.ts';
import type { ScaleContext } from './scale-context.ts';
import { WORK_UNITS } from './scale-names.ts';
import type { IdMaker } from './scale-random.ts';
import { iso } from './scale-time.ts';

/** An employer of in-service members, with its Party branch when that branch is in the county's tree. */
export interface WorkUnitRef {
  id: string;
  branch: { id: string; path: string } | null;
}

/**
 * The county's work units: the demo's (its organs, whose branches are in the tree, and a few outside units) and
 * more employers whose Party organisations lie outside the tree — schools, hospitals, bureaus, companies.
 */
export async function workUnits(ctx: ScaleContext, ids: IdMaker, names: DemoNames): Promise<WorkUnitRef[]> {
  const existing = await ctx.db
    .selectFrom('work_unit')
    .leftJoin('org_unit', 'org_unit.id', 'work_unit.party_org_id')
    .select(['work_unit.id', 'work_unit.name', 'org_unit.id as org_id', 'org_unit.path as org_path'])
    .orderBy('work_unit.created_at')
    .orderBy('work_unit.id')
    .execute();
  const taken = new Set(existing.map((u) => u.name));
  const at = ctx.span.startMs - 60 * 86_400_000;
  const added = WORK_UNITS.filter((name) => !taken.has(name)).map((name) => ({
    id: ids(at),
    name,
    party_org_name: name.endsWith('局') || name.endsWith('院') ? `中共${name}党组` : `中共${name}委员会`,
    party_org_id: null,
    contact_name: names.person(),
    contact_phone_cipher: ctx.cipher.encrypt(names.phone()),
    address: null,
    created_at: iso(at),
    updated_at: iso(at),
    version: 1,
  }));
  await ctx.db.transaction().execute((trx) => insertRows(trx, ctx.dialect, 'work_unit', added));
  return [
    ...existing.map((u) => ({ id: u.id, branch: u.org_id && u.org_path ? { id: u.org_id, path: u.org_path } : null })),
    ...added.map((u) => ({ id: u.id, branch: null })),
  ];
}
