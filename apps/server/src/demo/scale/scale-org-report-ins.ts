import { DAY_MS } from '../../platform/clock.ts';
import { demoNames } from '../demo-names.ts';
import { RowBuffer } from './bulk-insert.ts';
import { phaseStreams, type ScaleContext } from './scale-context.ts';
import type { ScalePlaces } from './scale-places.ts';
import { numberReceipts } from './scale-roster.ts';
import type { StaffDirectory } from './scale-staff.ts';
import { iso, shanghaiDay } from './scale-time.ts';

const RESOURCES = ['会议室可供小区议事使用', '每月组织一次志愿服务', '提供政策宣讲和法律咨询', '捐赠文体器材'];

/**
 * 双报到 of the organs: each organ Party branch also reports to two generated compounds with a branch and to a
 * generated community, most received with a receipt numbered on from the members' (one counter for both).
 */
export async function generateOrgReportIns(
  ctx: ScaleContext,
  places: ScalePlaces,
  staff: StaffDirectory,
): Promise<void> {
  const { random, ids } = phaseStreams(ctx, 'org-report-ins');
  const names = demoNames(random);
  const compounds = places.compounds.filter((c) => c.generated && c.branch);
  const communities = places.communities.filter((m) =>
    places.compounds.some((c) => c.generated && c.communityId === m.id),
  );
  if (compounds.length === 0 || communities.length === 0) return;
  const rows = places.organs.flatMap((organ, i) => {
    const targets = [
      compounds[(2 * i) % compounds.length],
      compounds[(2 * i + 1) % compounds.length],
      communities[i % communities.length],
    ];
    return targets.flatMap((target) => {
      if (!target) return [];
      const isCompound = 'grids' in target;
      const reportedMs = random.int(ctx.span.startMs, ctx.span.cutoffMs - 30 * DAY_MS);
      const received = random.next() < 0.85;
      const decider = isCompound ? staff.dispatcher(target).userId : staff.committeeAdmin(target.id).userId;
      return [
        {
          id: ids(reportedMs),
          reporting_org_id: organ.id,
          reporting_path: organ.path,
          target_kind: isCompound ? ('compound' as const) : ('community' as const),
          target_id: target.id,
          path: target.path,
          contact_name: names.person(),
          contact_phone_cipher: ctx.cipher.encrypt(names.phone()),
          resources: random.pick(RESOURCES),
          reported_on: shanghaiDay(reportedMs),
          status: received ? ('received' as const) : ('submitted' as const),
          receipt_no: null,
          received_by: received ? decider : null,
          received_at: received ? iso(reportedMs + 2 * DAY_MS) : null,
          created_at: iso(reportedMs),
          updated_at: iso(received ? reportedMs + 2 * DAY_MS : reportedMs),
          version: 1,
          decidedMs: received ? reportedMs + 2 * DAY_MS : null,
        },
      ];
    });
  });
  await ctx.db.transaction().execute(async (trx) => {
    const receipts = await numberReceipts(trx, rows);
    const buffer = new RowBuffer(['org_report_in']);
    for (const { decidedMs: _, ...row } of rows)
      buffer.add('org_report_in', { ...row, receipt_no: receipts.get(row.id) ?? null });
    await buffer.flush(trx, ctx.dialect);
  });
}
