import type { PublicCivicCase } from '@linli/contracts';
import type { Ctx } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { normaliseTrackingCode } from './case-number.ts';
import { publicCaseQuery, toPublicCase } from './public-case.view.ts';

/**
 * `GET /public/civic-cases/:trackingCode`: the public view of the case the code belongs to — the only way back
 * to an anonymous report. 404 for a code that is malformed or unknown alike, so the answer says nothing more.
 */
export async function getPublicCase(ctx: Ctx, trackingCode: string): Promise<PublicCivicCase> {
  const code = normaliseTrackingCode(trackingCode);
  if (!code) throw notFound('civic_case');
  const row = await publicCaseQuery(ctx.db).where('civic_case.tracking_code', '=', code).executeTakeFirst();
  if (!row) throw notFound('civic_case');
  return toPublicCase(ctx.db, row, false);
}
