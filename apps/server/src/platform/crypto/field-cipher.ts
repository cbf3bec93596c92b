import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyRing } from './keys.ts';

/** Encrypts single PII fields (ID numbers, phones) at rest. Ciphertexts are self-describing text. */
export interface FieldCipher {
  encrypt(plaintext: string): string;
  decrypt(ciphertext: string): string;
}

export type CryptoProfile = 'aes' | 'sm';

/** AES-256-GCM: `a1.<iv>.<tag>.<data>` in base64url. */
function aesCipher(key: Buffer): FieldCipher {
  return {
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['a1', iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    decrypt(ciphertext) {
      const [version, iv, tag, data] = ciphertext.split('.');
      if (version !== 'a1' || !iv || !tag || data === undefined) throw new Error('not an a1 ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The 商用密码 profile (GM-5): SM4-CTR for confidentiality and HMAC-SM3 over iv ‖ data for integrity
 * (encrypt-then-MAC), since this OpenSSL build offers no SM4-GCM. `s1.<iv>.<mac>.<data>`.
 */
function smCipher(encKey: Buffer, macKey: Buffer): FieldCipher {
  const sm4Key = encKey.subarray(0, 16);
  const mac = (iv: Buffer, data: Buffer) => createHmac('sm3', macKey).update(iv).update(data).digest();
  return {
    encrypt(plaintext) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-ctr', sm4Key, iv);
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['s1', iv, mac(iv, data), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    decrypt(ciphertext) {
      const [version, ivText, tagText, dataText] = ciphertext.split('.');
      if (version !== 's1' || !ivText || !tagText || dataText === undefined) throw new Error('not an s1 ciphertext');
      const iv = Buffer.from(ivText, 'base64url');
      const data = Buffer.from(dataText, 'base64url');
      const expected = mac(iv, data);
      const given = Buffer.from(tagText, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new Error('ciphertext MAC mismatch');
      const decipher = createDecipheriv('sm4-ctr', sm4Key, iv);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * Writes with the configured profile and reads both, so a county can switch profile without re-encrypting
 * everything at once.
 */
export function createFieldCipher(keys: KeyRing, profile: CryptoProfile): FieldCipher {
  const aes = aesCipher(keys.derive('field-encryption'));
  const sm = smCipher(keys.derive('field-encryption'), keys.derive('field-mac'));
  const writer = profile === 'sm' ? sm : aes;
  return {
    encrypt: (plaintext) => writer.encrypt(plaintext),
    decrypt: (ciphertext) => (ciphertext.startsWith('s1.') ? sm.decrypt(ciphertext) : aes.decrypt(ciphertext)),
  };
}

/** HMAC algorithm for the profile: SHA-256 by default, SM3 in the 商用密码 profile. */
export const macAlgorithm = (profile: CryptoProfile): string => (profile === 'sm' ? 'sm3' : 'sha256');

/**
 * Deterministic keyed digest for exact look-ups of encrypted fields (a phone number, the last four of an ID),
 * so the database can be searched without ever holding the plaintext.
 */
export function createBlindIndex(keys: KeyRing, profile: CryptoProfile): (value: string) => string {
  const key = keys.derive('blind-index');
  const algorithm = macAlgorithm(profile);
  return (value) => createHmac(algorithm, key).update(value.normalize('NFKC').trim()).digest('base64url');
}
