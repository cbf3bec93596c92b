import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Dashboard } from '@linli/contracts';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserSession,
  DESKTOP,
  describeProblems,
  openBrowser,
  SCREENSHOT_DIR,
  screenshot,
} from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { signInOnConsole } from './support/sign-in.ts';

const run = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const PDFTOPPM = '/usr/bin/pdftoppm';

let server: RunningServer;
let consoleBrowser: BrowserSession;
/** The cockpit's period: this Shanghai year up to today, the page's default. */
let period = { from: '', to: '' };

beforeAll(async () => {
  server = await startServer();
  consoleBrowser = await openBrowser({ viewport: DESKTOP });
  consoleBrowser.expectHttpError(/^GET \/api\/v1\/auth\/me$/);
});

afterAll(async () => {
  await consoleBrowser?.close();
  await server?.stop();
});

/** The dashboard the page shows, read from the same API with the page's own session. */
async function dashboardFor(query: string): Promise<Dashboard> {
  const res = await consoleBrowser.page.request.get(`${server.baseUrl}/api/v1/dashboard?${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Dashboard;
}

/** The plain text of a docx's body, paragraphs joined by line breaks. */
async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

const db = process.env.LINLI_TEST_DB === 'postgres' ? 'PostgreSQL' : 'SQLite';

describe(`Reports: the county cockpit and the work report at 1440 px (${db})`, () => {
  it('the county admin opens the cockpit and sees the county’s figures, the same as the API’s', async () => {
    const { page } = consoleBrowser;
    await signInOnConsole(page, server, 'county_admin');
    await page.goto(`${server.baseUrl}/dashboard`);
    await page.getByTestId('dashboard-page').waitFor();
    await page.getByTestId('dashboard-children').locator('[data-testid^="child-row-"]').first().waitFor();
    const url = new URL(page.url());
    const now = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    period = {
      from: url.searchParams.get('from') ?? `${now.slice(0, 4)}-01-01`,
      to: url.searchParams.get('to') ?? now,
    };
    const dashboard = await dashboardFor(`from=${period.from}&to=${period.to}`);
    expect(dashboard.breadcrumb).toHaveLength(1);
    expect(dashboard.children.length).toBeGreaterThan(1);
    const received = dashboard.figures.cases_received;
    expect(typeof received).toBe('number');
    expect(Number(received)).toBeGreaterThan(0);
    const kpiText = (await page.getByTestId('kpi-cases_received').textContent()) ?? '';
    expect(kpiText.replace(/[,，\s]/g, '')).toContain(String(received));
    await page.getByTestId('dashboard-breadcrumb').getByText(dashboard.scope.name).waitFor();
    await screenshot(page, 'admin-dashboard-county', { fullPage: true });
    expect(describeProblems(consoleBrowser.problems)).toBe('');
  });

  it('drills down from the county to a Party committee and on to the next level', async () => {
    const { page } = consoleBrowser;
    const county = await dashboardFor(`from=${period.from}&to=${period.to}`);
    const committee = county.children.find((c) => c.kind === 'org' && c.compounds > 0);
    expect(committee).toBeDefined();
    if (!committee) return;
    await page.getByTestId(`child-row-${committee.id}`).getByText(committee.name).click();
    await page.waitForURL((u) => u.searchParams.get('orgId') === committee.id);
    await page.getByTestId('dashboard-breadcrumb').getByText(committee.name).waitFor();
    const level2 = await dashboardFor(`orgId=${committee.id}&from=${period.from}&to=${period.to}`);
    expect(level2.breadcrumb.map((b) => b.id)).toEqual([county.scope.id, committee.id]);
    expect(level2.figures.compounds_total).toBe(committee.compounds);
    await screenshot(page, 'admin-dashboard-committee', { fullPage: true });

    const next = level2.children[0];
    expect(next).toBeDefined();
    if (!next) return;
    await page.getByTestId(`child-row-${next.id}`).getByText(next.name).click();
    await page.waitForURL((u) => (u.searchParams.get('orgId') ?? u.searchParams.get('compoundId')) === next.id);
    await page.getByTestId('dashboard-breadcrumb').getByText(next.name).waitFor();
    await screenshot(page, 'admin-dashboard-level3', { fullPage: true });
    // Back up through the breadcrumb to the county.
    await page.getByTestId('dashboard-breadcrumb').getByText(county.scope.name).click();
    await page.waitForURL((u) => !u.searchParams.get('orgId') || u.searchParams.get('orgId') === county.scope.id);
    await page.getByTestId(`child-row-${committee.id}`).waitFor();
    expect(describeProblems(consoleBrowser.problems)).toBe('');
  });

  it('prints the cockpit on A4 without the console frame', async () => {
    const { page } = consoleBrowser;
    await page.emulateMedia({ media: 'print' });
    try {
      await expect(page.locator('.app-sider').first().isVisible()).resolves.toBe(false);
      await screenshot(page, 'admin-dashboard-print', { fullPage: true });
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('generates the county’s work report and downloads a Word document quoting the cockpit’s figures', async () => {
    const { page } = consoleBrowser;
    await page.getByTestId('dashboard-generate-report').click();
    await page.waitForURL(/\/work-reports/);
    await page.getByTestId('work-report-form').waitFor();
    await page.getByTestId('work-report-generate').click();
    // The monthly job has already written last month's reports at start-up: take the link of the one just made.
    const download = page.getByTestId('work-report-generated-download');
    await download.waitFor();
    await screenshot(page, 'admin-work-reports');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^工作汇报-.+\.docx$/);
    const path = await file.path();
    const text = await docxText(path);
    for (const heading of ['一、基本情况', '二、主要做法及成效', '三、经验启示']) expect(text).toContain(heading);
    expect(text).not.toContain('{{');
    const county = await dashboardFor(`from=${period.from}&to=${period.to}`);
    expect(text).toContain(county.scope.name);
    const compounds = Number(county.figures.compounds_total);
    expect(text.replace(/,/g, '')).toContain(String(compounds));

    if (!SOFFICE) return;
    // Rendered as a person would see it: LibreOffice lays the document out as a PDF (kept for review beside the
    // screenshots), and its first page becomes a PNG where poppler is installed.
    const out = mkdtempSync(join(tmpdir(), 'linli-docx-'));
    try {
      const docx = join(out, 'work-report.docx');
      copyFileSync(path, docx);
      const profile = `-env:UserInstallation=file://${out}/profile`;
      await run(SOFFICE, ['--headless', profile, '--convert-to', 'pdf', '--outdir', out, docx], { timeout: 120_000 });
      const pdf = readFileSync(join(out, 'work-report.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // An A4 report of three sections runs to more than one page.
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(1);
      copyFileSync(join(out, 'work-report.pdf'), join(SCREENSHOT_DIR, 'docx-work-report.pdf'));
      if (existsSync(PDFTOPPM)) {
        await run(PDFTOPPM, [
          '-png',
          '-r',
          '60',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          join(out, 'work-report.pdf'),
          join(SCREENSHOT_DIR, 'docx-work-report-page1'),
        ]);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    expect(describeProblems(consoleBrowser.problems)).toBe('');
  });
  it('exports the 民情 ledger to Excel with a progress bar, and the file holds every case of the period', async () => {
    const { page } = consoleBrowser;
    await page.goto(`${server.baseUrl}/ledgers?kind=civic_cases&from=${period.from}&to=${period.to}`);
    await page.getByTestId('ledger-table').locator('tbody tr').first().waitFor();
    await screenshot(page, 'admin-ledger-civic-cases');
    await page.getByTestId('ledger-export').click();
    await page.getByTestId('ledger-progress').waitFor();
    const download = page.getByTestId('ledger-download');
    await download.waitFor({ timeout: 60_000 });
    await screenshot(page, 'admin-ledger-exported');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const zip = await JSZip.loadAsync(await readFile(await file.path()));
    const sheet = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    const county = await dashboardFor(`from=${period.from}&to=${period.to}`);
    // A title row, the watermark row and the header row come before one row per case received in the period.
    expect(sheet.match(/<row /g)?.length).toBe(Number(county.figures.cases_received) + 3);
    expect(sheet).not.toMatch(/1[3-9]\d{9}/);
    await page.emulateMedia({ media: 'print' });
    try {
      await screenshot(page, 'admin-ledger-print');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
    expect(describeProblems(consoleBrowser.problems)).toBe('');
  });
});
