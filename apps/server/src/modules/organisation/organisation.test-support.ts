import type { Platform } from '../../platform/context.ts';

/** `If-Match` for a version, as the console sends it. */
export const ifMatch = (version: number): Record<string, string> => ({ 'if-match': `"v${version}"` });

/** The audit rows of one action, oldest first, with their details parsed. */
export async function auditRowsOf(platform: Platform, action: string, objectId?: string) {
  const rows = await platform.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .$if(objectId !== undefined, (qb) => qb.where('object_id', '=', objectId ?? ''))
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null }));
}
