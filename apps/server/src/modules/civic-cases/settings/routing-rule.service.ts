import type { CreateRoutingRuleBodySchema, RoutingRule, UpdateRoutingRuleBodySchema } from '@linli/contracts';
import type { z } from 'zod';
import { authorize } from '../../../platform/access/authorize.ts';
import { appendAudit } from '../../../platform/audit/audit.service.ts';
import { isoNow } from '../../../platform/clock.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { fromBool } from '../../../platform/sql-helpers.ts';
import { type Trx, transact } from '../../../platform/transaction.ts';
import { updateAtVersion } from '../../../platform/versioned-update.ts';
import { invalid } from './category.validate.ts';
import { findActiveTwin, findRoutingRule, listRoutingRuleRows } from './routing-rule.repository.ts';
import { authorizeSettingsRead, settingsReadScopes } from './settings-access.ts';

type CreateBody = z.infer<typeof CreateRoutingRuleBodySchema>;
type UpdateBody = z.infer<typeof UpdateRoutingRuleBodySchema>;

const withoutPath = ({ scopePath: _p, ...rule }: RoutingRule & { scopePath: string }): RoutingRule => rule;

/**
 * The rules that bear on the caller's area: those set inside one of its scopes and those set above it (which
 * route its cases too). Needs `civic_case.read` or `civic_case.configure`.
 */
export async function listRoutingRules(ctx: Ctx): Promise<RoutingRule[]> {
  const actor = authorizeSettingsRead(ctx);
  const scopes = settingsReadScopes(actor);
  const rules = await listRoutingRuleRows(ctx.db);
  return rules
    .filter((r) => scopes.some((s) => r.scopePath.startsWith(s) || s.startsWith(r.scopePath)))
    .map(withoutPath);
}

/** An `org` target names an existing org unit; every other target names none. */
async function checkTarget(trx: Trx, target: CreateBody['target'], targetOrgId: string | null): Promise<void> {
  if (target !== 'org') {
    if (targetOrgId !== null) throw invalid('body.targetOrgId', 'not_allowed');
    return;
  }
  if (targetOrgId === null) throw invalid('body.targetOrgId', 'required');
  const org = await trx.selectFrom('org_unit').select('id').where('id', '=', targetOrgId).executeTakeFirst();
  if (!org) throw invalid('body.targetOrgId', 'org_not_found');
}

async function checkCategory(trx: Trx, categoryId: string | null): Promise<void> {
  if (categoryId === null) return;
  const row = await trx.selectFrom('civic_category').select('id').where('id', '=', categoryId).executeTakeFirst();
  if (!row) throw invalid('body.categoryId', 'category_not_found');
}

/**
 * A new rule at an org node or a compound, which must exist and lie within the caller's `civic_case.configure`
 * scope. One active rule per scope and category (a second → 409 DUPLICATE), so precedence never depends on
 * which was entered first. Audited.
 */
export async function createRoutingRule(ctx: Ctx, body: CreateBody): Promise<RoutingRule> {
  authorize(ctx, 'civic_case.configure');
  return transact(ctx, async (trx) => {
    const scope = await ctx.scopes.resolve(trx, body.scope.kind, body.scope.id);
    if (!scope) throw invalid('body.scope.id', 'scope_not_found');
    authorize(ctx, 'civic_case.configure', scope);
    await checkCategory(trx, body.categoryId);
    await checkTarget(trx, body.target, body.targetOrgId ?? null);
    if (await findActiveTwin(trx, { scopeId: body.scope.id, categoryId: body.categoryId })) {
      throw new AppError('DUPLICATE', { details: { field: 'categoryId' } });
    }
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('civic_routing_rule')
      .values({
        id,
        scope_kind: body.scope.kind,
        scope_id: body.scope.id,
        scope_path: scope.path,
        category_id: body.categoryId,
        target: body.target,
        target_org_id: body.targetOrgId ?? null,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx, {
      action: 'civic_routing_rule.create',
      objectType: 'civic_routing_rule',
      objectId: id,
      details: { scope: body.scope, categoryId: body.categoryId, target: body.target, targetOrgId: body.targetOrgId },
    });
    const created = await findRoutingRule(trx, id);
    if (!created) throw notFound('civic_routing_rule');
    return withoutPath(created);
  });
}

/**
 * Changes a rule's target or switches it off and on, at the version the editor read (REL-7), within the caller's
 * configure scope. Changing to a non-`org` target drops the target organisation. Audited.
 */
export async function updateRoutingRule(
  ctx: Ctx,
  id: string,
  body: UpdateBody,
  readExpectedVersion: () => number,
): Promise<RoutingRule> {
  authorize(ctx, 'civic_case.configure');
  return transact(ctx, async (trx) => {
    const before = await findRoutingRule(trx, id);
    if (!before) throw notFound('civic_routing_rule');
    authorize(ctx, 'civic_case.configure', { path: before.scopePath });
    const expectedVersion = readExpectedVersion();
    const target = body.target ?? before.target;
    const kept = target === 'org' ? (before.targetOrg?.id ?? null) : null;
    const targetOrgId = body.targetOrgId !== undefined ? body.targetOrgId : kept;
    await checkTarget(trx, target, targetOrgId);
    const active = body.active ?? before.active;
    if (
      active &&
      (await findActiveTwin(trx, { scopeId: before.scope.id, categoryId: before.categoryId, exceptId: id }))
    ) {
      throw new AppError('DUPLICATE', { details: { field: 'categoryId' } });
    }
    await updateAtVersion(trx, ctx, {
      table: 'civic_routing_rule',
      id,
      expectedVersion,
      changes: { target, target_org_id: targetOrgId, active: fromBool(active) },
    });
    await appendAudit(trx, ctx, {
      action: 'civic_routing_rule.update',
      objectType: 'civic_routing_rule',
      objectId: id,
      details: {
        before: { target: before.target, targetOrgId: before.targetOrg?.id ?? null, active: before.active },
        after: { target, targetOrgId, active },
      },
    });
    const after = await findRoutingRule(trx, id);
    if (!after) throw notFound('civic_routing_rule');
    return withoutPath(after);
  });
}
