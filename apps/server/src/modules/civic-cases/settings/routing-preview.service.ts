import type { UnitKind } from '@linli/contracts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { routeCase } from './routing.resolve.ts';
import { authorizeSettingsRead } from './settings-access.ts';

export interface RoutingPreviewView {
  unit: { kind: UnitKind; id: string; name: string };
  ruleId: string | null;
  fallback: boolean;
}

/**
 * Which unit a new case of the category in the compound would go to, and by which rule (or 属地兜底), so a
 * configurer can check the rules before a resident meets them. The compound must be in the caller's reading
 * scope. A case's grid is not known here: the preview takes the compound's grid (its first, by code), so a
 * grid-worker rule shows as it would for a case placed in it.
 */
export async function previewRouting(
  ctx: Ctx,
  query: { compoundId: string; categoryId: string },
): Promise<RoutingPreviewView> {
  const compound = await ctx.db
    .selectFrom('compound')
    .select(['id', 'path'])
    .where('id', '=', query.compoundId)
    .executeTakeFirst();
  if (!compound) throw notFound('compound');
  authorizeSettingsRead(ctx, compound);
  const category = await ctx.db
    .selectFrom('civic_category')
    .select('id')
    .where('id', '=', query.categoryId)
    .executeTakeFirst();
  if (!category) {
    throw new AppError('VALIDATION_FAILED', {
      details: { issues: [{ path: 'querystring.categoryId', message: 'category_not_found' }] },
    });
  }
  const grid = await ctx.db
    .selectFrom('grid')
    .select('id')
    .where('compound_id', '=', compound.id)
    .orderBy('code')
    .executeTakeFirst();
  const result = await routeCase(ctx.db, { ...query, gridId: grid?.id ?? null });
  const { kind, id, name } = result.unit;
  return { unit: { kind, id, name }, ruleId: result.ruleId, fallback: result.fallback };
}
