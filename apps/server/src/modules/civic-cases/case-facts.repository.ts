import type { Db } from '../../db/database.ts';
import type { Trx } from '../../platform/transaction.ts';
import type { CaseAccessFacts } from './case-access.ts';

/** The access facts of one case (its place, unit, reporter and assisting units), or undefined. */
export async function loadCaseFacts(db: Db | Trx, caseId: string): Promise<CaseAccessFacts | undefined> {
  const row = await db
    .selectFrom('civic_case')
    .select(['path', 'unit_kind', 'unit_path', 'reporter_user_id'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row) return undefined;
  const assists = await db
    .selectFrom('civic_case_assist')
    .select(['unit_kind', 'unit_path'])
    .where('case_id', '=', caseId)
    .execute();
  return { ...row, assists };
}
