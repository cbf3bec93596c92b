import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, DESKTOP, describeProblems, openBrowser, PHONE, screenshot } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { DEMO_MEMBER_PHONE, signInOnConsole, signInOnPhoneBySms } from './support/sign-in.ts';

let server: RunningServer;
let phone: BrowserSession;
let consoleBrowser: BrowserSession;
/** The member's name as the H5 greets them; the console finds the report-in by it. */
let memberName = '';

beforeAll(async () => {
  server = await startServer();
  phone = await openBrowser({ viewport: PHONE, isMobile: true });
  phone.expectHttpError(/^GET \/api\/v1\/auth\/me$/);
  consoleBrowser = await openBrowser({ viewport: DESKTOP });
  consoleBrowser.expectHttpError(/^GET \/api\/v1\/auth\/me$/);
});

// A failed step prints what the server logged, so a failure on a CI machine explains itself.
afterEach((context) => {
  if (context.task.result?.state === 'fail') console.error(`server log (tail):\n${server?.output().slice(-6000)}`);
});

afterAll(async () => {
  await phone?.close();
  await consoleBrowser?.close();
  await server?.stop();
});

/** This quarter in Asia/Shanghai, as the feedback page defaults to it. */
function currentQuarter(): { year: number; quarter: number } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .split('-')
    .map(Number);
  return { year: year ?? 0, quarter: Math.floor(((month ?? 1) - 1) / 3) + 1 };
}

describe(`双报到 journey, H5 at 360 px and console at 1440 px (${process.env.LINLI_TEST_DB === 'postgres' ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('a member reports in on the H5 and waits for the branch', async () => {
    const { page } = phone;
    // The demo member is in service, on the first compound's roster, not reported in.
    await signInOnPhoneBySms(page, server, DEMO_MEMBER_PHONE);
    memberName = ((await page.getByTestId('h5-greeting').textContent()) ?? '').replace(/^.*[，,]\s*/, '').trim();
    expect(memberName.length).toBeGreaterThanOrEqual(2);
    await page.getByTestId('h5-tile-reportIn').click();
    await page.getByTestId('h5-report-in-status').waitFor();
    await expect(page.getByTestId('h5-report-in-status').getAttribute('data-status')).resolves.toBe('none');
    await page.getByTestId('h5-report-in-skills').fill('水电维修、法律咨询');
    await screenshot(page, 'h5-report-in-form');
    await page.getByTestId('h5-report-in-submit').click();
    await expect
      .poll(() => page.getByTestId('h5-report-in-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('pending');
    await screenshot(page, 'h5-report-in-pending');
    expect(describeProblems(phone.problems)).toBe('');
  });

  it('the branch secretary confirms the report-in in the console and sees the receipt', async () => {
    const { page } = consoleBrowser;
    await signInOnConsole(page, server, 'branch_secretary');
    await page.goto(`${server.baseUrl}/report-ins`);
    const row = page.locator('tr', { hasText: memberName }).filter({ has: page.getByTestId('report-in-confirm') });
    await row.first().waitFor();
    await screenshot(page, 'admin-report-ins-pending');
    await row.first().getByTestId('report-in-confirm').click();
    // The decision's own response, so a failure says whether the request went out and what the server answered.
    const [decision] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && /\/member-report-ins\/[^/]+\/decision$/.test(r.url()),
        {
          timeout: 15_000,
        },
      ),
      page.locator('#report-in-confirm-ok').click(),
    ]);
    expect(decision.status(), await decision.text()).toBe(200);
    // Confirming opens the printable 回执 at once.
    const receiptNo = page.getByTestId('report-in-receipt-no');
    await receiptNo.waitFor();
    await expect(receiptNo.textContent()).resolves.toMatch(/^BD-\d{4}-\d{6}$/);
    await screenshot(page, 'admin-report-in-receipt');
    expect(describeProblems(consoleBrowser.problems)).toBe('');
  });

  it('the member sees the confirmation with its receipt and claims a post', async () => {
    const { page } = phone;
    await page.goto(`${server.baseUrl}/m/member/report-in`);
    await expect
      .poll(() => page.getByTestId('h5-report-in-status').getAttribute('data-status'), { timeout: 10_000 })
      .toBe('confirmed');
    await expect(page.getByTestId('h5-report-in-receipt').textContent()).resolves.toMatch(/BD-\d{4}-\d{6}/);

    await page.goto(`${server.baseUrl}/m/member/posts`);
    const claimable = page.getByTestId('h5-post-item').filter({ has: page.getByTestId('h5-post-claim') });
    await claimable.first().waitFor();
    const postTitle = ((await claimable.first().locator('h3, .post-title, strong').first().textContent()) ?? '').trim();
    await screenshot(page, 'h5-posts');
    await claimable.first().getByTestId('h5-post-claim').click();
    await page.getByTestId('h5-post-claim-popup-text').fill('晚上和周末有时间');
    await page.getByTestId('h5-post-claim-popup-confirm').click();

    await page.goto(`${server.baseUrl}/m/member/posts?view=mine`);
    const mine = page.getByTestId('h5-my-claim').filter({ hasText: postTitle });
    await mine.first().waitFor();
    await expect(mine.first().getByTestId('h5-claim-status').getAttribute('data-status')).resolves.toBe('pending');
    await screenshot(page, 'h5-my-claims');
    expect(describeProblems(phone.problems)).toBe('');
  });

  it('the quarterly feedback for the member’s work unit downloads as a Word document that names the member', async () => {
    const { page } = consoleBrowser;
    const search = await page.request.get(`${server.baseUrl}/api/v1/members?q=${encodeURIComponent(memberName)}`);
    expect(search.status()).toBe(200);
    const member = (
      (await search.json()) as { items: Array<{ id: string; name: string; workUnitId: string | null }> }
    ).items.find((m) => m.name === memberName);
    expect(member?.workUnitId).toBeTruthy();

    // The member's page lists the report-in with its receipt.
    await page.goto(`${server.baseUrl}/members/${member?.id}`);
    await page
      .getByTestId('member-report-in-history')
      .getByText(/BD-\d{4}-\d{6}/)
      .waitFor();
    await screenshot(page, 'admin-member-detail');

    const { year, quarter } = currentQuarter();
    await page.goto(
      `${server.baseUrl}/work-unit-feedback?workUnitId=${member?.workUnitId}&year=${year}&quarter=${quarter}`,
    );
    await page.getByTestId('feedback-preview-table').getByText(memberName).first().waitFor();
    await page.getByTestId('feedback-generate').click();
    const downloadButton = page.getByTestId('feedback-document-download').first();
    await downloadButton.waitFor();
    await screenshot(page, 'admin-work-unit-feedback');
    const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const path = await download.path();
    const zip = await JSZip.loadAsync(await readFile(path));
    const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = documentXml.replace(/<[^>]+>/g, '');
    expect(text).toContain('在职党员八小时外表现反馈表');
    expect(text).toContain(memberName);
    expect(text).toMatch(/BD-\d{4}-\d{6}/);
    expect(describeProblems(consoleBrowser.problems)).toBe('');
  });
});
