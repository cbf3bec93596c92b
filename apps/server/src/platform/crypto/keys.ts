import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What each derived key is for; a key never serves two purposes. */
export type KeyPurpose =
  | 'field-encryption'
  | 'field-mac'
  | 'blind-index'
  | 'audit-mac'
  | 'otp'
  | 'backup-encryption'
  | 'backup-mac'
  | 'backup-key-id';

export interface KeyRing {
  derive(purpose: KeyPurpose): Buffer;
}

/**
 * The master key comes from `LINLI_MASTER_KEY` or from `master.key` in the data directory (created with mode 600
 * on first start). It never lives in the repository or in the database.
 */
export function loadMasterKey(dataDir: string, hexFromEnv: string | undefined): Buffer {
  if (hexFromEnv) return Buffer.from(hexFromEnv, 'hex');
  const file = join(dataDir, 'master.key');
  if (existsSync(file)) {
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} does not hold a 64-hex-character key`);
    return Buffer.from(hex, 'hex');
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}

export function createKeyRing(master: Buffer): KeyRing {
  const cache = new Map<KeyPurpose, Buffer>();
  return {
    derive(purpose) {
      let key = cache.get(purpose);
      if (!key) {
        key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `linli:${purpose}`, 32));
        cache.set(purpose, key);
      }
      return key;
    },
  };
}
