import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoginResult, SignedInResult } from '@linli/contracts';
import { TOTP } from 'otpauth';
import { type HttpClient, HttpError, type Session, sessionCookieOf } from './http-client.ts';

/** One line of `demo-accounts.txt`: `role<TAB>username<TAB>password<TAB>totp-secret` (`-` without TOTP). */
export interface DemoAccount {
  role: string;
  username: string;
  password: string;
  totpSecret: string | null;
}

export function readDemoAccounts(dataDir: string): DemoAccount[] {
  return readFileSync(join(dataDir, 'demo-accounts.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [role = '', username = '', password = '', secret = '-'] = line.split('\t');
      return { role, username, password, totpSecret: secret === '-' ? null : secret };
    });
}

/** The first demo account holding `role` (the generated county lists the demo accounts first). */
export function demoAccount(accounts: DemoAccount[], role: string): DemoAccount {
  const found = accounts.find((a) => a.role === role);
  if (!found) throw new Error(`demo-accounts.txt lists no ${role}`);
  return found;
}

/** What an authenticator shows at `at`: SHA1, 6 digits, 30-second steps, as the server enrols (totp.ts). */
export const totpCode = (secret: string, at: number): string =>
  new TOTP({ secret, algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at });

const STEP_MS = 30_000;

/**
 * Signs a staff account in with its password and a TOTP code. A code is single-use per account and step, so
 * when the server refuses one (a sign-in of the same account moments ago, or a step about to end) the next
 * step's code is used.
 */
export async function signInStaff(client: HttpClient, account: DemoAccount): Promise<Session> {
  if (!account.totpSecret) throw new Error(`${account.username} has no TOTP secret`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const login = await client.json<LoginResult>('POST', '/api/v1/auth/login', {
      body: { username: account.username, password: account.password },
    });
    if (login.status !== 'mfa_required') throw new Error(`${account.username}: login answered ${login.status}`);
    if (attempt > 0) await new Promise((r) => setTimeout(r, STEP_MS - (Date.now() % STEP_MS) + 250));
    const verified = await client.call('POST', '/api/v1/auth/totp/verify', {
      body: { mfaToken: login.mfaToken, code: totpCode(account.totpSecret, Date.now()) },
    });
    if (verified.status === 200) {
      const result = JSON.parse(verified.body.toString('utf8')) as SignedInResult;
      return { cookie: sessionCookieOf(verified.headers), csrfToken: result.me.csrfToken, userId: result.me.id };
    }
    if (verified.status !== 401 || attempt > 0) {
      throw new HttpError('POST', '/api/v1/auth/totp/verify', verified.status, verified.body.toString('utf8'));
    }
  }
  throw new Error(`${account.username}: no TOTP code was accepted`);
}
