import { type PasswordPolicy, PasswordPolicySchema } from '@linli/contracts';
import type { Db } from '../../db/database.ts';
import { DAY_MS } from '../clock.ts';
import type { Trx } from '../transaction.ts';

/** SEC-2 defaults for staff; the security administrator may tighten them. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 10,
  minClasses: 3,
  maxAgeDays: 90,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
};

export const PASSWORD_POLICY_KEY = 'security.password_policy';

export async function getPasswordPolicy(db: Db | Trx): Promise<PasswordPolicy> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', PASSWORD_POLICY_KEY).executeTakeFirst();
  if (!row) return DEFAULT_PASSWORD_POLICY;
  const parsed = PasswordPolicySchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : DEFAULT_PASSWORD_POLICY;
}

/** Words that make a password guessable here (SEC-2 context list), besides the user's own name and phone. */
const CONTEXT_WORDS = [
  'linli',
  '邻里',
  '党建',
  'dangjian',
  'password',
  'admin',
  '123456',
  '888888',
  'qwerty',
  '示例县',
];

/** A short list of the most common passwords; a fuller list can be loaded by the county. */
const COMMON = new Set([
  '123456789',
  '1234567890',
  'password1',
  'qwertyuiop',
  '1qaz2wsx',
  'a123456789',
  'abc123456',
  'iloveyou1',
  'admin12345',
  'passw0rd!',
  'p@ssw0rd1',
  'woaini1314',
  'qwe123456',
  'zxcvbnm123',
]);

const classesOf = (password: string): number =>
  [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;

/**
 * Returns the reasons a password fails the policy, empty when it passes. Nothing is truncated or case-folded
 * before hashing (SEC-2, ASVS 6.2.8).
 */
export function passwordProblems(
  password: string,
  policy: PasswordPolicy,
  context: { username?: string | null; phone?: string | null } = {},
): string[] {
  const problems: string[] = [];
  if (password.trim().length === 0) return ['empty'];
  if (password.length < policy.minLength) problems.push('too_short');
  if (password.length > 128) problems.push('too_long');
  if (classesOf(password) < policy.minClasses) problems.push('too_few_classes');
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) problems.push('common');
  const words = [...CONTEXT_WORDS, context.username ?? '', context.phone ?? ''].filter((w) => w.length >= 4);
  if (words.some((w) => lower.includes(w.toLowerCase()))) problems.push('contains_context_word');
  return problems;
}

/** When a staff password must be replaced (SEC-2); null when the policy sets no maximum age. */
export function passwordExpiresAt(changedAt: string | null, policy: PasswordPolicy): string | null {
  if (policy.maxAgeDays === 0 || changedAt === null) return null;
  return new Date(new Date(changedAt).getTime() + policy.maxAgeDays * DAY_MS).toISOString();
}

/** A password of unknown age counts as expired, so it is replaced rather than trusted forever. */
export function isPasswordExpired(changedAt: string | null, policy: PasswordPolicy, now: Date): boolean {
  if (policy.maxAgeDays === 0) return false;
  const expires = passwordExpiresAt(changedAt, policy);
  return expires === null || now.getTime() >= new Date(expires).getTime();
}
