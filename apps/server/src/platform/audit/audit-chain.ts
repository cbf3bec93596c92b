import { createHmac } from 'node:crypto';

/** The fields a MAC covers, in a fixed order: everything an auditor relies on. */
export interface ChainedFields {
  id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_roles: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  details: string | null;
}

export const GENESIS_MAC = 'genesis';

/** mac = HMAC(key, prev_mac ‖ canonical row): editing, deleting or reordering any row breaks every later link. */
export function chainMac(key: Buffer, algorithm: string, prevMac: string, row: ChainedFields): string {
  const canonical = JSON.stringify([
    row.id,
    Number(row.seq),
    row.at,
    row.actor_id,
    row.actor_name,
    row.actor_roles,
    row.action,
    row.object_type,
    row.object_id,
    row.outcome,
    row.ip,
    row.user_agent,
    row.request_id,
    row.details,
  ]);
  return createHmac(algorithm, key).update(prevMac).update('\n').update(canonical).digest('base64url');
}
