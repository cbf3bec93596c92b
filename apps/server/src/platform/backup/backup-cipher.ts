import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  getCiphers,
  getHashes,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import type { CryptoProfile, KeyRing } from '../crypto/index.ts';
import { BackupError } from './backup-error.ts';

/**
 * How an archive body is encrypted and authenticated.
 *
 * - `aes-256-gcm`: the default profile.
 * - `sm4-ctr+hmac-sm3`: the 商用密码 profile (GM-5, SEC-25), the same construction as the field cipher: SM4-CTR for
 *   confidentiality and HMAC-SM3 over header ‖ ciphertext (encrypt-then-MAC), because Node's OpenSSL offers no
 *   SM4-GCM. CTR needs no padding, so the body streams chunk by chunk like GCM does.
 *
 * One GCM message holds at most 64 GiB; OpenSSL refuses to go further, so a larger database would fail loudly,
 * never weakly. A county's database is a few GB.
 */
export const CIPHER_SUITES = ['aes-256-gcm', 'sm4-ctr+hmac-sm3'] as const;
export type CipherSuite = (typeof CIPHER_SUITES)[number];

const IV_BYTES = { 'aes-256-gcm': 12, 'sm4-ctr+hmac-sm3': 16 } as const satisfies Record<CipherSuite, number>;
/** Bytes of the tag that ends every archive. */
export const TAG_BYTES = { 'aes-256-gcm': 16, 'sm4-ctr+hmac-sm3': 32 } as const satisfies Record<CipherSuite, number>;

export const isSmSuiteAvailable = (): boolean => getCiphers().includes('sm4-ctr') && getHashes().includes('sm3');

/** The SM suite under the `sm` profile when this Node's OpenSSL has SM4 and SM3; AES-256-GCM otherwise. */
export const chooseCipherSuite = (profile: CryptoProfile): CipherSuite =>
  profile === 'sm' && isSmSuiteAvailable() ? 'sm4-ctr+hmac-sm3' : 'aes-256-gcm';

export const newIv = (suite: CipherSuite): Buffer => randomBytes(IV_BYTES[suite]);

/**
 * A public name for the master key the archive was sealed with: HKDF output for a purpose of its own, so it says
 * nothing about the keys that encrypt. A restore compares it first, to tell "wrong key" from "damaged file".
 */
export const backupKeyId = (keys: KeyRing): string => keys.derive('backup-key-id').subarray(0, 8).toString('hex');

export interface StreamSealer {
  update(plain: Buffer): Buffer;
  /** The last ciphertext bytes and the tag that ends the archive. */
  final(): { rest: Buffer; tag: Buffer };
}

export interface StreamOpener {
  update(cipherText: Buffer): Buffer;
  /** The last plaintext bytes; throws when the tag does not match. */
  final(): Buffer;
}

const sm4Key = (keys: KeyRing) => keys.derive('backup-encryption').subarray(0, 16);

export function createSealer(suite: CipherSuite, keys: KeyRing, iv: Buffer, aad: Buffer): StreamSealer {
  if (suite === 'aes-256-gcm') {
    const cipher = createCipheriv('aes-256-gcm', keys.derive('backup-encryption'), iv);
    cipher.setAAD(aad);
    return {
      update: (plain) => cipher.update(plain),
      final: () => ({ rest: cipher.final(), tag: cipher.getAuthTag() }),
    };
  }
  const cipher = createCipheriv('sm4-ctr', sm4Key(keys), iv);
  const mac = createHmac('sm3', keys.derive('backup-mac')).update(aad);
  const authenticated = (cipherText: Buffer) => {
    mac.update(cipherText);
    return cipherText;
  };
  return {
    update: (plain) => authenticated(cipher.update(plain)),
    final: () => ({ rest: authenticated(cipher.final()), tag: mac.digest() }),
  };
}

export class ArchiveTagMismatch extends BackupError {}

export function createOpener(suite: CipherSuite, keys: KeyRing, iv: Buffer, aad: Buffer, tag: Buffer): StreamOpener {
  if (suite === 'aes-256-gcm') {
    const decipher = createDecipheriv('aes-256-gcm', keys.derive('backup-encryption'), iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return {
      update: (cipherText) => decipher.update(cipherText),
      final: () => {
        try {
          return decipher.final();
        } catch {
          throw new ArchiveTagMismatch('authentication tag mismatch');
        }
      },
    };
  }
  const decipher = createDecipheriv('sm4-ctr', sm4Key(keys), iv);
  const mac = createHmac('sm3', keys.derive('backup-mac')).update(aad);
  return {
    update: (cipherText) => {
      mac.update(cipherText);
      return decipher.update(cipherText);
    },
    final: () => {
      const expected = mac.digest();
      if (tag.length !== expected.length || !timingSafeEqual(tag, expected)) {
        throw new ArchiveTagMismatch('authentication tag mismatch');
      }
      return decipher.final();
    },
  };
}
