import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, DESKTOP, describeProblems, openBrowser, PHONE, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { DEMO_RESIDENT_PHONE, signInOnConsole, signInOnPhoneBySms, signInStaffOnPhone } from './support/sign-in.ts';

const DESCRIPTION = '三号楼门口的垃圾桶满了两天没人清运，周边有异味，请尽快处理。';

let server: RunningServer;
let resident: BrowserSession;
let worker: BrowserSession;
let consoleBrowser: BrowserSession;
/** The number the H5 shows after reporting (MQyyyymmdd-nnnn); every later step finds the case by it. */
let caseNumber = '';

beforeAll(async () => {
  server = await startServer();
  resident = await openBrowser({ viewport: PHONE, isMobile: true });
  resident.expectHttpError(/^GET \/api\/v1\/auth\/me$/);
  worker = await openBrowser({ viewport: PHONE, isMobile: true });
  worker.expectHttpError(/^GET \/api\/v1\/auth\/me$/);
  consoleBrowser = await openBrowser({ viewport: DESKTOP });
  consoleBrowser.expectHttpError(/^GET \/api\/v1\/auth\/me$/);
});

afterAll(async () => {
  await resident?.close();
  await worker?.close();
  await consoleBrowser?.close();
  await server?.stop();
});

/** Opens the case in the console's case centre by its number and waits for its timeline. */
async function openInConsole(page: Page): Promise<void> {
  await page.goto(`${server.baseUrl}/civic-cases?q=${encodeURIComponent(caseNumber)}`);
  await page.getByTestId(`civic-case-row-${caseNumber}`).getByTestId('civic-case-open').click();
  await page.getByTestId('civic-timeline').waitFor();
}

/** Takes one action from the console's detail page: its button, its form, submit, and the next state shown. */
async function consoleAction(page: Page, action: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await page.getByTestId(`civic-action-${action}`).click();
  if (fill) await fill(page);
  await page.getByTestId('civic-action-submit').click();
  await page.getByTestId(`civic-action-${action}`).waitFor({ state: 'detached' });
}

/** A real JPEG for the handler's result photo (the server sniffs the bytes and makes a thumbnail). */
const resultPhoto = async () => ({
  name: 'result.jpg',
  mimeType: 'image/jpeg',
  buffer: await sharp({ create: { width: 96, height: 64, channels: 3, background: { r: 60, g: 140, b: 90 } } })
    .jpeg()
    .toBuffer(),
});

const db = process.env.LINLI_TEST_DB === 'postgres' ? 'PostgreSQL' : 'SQLite';

