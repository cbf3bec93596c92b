import type { MetricSettings } from '@linli/contracts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import { assertUpdated } from '../../../platform/concurrency.ts';
import type { Ctx } from '../../../platform/context.ts';
import { transact } from '../../../platform/transaction.ts';
import { updateAtVersion } from '../../../platform/versioned-update.ts';
import { insertMetricSettings, loadMetricSettings, METRIC_SETTINGS_KEY } from './metric-settings.repository.ts';
import { authorizeCountyConfigure, authorizeSettingsRead } from './settings-access.ts';

export interface VersionedMetricSettings {
  settings: MetricSettings;
  /** 0 while the defaults have never been saved. */
  version: number;
}

/** The weights, grade floors, exclusions and windows the metrics and the loop use, with the version to edit. */
export async function getMetricSettings(ctx: Ctx): Promise<VersionedMetricSettings> {
  authorizeSettingsRead(ctx);
  return loadMetricSettings(ctx.db);
}

/**
 * Replaces the metric settings county-wide, at the version the editor read (If-Match; `"v0"` for the first save
 * over the defaults). A stale version → 412 and the other configurer's settings stand (REL-7). Audited with
 * before and after.
 */
export async function putMetricSettings(
  ctx: Ctx,
  settings: MetricSettings,
  readExpectedVersion: () => number,
): Promise<VersionedMetricSettings> {
  const actor = authorizeCountyConfigure(ctx);
  const expectedVersion = readExpectedVersion();
  return transact(ctx, async (trx) => {
    const before = await loadMetricSettings(trx);
    const value = JSON.stringify(settings);
    if (expectedVersion === 0) {
      assertUpdated(await insertMetricSettings(trx, { value, now: isoNow(ctx.clock), by: actor.userId }));
    } else {
      await updateAtVersion(trx, ctx, {
        table: 'setting',
        key: METRIC_SETTINGS_KEY,
        expectedVersion,
        changes: { value, updated_by: actor.userId },
      });
    }
    await appendAudit(trx, ctx, {
      action: 'civic_metric_settings.update',
      objectType: 'setting',
      objectId: METRIC_SETTINGS_KEY,
      details: { before: before.settings, after: settings },
    });
    return { settings, version: expectedVersion + 1 };
  });
}
