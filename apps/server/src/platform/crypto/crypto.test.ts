import { describe, expect, it } from 'vitest';
import { createBlindIndex, createFieldCipher, createKeyRing, maskIdNumber, maskName, maskPhone } from './index.ts';

const keys = createKeyRing(Buffer.alloc(32, 7));
const otherKeys = createKeyRing(Buffer.alloc(32, 8));

describe('field encryption', () => {
  for (const profile of ['aes', 'sm'] as const) {
    it(`round-trips Chinese and digits with the ${profile} profile, with a fresh IV each time`, () => {
      const cipher = createFieldCipher(keys, profile);
      const a = cipher.encrypt('530102199001011234');
      const b = cipher.encrypt('530102199001011234');
      expect(a).not.toBe(b);
      expect(a).not.toContain('530102');
      expect(a.startsWith(profile === 'aes' ? 'a1.' : 's1.')).toBe(true);
      expect(cipher.decrypt(a)).toBe('530102199001011234');
      expect(cipher.decrypt(cipher.encrypt('张三 云南省'))).toBe('张三 云南省');
    });

    it(`detects a tampered ${profile} ciphertext instead of returning garbage`, () => {
      const cipher = createFieldCipher(keys, profile);
      const parts = cipher.encrypt('13812345678').split('.');
      const data = Buffer.from(parts[3] ?? '', 'base64url');
      data[0] = (data[0] ?? 0) ^ 1;
      parts[3] = data.toString('base64url');
      expect(() => cipher.decrypt(parts.join('.'))).toThrow();
    });
  }

  it('reads values written under the other profile, so a county can switch profile gradually', () => {
    const written = createFieldCipher(keys, 'aes').encrypt('13812345678');
    expect(createFieldCipher(keys, 'sm').decrypt(written)).toBe('13812345678');
  });

  it('cannot decrypt with another master key', () => {
    const written = createFieldCipher(keys, 'aes').encrypt('13812345678');
    expect(() => createFieldCipher(otherKeys, 'aes').decrypt(written)).toThrow();
  });
});

describe('blind index', () => {
  it('is deterministic per key, differs across keys, and normalises width and spaces', () => {
    const index = createBlindIndex(keys, 'aes');
    expect(index('13812345678')).toBe(index(' 13812345678 '));
    expect(index('１３８１２３４５６７８')).toBe(index('13812345678'));
    expect(index('13812345678')).not.toBe(createBlindIndex(otherKeys, 'aes')('13812345678'));
    expect(index('13812345678')).not.toBe(createBlindIndex(keys, 'sm')('13812345678'));
  });
});

describe('masking (PI-3)', () => {
  it('keeps the first three and last four digits of phones and ID numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
  it('shows only the surname in a name', () => {
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李');
  });
});