describe(`民情 closed loop: H5 at 360 px and console at 1440 px (${db})`, () => {
  it('a resident reports a problem on the H5 in a few taps and gets its number', async () => {
    const { page } = resident;
    // The demo resident lives on the first compound, in the demo grid worker's grid.
    await signInOnPhoneBySms(page, server, DEMO_RESIDENT_PHONE);
    await page.goto(`${server.baseUrl}/m/civic/report`);
    await page.getByTestId('civic-category-search').fill('垃圾');
    await page.getByTestId('civic-report-category-CG02').click();
    await page.getByTestId('civic-report-description').fill(DESCRIPTION);
    await screenshot(page, 'h5-civic-report-form');
    await page.getByTestId('civic-report-submit').click();
    const number = page.getByTestId('civic-report-number');
    await number.waitFor();
    caseNumber = ((await number.textContent()) ?? '').trim();
    expect(caseNumber).toMatch(/^MQ\d{8}-\d{4}$/);
    await screenshot(page, 'h5-civic-report-done');
    expect(describeProblems(resident.problems)).toBe('');
  });

  it('the branch secretary accepts it in the console and dispatches it to the grid the routing proposes', async () => {
    const { page } = consoleBrowser;
    await signInOnConsole(page, server, 'branch_secretary');
    await openInConsole(page);
    await screenshot(page, 'admin-civic-case-submitted');
    await consoleAction(page, 'accept');
    await consoleAction(page, 'dispatch');
    await expect(page.getByTestId('civic-case-status').getAttribute('data-status')).resolves.toBe('dispatched');
    expect(describeProblems(consoleBrowser.problems)).toBe('');
  });

  it('the grid worker signs for it on the H5 and feeds back the result with a photo', async () => {
    const { page } = worker;
    await signInStaffOnPhone(page, server, 'grid_worker');
    await page.goto(`${server.baseUrl}/m/civic/inbox`);
    await page.getByTestId(`inbox-case-${caseNumber}`).click();
    await page.getByTestId('civic-act-sign').click();
    await page.getByTestId('civic-act-submit').click();
    await page.getByTestId('civic-act-handle').waitFor();
    await page.getByTestId('civic-act-handle').click();
    await page.getByTestId('civic-act-note').fill('已联系环卫清运，垃圾桶已清空并消毒。');
    await page
      .getByTestId('civic-act-photos')
      .locator('input[type=file]')
      .setInputFiles(await resultPhoto());
    await page.locator('.adm-image-uploader-cell-image').first().waitFor();
    await screenshot(page, 'h5-civic-handle');
    await page.getByTestId('civic-act-submit').click();
    await page.getByTestId('civic-act-handle').waitFor({ state: 'detached' });
    await screenshot(page, 'h5-civic-handled');
    expect(describeProblems(worker.problems)).toBe('');
  });

  it('the secretary verifies and closes it as resolved', async () => {
    const { page } = consoleBrowser;
    await openInConsole(page);
    await consoleAction(page, 'verify');
    await consoleAction(page, 'close', async (p) => {
      await p.getByTestId('civic-action-end-type').getByText('已解决').click();
    });
    await expect(page.getByTestId('civic-case-status').getAttribute('data-status')).resolves.toBe('closed');
  });

  it('the resident follows the public timeline and rates the result', async () => {
    const { page } = resident;
    await page.goto(`${server.baseUrl}/m/civic/mine`);
    await page.getByTestId(`my-case-${caseNumber}`).click();
    await page.getByTestId('civic-timeline').waitFor();
    await page.getByTestId('civic-rate-resolved-yes').click();
    await page.getByTestId('civic-rate-satisfied').click();
    await screenshot(page, 'h5-civic-rate');
    await page.getByTestId('civic-rate-submit').click();
    await page.getByTestId('civic-my-rating').waitFor();
    await screenshot(page, 'h5-civic-rated');
    expect(describeProblems(resident.problems)).toBe('');
  });

  it('the console shows it closed, rated and counted in the compound’s figures for today', async () => {
    const { page } = consoleBrowser;
    await openInConsole(page);
    await page.getByTestId('civic-timeline').getByText('满意').first().waitFor();
    await screenshot(page, 'admin-civic-case-closed', { fullPage: true });
    const detail = await page.request.get(`${server.baseUrl}/api/v1/civic-cases?q=${encodeURIComponent(caseNumber)}`);
    const { items } = (await detail.json()) as {
      items: Array<{ compoundId: string; status: string; endType: string }>;
    };
    expect(items[0]).toMatchObject({ status: 'closed', endType: 'resolved' });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const metrics = await page.request.get(
      `${server.baseUrl}/api/v1/civic-metrics?compoundId=${items[0]?.compoundId}&from=${today}&to=${today}`,
    );
    expect(metrics.status()).toBe(200);
    const { counts } = (await metrics.json()) as {
      counts: { received: number; closedResolved: number; satisfied: number };
    };
    expect(counts.received).toBeGreaterThanOrEqual(1);
    expect(counts.closedResolved).toBeGreaterThanOrEqual(1);
    expect(counts.satisfied).toBeGreaterThanOrEqual(1);
    await page.goto(`${server.baseUrl}/civic-metrics`);
    await page.getByTestId('metrics-kpi-received').waitFor();
    await screenshot(page, 'admin-civic-metrics', { fullPage: true });
    expect(describeProblems(consoleBrowser.problems)).toBe('');
  });
});
