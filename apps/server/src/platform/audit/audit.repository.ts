import type { AuditListQuery } from '@linli/contracts';
import type { Db } from '../../db/database.ts';

/** Newest first; the cursor is the last seen sequence number. */
export function listAuditEntries(db: Db, query: AuditListQuery, beforeSeq: number | null) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .$if(beforeSeq !== null, (q) => q.where('seq', '<', beforeSeq ?? 0))
    .$if(query.action !== undefined, (q) => q.where('action', '=', query.action ?? ''))
    .$if(query.actorId !== undefined, (q) => q.where('actor_id', '=', query.actorId ?? ''))
    .$if(query.objectType !== undefined, (q) => q.where('object_type', '=', query.objectType ?? ''))
    .$if(query.objectId !== undefined, (q) => q.where('object_id', '=', query.objectId ?? ''))
    .$if(query.outcome !== undefined, (q) => q.where('outcome', '=', query.outcome ?? 'success'))
    .$if(query.from !== undefined, (q) => q.where('at', '>=', new Date(query.from ?? 0).toISOString()))
    .$if(query.to !== undefined, (q) => q.where('at', '<', new Date(query.to ?? 0).toISOString()))
    .orderBy('seq', 'desc')
    .limit(query.limit + 1)
    .execute();
}
