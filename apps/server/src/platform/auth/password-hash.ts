import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library defaults (19 MiB, 2 passes, 1 lane: the OWASP baseline). The password is hashed
 * exactly as typed: never trimmed, truncated or case-folded (SEC-2).
 */
export const hashPassword = (password: string): Promise<string> => hash(password);

/** False for a malformed stored hash as well as a wrong password: either way the login fails the same. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real check, so an unknown username or an account without a password answers in
 * about the same time as a wrong password (SEC-3: no account enumeration by timing).
 */
export async function spendPasswordCheck(password: string): Promise<false> {
  await verifyPassword(await dummyPasswordHash(), password);
  return false;
}

/** The hash an unknown user's password is checked against: made like any real one, so it costs the same. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('linli-dummy-password-never-matches');
  return dummyHash;
}
