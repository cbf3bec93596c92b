import type { PasswordPolicy } from '@linli/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_POLICY, passwordProblems } from '../auth/password-policy.ts';
import { generateOneTimePassword } from './one-time-password.ts';

describe('one-time passwords (SEC-7)', () => {
  const policies: PasswordPolicy[] = [
    DEFAULT_PASSWORD_POLICY,
    { ...DEFAULT_PASSWORD_POLICY, minLength: 8, minClasses: 1 },
    { ...DEFAULT_PASSWORD_POLICY, minLength: 40, minClasses: 4 },
    { ...DEFAULT_PASSWORD_POLICY, minLength: 64, minClasses: 4 },
  ];

  it.each(policies)('passes a policy of length $minLength and $minClasses classes', (policy) => {
    for (let i = 0; i < 50; i += 1) {
      const password = generateOneTimePassword(policy, { username: 'grid.worker', phone: '13912345678' });
      expect(passwordProblems(password, policy, { username: 'grid.worker', phone: '13912345678' })).toEqual([]);
      expect(password.length).toBe(Math.max(16, policy.minLength));
      expect(password).not.toMatch(/[0O1lI]/);
    }
  });

  it('does not repeat itself', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generateOneTimePassword(DEFAULT_PASSWORD_POLICY)));
    expect(seen.size).toBe(200);
  });
});
