import type { Page, Permission, Supervision, SupervisionListQuerySchema } from '@linli/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import { can, inScope, requireActor } from '../../../platform/access/authorize.ts';
import type { Actor, Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { afterKeyset, decodeCursor, toPage } from '../../../platform/pagination.ts';
import { unitCasesFilter } from '../case-access.ts';
import { selectSupervisions, toSupervision } from './supervision.repository.ts';
import { INTAKE_STATUSES } from './sweep-rules.ts';

/** Who may open the list at all; what each sees is decided row by row in SQL. */
const LIST_PERMISSIONS: readonly Permission[] = ['civic_case.supervise', 'civic_case.handle', 'civic_case.dispatch'];

export type SupervisionListQuery = z.infer<typeof SupervisionListQuerySchema>;

/**
 * The records an actor may list: those of a level under their `civic_case.supervise` scope, and those of the
 * cases they answer for now — as the lead unit's staff, or, while a case is in intake (no unit), as a dispatcher
 * over its place. The SQL twin of `answeringRole` plus the supervisors.
 */
export function visibleSupervisionsFilter(actor: Actor): Expression<SqlBool> {
  const intake = sql<SqlBool>`(c.unit_id IS NULL OR c.status IN (${sql.join(INTAKE_STATUSES)}))`;
  return sql<SqlBool>`(${inScope(actor, 'civic_case.supervise', 's.level_path')}
    OR (NOT ${intake} AND ${unitCasesFilter(actor, 'c')})
    OR (${intake} AND ${inScope(actor, 'civic_case.dispatch', 'c.path')}))`;
}

/**
 * `GET /civic-supervisions`: the supervisors' and the units' list of 督办 records, newest first (keyset on
 * created time and id). Staff without any supervising, handling or dispatching role get 403.
 */
export async function listSupervisions(ctx: Ctx, query: SupervisionListQuery): Promise<Page<Supervision>> {
  const actor = requireActor(ctx);
  if (!LIST_PERMISSIONS.some((permission) => can(actor, permission))) {
    throw new AppError('FORBIDDEN', { details: { permission: 'civic_case.supervise' } });
  }
  const cursor = decodeCursor(query.cursor, ['createdAt', 'id']);
  const rows = await selectSupervisions(ctx.db)
    .where(visibleSupervisionsFilter(actor))
    .$if(query.status !== undefined, (q) => q.where('s.status', '=', query.status ?? 'open'))
    .$if(cursor !== undefined, (q) =>
      q.where(afterKeyset('s.created_at', 's.id', 'desc', { key: String(cursor?.createdAt), id: String(cursor?.id) })),
    )
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  return toPage(rows, query.limit, toSupervision, (r) => ({ createdAt: r.created_at, id: r.id }));
}
