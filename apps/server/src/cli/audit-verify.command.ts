import type { Config } from '../config.ts';
import { openConfiguredDatabase } from '../db/open-configured.ts';
import { verifyAuditChain } from '../platform/audit/index.ts';
import { createKeyRing, loadMasterKey, macAlgorithm } from '../platform/crypto/index.ts';

/** SEC-16: exit 0 when every link holds, 1 naming the first broken sequence number. */
export async function runAuditVerify(config: Config): Promise<number> {
  const database = await openConfiguredDatabase(config);
  try {
    const keys = createKeyRing(loadMasterKey(config.dataDir, config.masterKeyHex));
    const result = await verifyAuditChain(database.db, keys, macAlgorithm(config.cryptoProfile));
    if (result.ok) {
      process.stdout.write(`audit log ok: ${result.checked} entries, chain intact\n`);
      return 0;
    }
    process.stdout.write(
      `audit log BROKEN at seq ${result.firstBrokenSeq} (${result.checked} entries before it verified)\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}
