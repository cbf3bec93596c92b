import type { Role } from '@linli/contracts';
import type { Page } from 'playwright-core';
import { freshTotpCode, type RunningServer } from './server.ts';

/** The demo county's phone accounts (apps/server/src/demo/index.ts); demo-accounts.txt lists usernames, not phones. */
export const DEMO_MEMBER_PHONE = '13900000001';
export const DEMO_RESIDENT_PHONE = '13900000002';

/** Signs a phone account in on the H5 with the SMS code the development sender shows on screen. */
export async function signInOnPhoneBySms(page: Page, server: RunningServer, phone: string): Promise<void> {
  await page.goto(`${server.baseUrl}/m/login`);
  await page.getByTestId('h5-phone').fill(phone);
  await page.getByTestId('h5-otp-send').click();
  const devCode = page.getByTestId('h5-otp-devcode');
  await devCode.waitFor();
  await page.getByTestId('h5-otp-code').fill(/\d{6}/.exec((await devCode.textContent()) ?? '')?.[0] ?? '');
  await page.getByTestId('h5-otp-submit').click();
  await page.getByTestId('h5-home').waitFor();
}

/** Signs the demo account of `role` in on the H5 with its password and a fresh TOTP code. */
export async function signInStaffOnPhone(page: Page, server: RunningServer, role: Role): Promise<void> {
  const account = server.account(role);
  if (!account.totpSecret) throw new Error(`the demo ${role} has no TOTP secret`);
  await page.goto(`${server.baseUrl}/m/login`);
  await page.getByTestId('h5-tab-password').click();
  await page.getByTestId('h5-username').fill(account.username);
  await page.getByTestId('h5-password').fill(account.password);
  await page.getByTestId('h5-login-submit').click();
  await page.getByTestId('h5-totp-code').waitFor();
  await page.getByTestId('h5-totp-code').fill(await freshTotpCode(account.totpSecret));
  await page.getByTestId('h5-totp-submit').click();
  await page.getByTestId('h5-home').waitFor();
}

/** Signs the demo account of `role` in on the console with its password and a fresh TOTP code. */
export async function signInOnConsole(page: Page, server: RunningServer, role: Role): Promise<void> {
  const account = server.account(role);
  if (!account.totpSecret) throw new Error(`the demo ${role} has no TOTP secret`);
  await page.goto(`${server.baseUrl}/login`);
  await page.getByTestId('login-username').fill(account.username);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('totp-code').waitFor();
  await page.getByTestId('totp-code').fill(await freshTotpCode(account.totpSecret));
  await page.getByTestId('totp-submit').click();
  await page.getByTestId('header-user').waitFor();
}
