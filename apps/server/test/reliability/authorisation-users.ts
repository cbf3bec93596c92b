import { createUser } from '../factories.ts';
import type { TestApp } from '../harness.ts';

let sequence = 0;

/** An account for the matrix (a target of the account routes, a twin, a claimant), signing in with `TEST_PASSWORD`. */
export function quickUser(
  t: TestApp,
  overrides: { displayName?: string; phone?: string } = {},
): Promise<{ id: string; username: string }> {
  sequence += 1;
  return createUser(t.platform, {
    username: `matrix${sequence}`,
    displayName: overrides.displayName ?? `矩阵用户${sequence}`,
    ...(overrides.phone ? { phone: overrides.phone } : {}),
  });
}
