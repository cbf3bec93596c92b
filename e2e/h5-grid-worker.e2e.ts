import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, describeProblems, openBrowser, PHONE, screenshot } from './support/browser.ts';
import { freshTotpCode, type RunningServer, startServer } from './support/server.ts';

/** The demo resident's phone (apps/server/src/demo/index.ts); demo-accounts.txt lists usernames, not phones. */
const DEMO_RESIDENT_PHONE = '13900000002';

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

/** The H5 asks `GET /auth/me` before anyone has signed in; that 401 is expected. */
async function openPhone(): Promise<BrowserSession> {
  const browser = await openBrowser({ viewport: PHONE, isMobile: true });
  browser.expectHttpError(/^GET \/api\/v1\/auth\/me$/);
  return browser;
}

describe(`H5 at 360×740 (${process.env.LINLI_TEST_DB === 'postgres' ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('signs a grid worker in with password and TOTP and shows the tiles of that role', async () => {
    const worker = server.account('grid_worker');
    if (!worker.totpSecret) throw new Error('the demo grid worker has no TOTP secret');
    const browser = await openPhone();
    const { page } = browser;
    try {
      await page.goto(`${server.baseUrl}/m/login`);
      await page.getByTestId('h5-tab-password').click();
      await page.getByTestId('h5-username').fill(worker.username);
      await page.getByTestId('h5-password').fill(worker.password);
      await screenshot(page, 'h5-login-password');
      await page.getByTestId('h5-login-submit').click();

      await page.getByTestId('h5-totp-code').waitFor();
      await page.getByTestId('h5-totp-code').fill(await freshTotpCode(worker.totpSecret));
      await screenshot(page, 'h5-login-totp');
      await page.getByTestId('h5-totp-submit').click();

      await page.getByTestId('h5-home').waitFor();
      await expect(page.getByTestId('h5-greeting').textContent()).resolves.toBeTruthy();
      // A grid worker holds a grid scope: 我的网格 and 我的, not 我的小区 (no compound role) nor 住户认领审核.
      await page.getByTestId('h5-tile-grid').waitFor();
      await expect(page.getByTestId('h5-tile-profile').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('h5-tile-claims').count()).resolves.toBe(0);
      await expect(page.getByTestId('h5-tile-compound').count()).resolves.toBe(0);
      await expect(page.getByTestId('h5-role-tags').textContent()).resolves.toContain('网格员');
      await screenshot(page, 'h5-home-grid-worker');

      // The grid tile leads to the worker's grid with its 15-digit code.
      await page.getByTestId('h5-tile-grid').click();
      await page.getByTestId('h5-grid-code').waitFor();
      // Shown grouped for reading (area · street · community · sequence); the digits are the 15-digit code.
      const shown = (await page.getByTestId('h5-grid-code').textContent()) ?? '';
      expect(shown.replace(/\s/g, '')).toMatch(/^\d{15}$/);
      await screenshot(page, 'h5-grid-detail');

      expect(describeProblems(browser.problems)).toBe('');
    } finally {
      await browser.close();
    }
  });

  it('signs a resident in with the SMS code that the demo shows on screen', async () => {
    const browser = await openPhone();
    const { page } = browser;
    try {
      await page.goto(`${server.baseUrl}/m/login`);
      await page.getByTestId('h5-phone').fill(DEMO_RESIDENT_PHONE);
      await page.getByTestId('h5-otp-send').click();

      const devCode = page.getByTestId('h5-otp-devcode');
      await devCode.waitFor();
      const code = /\d{6}/.exec((await devCode.textContent()) ?? '')?.[0];
      expect(code, 'the dev code notice shows a 6-digit code').toMatch(/^\d{6}$/);
      await page.getByTestId('h5-otp-code').fill(code ?? '');
      // Let the "验证码已发送" toast go away so the picture shows the form itself.
      await page.locator('.adm-toast-main').waitFor({ state: 'hidden' });
      await screenshot(page, 'h5-login-otp-devcode');
      await page.getByTestId('h5-otp-submit').click();

      await page.getByTestId('h5-home').waitFor();
      await page.getByTestId('h5-tile-compound').waitFor();
      await expect(page.getByTestId('h5-tile-profile').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('h5-tile-grid').count()).resolves.toBe(0);
      await expect(page.getByTestId('h5-tile-claims').count()).resolves.toBe(0);
      await screenshot(page, 'h5-home-resident');

      expect(describeProblems(browser.problems)).toBe('');
    } finally {
      await browser.close();
    }
  });
});
