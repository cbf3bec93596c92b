import { type BranchTermDetail, type UpdateBranchTermBody, UpdateBranchTermBodySchema } from '@linli/contracts';
import type { z } from 'zod';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { type Trx, transact } from '../../platform/transaction.ts';
import { definedColumns, updateAtVersion } from '../../platform/versioned-update.ts';
import type { BranchTermRow } from './branch-term.repository.ts';
import { getBranchTermRow, toBranchTerm } from './branch-term.service.ts';
import { branchTermAbilities } from './organisation.policy.ts';
import { invalidInput } from './organisation-errors.ts';

/**
 * The contract checks the dates it is given against each other; a single changed date must also fit the
 * stored other one, so a term never ends before it starts.
 */
function assertMergedDates(row: BranchTermRow, body: UpdateBranchTermBody): void {
  const startsOn = body.startsOn ?? row.starts_on;
  const endsOn = body.endsOn ?? row.ends_on;
  if (startsOn > endsOn) throw invalidInput(body.endsOn ? 'body.endsOn' : 'body.startsOn', 'termDates');
}

async function replaceMembers(trx: Trx, termId: string, members: NonNullable<UpdateBranchTermBody['members']>) {
  await trx.deleteFrom('branch_term_member').where('term_id', '=', termId).execute();
  await trx
    .insertInto('branch_term_member')
    .values(
      members.map((m, i) => ({ id: newId(), term_id: termId, name: m.name, position: m.position, sort_order: i })),
    )
    .execute();
}

/**
 * Corrects a recorded branch committee term at the version the editor read (REL-7), with `org.write` over its
 * branch (the committee above, not the branch itself): dates, checked together with the stored ones, and, when
 * given, the whole member list (still exactly one secretary, held by the contract).
 */
export async function updateBranchTerm(
  ctx: Ctx,
  id: string,
  input: z.input<typeof UpdateBranchTermBodySchema>,
  expectedVersion: number,
): Promise<BranchTermDetail> {
  const body = UpdateBranchTermBodySchema.parse(input);
  requireActor(ctx);
  const row = await getBranchTermRow(ctx.db, id);
  authorize(ctx, 'org.write', row);
  // The dates are merged with what the editor read; against a newer version that merge would be meaningless.
  if (row.version !== expectedVersion) throw new AppError('VERSION_STALE');
  assertMergedDates(row, body);
  return transact(ctx, async (trx) => {
    await updateAtVersion(trx, ctx, {
      table: 'branch_term',
      id,
      expectedVersion,
      changes: definedColumns(body, { electedOn: 'elected_on', startsOn: 'starts_on', endsOn: 'ends_on' }),
    });
    if (body.members) await replaceMembers(trx, id, body.members);
    await appendAudit(trx, ctx, {
      action: 'branch_term.update',
      objectType: 'branch_term',
      objectId: id,
      details: { branchOrgId: row.branch_org_id, fields: Object.keys(body), members: body.members?.length ?? null },
    });
    const updated = await getBranchTermRow(trx, id);
    return { ...(await toBranchTerm(trx, updated)), abilities: branchTermAbilities(ctx.actor, updated) };
  });
}
