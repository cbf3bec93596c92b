import {
  type BranchTermDetail,
  type BranchTermListQuerySchema,
  type BranchTermSchema,
  CreateBranchTermBodySchema,
  type Page,
  TermPositionSchema,
} from '@linli/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { authorize, requireActor } from '../../platform/access/authorize.ts';
import { appendAudit } from '../../platform/audit/audit.service.ts';
import { isoNow } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { toBatchedPage } from '../../platform/pagination.ts';
import { transact } from '../../platform/transaction.ts';
import {
  type BranchTermRow,
  findBranchTermRow,
  listBranchTermRows,
  listTermMemberRows,
} from './branch-term.repository.ts';
import { getOrgUnitRow } from './org-unit.service.ts';
import { branchTermAbilities } from './organisation.policy.ts';
import { invalidInput } from './organisation-errors.ts';
import { decodeKeyset, keysetCursor } from './organisation-paging.ts';

export type BranchTerm = z.infer<typeof BranchTermSchema>;

async function toBranchTerms(db: Db, rows: BranchTermRow[]): Promise<BranchTerm[]> {
  const members = await listTermMemberRows(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    branchOrgId: r.branch_org_id,
    branchName: r.branch_name,
    electedOn: r.elected_on,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    members: members
      .filter((m) => m.term_id === r.id)
      .map((m) => ({ id: m.id, name: m.name, position: TermPositionSchema.parse(m.position) })),
    version: r.version,
  }));
}

/** The term with its branch's name, or 404. */
export async function getBranchTermRow(db: Db, id: string): Promise<BranchTermRow> {
  const row = await findBranchTermRow(db, id);
  if (!row) throw notFound('branch_term');
  return row;
}

/** One term with its members, in the order they were recorded. */
export async function toBranchTerm(db: Db, row: BranchTermRow): Promise<BranchTerm> {
  const [term] = await toBranchTerms(db, [row]);
  if (!term) throw notFound('branch_term');
  return term;
}

/** The branch committee terms the caller may read, the latest first. */
export async function listBranchTerms(
  ctx: Ctx,
  query: z.infer<typeof BranchTermListQuerySchema>,
): Promise<Page<BranchTerm>> {
  const actor = authorize(ctx, 'org.read');
  const after = decodeKeyset(query.cursor, 'startsOn:desc', 'string');
  const rows = await listBranchTermRows(ctx.db, actor, query, after, query.limit);
  return toBatchedPage(
    rows,
    query.limit,
    (page) => toBranchTerms(ctx.db, page),
    (r) => keysetCursor('startsOn:desc', r.starts_on, r.id),
  );
}

/** One term with its members and whether the caller may write it (the committee above, not the branch). */
export async function getBranchTerm(ctx: Ctx, id: string): Promise<BranchTermDetail> {
  requireActor(ctx);
  const row = await getBranchTermRow(ctx.db, id);
  authorize(ctx, 'org.read', row);
  return { ...(await toBranchTerm(ctx.db, row)), abilities: branchTermAbilities(ctx.actor, row) };
}

/**
 * Records an elected branch committee (选举产生支部委员) for a term: the org must be a `branch` (else 400), the
 * caller needs `org.write` over it, and the contract already holds the term to exactly one secretary.
 */
export async function createBranchTerm(
  ctx: Ctx,
  input: z.input<typeof CreateBranchTermBodySchema>,
): Promise<BranchTerm> {
  const body = CreateBranchTermBodySchema.parse(input);
  requireActor(ctx);
  const branch = await getOrgUnitRow(ctx.db, body.branchOrgId);
  authorize(ctx, 'org.write', branch);
  if (branch.kind !== 'branch') throw invalidInput('body.branchOrgId', 'notABranch');
  return transact(ctx, async (trx) => {
    const id = newId();
    const now = isoNow(ctx.clock);
    await trx
      .insertInto('branch_term')
      .values({
        id,
        branch_org_id: branch.id,
        elected_on: body.electedOn,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        path: `${branch.path}${id}/`,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('branch_term_member')
      .values(
        body.members.map((m, i) => ({ id: newId(), term_id: id, name: m.name, position: m.position, sort_order: i })),
      )
      .execute();
    await appendAudit(trx, ctx, {
      action: 'branch_term.create',
      objectType: 'branch_term',
      objectId: id,
      details: { branchOrgId: branch.id, startsOn: body.startsOn, endsOn: body.endsOn, members: body.members.length },
    });
    return toBranchTerm(trx, await getBranchTermRow(trx, id));
  });
}
