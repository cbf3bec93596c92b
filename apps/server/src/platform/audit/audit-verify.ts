import type { Db } from '../../db/database.ts';
import type { KeyRing } from '../crypto/index.ts';
import { chainMac, GENESIS_MAC } from './audit-chain.ts';

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}

/**
 * Walks the chain in sequence order and reports the first entry whose MAC, predecessor link or sequence number
 * does not hold (SEC-16). Reads in pages so a long log does not load into memory at once.
 */
export async function verifyAuditChain(db: Db, keys: KeyRing, algorithm: string): Promise<AuditVerifyResult> {
  const key = keys.derive('audit-mac');
  let prevMac = GENESIS_MAC;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(1000)
      .execute();
    if (rows.length === 0) return { ok: true, checked, firstBrokenSeq: null };
    for (const row of rows) {
      const seq = Number(row.seq);
      const broken =
        seq !== expectedSeq ||
        row.prev_mac !== prevMac ||
        chainMac(key, algorithm, prevMac, { ...row, seq }) !== row.mac;
      if (broken) return { ok: false, checked, firstBrokenSeq: expectedSeq };
      prevMac = row.mac;
      expectedSeq += 1;
      checked += 1;
    }
  }
}
