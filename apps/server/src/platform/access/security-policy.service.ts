import { type PasswordPolicy, PasswordPolicySchema } from '@linli/contracts';
import { appendAudit } from '../audit/audit.service.ts';
import { DEFAULT_PASSWORD_POLICY, PASSWORD_POLICY_KEY } from '../auth/password-policy.ts';
import { isoNow } from '../clock.ts';
import { assertUpdated } from '../concurrency.ts';
import type { Ctx } from '../context.ts';
import { transact } from '../transaction.ts';
import { updateAtVersion } from '../versioned-update.ts';
import { authorizeAtRoot } from './account-scope.ts';
import { authorize } from './authorize.ts';
import { findPolicySetting, insertPolicySetting } from './security-policy.repository.ts';

export interface VersionedPolicy {
  policy: PasswordPolicy;
  /** 0 while the defaults have never been saved. */
  version: number;
}

function parseStored(value: string): PasswordPolicy {
  const parsed = PasswordPolicySchema.safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : DEFAULT_PASSWORD_POLICY;
}

/** The password and lockout policy in force (SEC-2, SEC-3), with the version an edit must send back. */
export async function getSecurityPolicy(ctx: Ctx): Promise<VersionedPolicy> {
  authorize(ctx, 'security.policy');
  const row = await findPolicySetting(ctx.db);
  return row
    ? { policy: parseStored(row.value), version: Number(row.version) }
    : { policy: DEFAULT_PASSWORD_POLICY, version: 0 };
}

/**
 * Replaces the policy. It governs the whole county, so only a security administrator at the county root may
 * change it (SEC-9). `readExpectedVersion` reads If-Match (missing → VERSION_REQUIRED, only asked once the caller is authorised): a stale one → VERSION_STALE and the other
 * administrator's policy stands (REL-7). Audited with the old and new values.
 */
export async function putSecurityPolicy(
  ctx: Ctx,
  policy: PasswordPolicy,
  readExpectedVersion: () => number,
): Promise<VersionedPolicy> {
  const actor = authorizeAtRoot(ctx, 'security.policy');
  const expectedVersion = readExpectedVersion();
  return transact(ctx, async (trx) => {
    const before = await findPolicySetting(trx);
    const value = JSON.stringify(policy);
    if (expectedVersion === 0) {
      assertUpdated(await insertPolicySetting(trx, { value, now: isoNow(ctx.clock), by: actor.userId }));
    } else {
      await updateAtVersion(trx, ctx, {
        table: 'setting',
        key: PASSWORD_POLICY_KEY,
        expectedVersion,
        changes: { value, updated_by: actor.userId },
      });
    }
    await appendAudit(trx, ctx, {
      action: 'security.policy_change',
      objectType: 'setting',
      objectId: PASSWORD_POLICY_KEY,
      details: { before: before ? parseStored(before.value) : DEFAULT_PASSWORD_POLICY, after: policy },
    });
    return { policy, version: expectedVersion + 1 };
  });
}
