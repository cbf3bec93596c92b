import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '../clock.ts';
import { nextFailureCounters } from './lockout.ts';
import { redactCodes } from './sms.ts';

const policy = { lockoutThreshold: 5, lockoutMinutes: 15 };
const now = new Date('2026-11-27T02:00:00.000Z');
const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE_MS).toISOString();

describe('the failure streak (SEC-3)', () => {
  it.each([
    ['a first failure', { failed_logins: 0, last_failed_login_at: null }, 1, false],
    ['a failure 14 minutes after the last', { failed_logins: 2, last_failed_login_at: ago(14) }, 3, false],
    ['a failure 15 minutes after the last', { failed_logins: 4, last_failed_login_at: ago(15) }, 1, false],
    ['the fifth failure in a row', { failed_logins: 4, last_failed_login_at: ago(1) }, 0, true],
  ])('counts %s', (_name, user, expectedCount, locks) => {
    const next = nextFailureCounters(user, policy, now);
    expect(next.failedLogins).toBe(expectedCount);
    expect(next.locks).toBe(locks);
    expect(next.lockedUntil).toBe(locks ? new Date(now.getTime() + 15 * MINUTE_MS).toISOString() : null);
  });

  it('honours a stricter threshold from the policy', () => {
    const next = nextFailureCounters(
      { failed_logins: 2, last_failed_login_at: ago(1) },
      { ...policy, lockoutThreshold: 3 },
      now,
    );
    expect(next.locks).toBe(true);
  });
});

describe('the development SMS sender', () => {
  it('blanks codes before the text reaches the log', () => {
    expect(redactCodes('验证码为123456，5分钟内有效')).toBe('验证码为******，5分钟内有效');
  });
});
