import type { FileOwnerPolicies } from '../../platform/files/files.service.ts';
import { caseRelations } from './case-access.ts';
import { loadCaseFacts } from './case-facts.repository.ts';

/** Case photos and agreements: readable by whoever may open the case (followers see them on the public timeline). */
export const CIVIC_CASE_FILE_OWNER = 'civic_case';

export const civicCaseFileOwners: FileOwnerPolicies = {
  async [CIVIC_CASE_FILE_OWNER](ctx, caseId) {
    const facts = await loadCaseFacts(ctx.db, caseId);
    if (!facts) return false;
    if (caseRelations(ctx.actor, facts).has('reader')) return true;
    if (!ctx.actor) return false;
    const follower = await ctx.db
      .selectFrom('civic_case_follower')
      .select('case_id')
      .where('case_id', '=', caseId)
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirst();
    return follower !== undefined;
  },
};
