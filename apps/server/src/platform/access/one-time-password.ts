import { randomInt } from 'node:crypto';
import type { PasswordPolicy } from '@linli/contracts';
import { passwordProblems } from '../auth/password-policy.ts';

/** Look-alike characters (0/O, 1/l/I) left out: an administrator reads the password out to a person. */
const CLASSES = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#$%^&*-_+='] as const;
const ALL = CLASSES.join('');
const MIN_LENGTH = 16;

const pick = (chars: string): string => chars.charAt(randomInt(chars.length));

/** Fisher–Yates with a CSPRNG, so the guaranteed class characters are not always at the front. */
function shuffle(chars: string[]): string[] {
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars;
}

/**
 * A random one-time password for a new account (SEC-7) that passes the current policy (SEC-2): at least 16
 * characters, or the policy's minimum if longer, with every character class present. Drawn again in the
 * vanishing case that it happens to contain a context word.
 */
export function generateOneTimePassword(
  policy: PasswordPolicy,
  context: { username?: string | null; phone?: string | null } = {},
): string {
  const length = Math.max(policy.minLength, MIN_LENGTH);
  for (;;) {
    const chars = CLASSES.map(pick);
    while (chars.length < length) chars.push(pick(ALL));
    const password = shuffle(chars).join('');
    if (passwordProblems(password, policy, context).length === 0) return password;
  }
}
