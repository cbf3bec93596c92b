import { DEFAULT_METRIC_SETTINGS, type MetricSettings, MetricSettingsSchema } from '@linli/contracts';
import type { Db } from '../../../db/database.ts';
import type { Trx } from '../../../platform/transaction.ts';

export const METRIC_SETTINGS_KEY = 'civic.metrics';

/** The county's metric settings and their version; the defaults (version 0) until the first save. */
export async function loadMetricSettings(db: Db | Trx): Promise<{ settings: MetricSettings; version: number }> {
  const row = await db
    .selectFrom('setting')
    .select(['value', 'version'])
    .where('key', '=', METRIC_SETTINGS_KEY)
    .executeTakeFirst();
  if (!row) return { settings: DEFAULT_METRIC_SETTINGS, version: 0 };
  const parsed = MetricSettingsSchema.safeParse(JSON.parse(row.value));
  return { settings: parsed.success ? parsed.data : DEFAULT_METRIC_SETTINGS, version: row.version };
}

/**
 * The first save over the defaults (version 0 → 1). Two first saves may race: the later insert yields to the row
 * the other wrote and reports 0 rows, which the service turns into VERSION_STALE (REL-7).
 */
export async function insertMetricSettings(
  trx: Trx,
  input: { value: string; now: string; by: string },
): Promise<number> {
  const result = await trx
    .insertInto('setting')
    .values({ key: METRIC_SETTINGS_KEY, value: input.value, updated_at: input.now, updated_by: input.by, version: 1 })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
