import { describe, expect, it } from 'vitest';
import { idNumberBirthDate, idNumberCheckChar, idNumberGender, idNumberProblem } from './id-card.ts';

describe('GB 11643 ID numbers', () => {
  it('accepts the standard example and derives its birth date and gender', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idNumberGender('11010519491231002X')).toBe('female');
  });

  it('computes the check character, X included', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });

  it('names what is wrong: format, impossible date, checksum', () => {
    expect(idNumberProblem('1101051949123100')).toBe('format');
    expect(idNumberProblem('110105194902300021')).toBe('birthDate');
    expect(idNumberProblem('110105194912310021')).toBe('checksum');
  });

  it('accepts a lower-case x', () => {
    expect(idNumberProblem('11010519491231002x')).toBeNull();
  });
});
