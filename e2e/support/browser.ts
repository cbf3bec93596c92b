import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium; `playwright install` is never used (stack.md). */
export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(fileURLToPath(new URL('../screenshots', import.meta.url)));

export const DESKTOP = { width: 1440, height: 900 } as const;
export const PHONE = { width: 360, height: 740 } as const;

/** What went wrong in the page while a test drove it. */
export interface PageProblems {
  /** `console.error` calls and uncaught page errors. */
  consoleErrors: string[];
  /** Requests that never got an answer (refused, aborted, blocked by CSP …). */
  failedRequests: string[];
  /** Answers with status ≥ 400 that the test did not declare as expected. */
  badResponses: string[];
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
  /**
   * Declares HTTP errors the scenario causes on purpose, e.g. `GET /api/v1/auth/me` → 401 before signing in.
   * Matched against `METHOD path` (path without the query string).
   */
  expectHttpError(pattern: RegExp): void;
  close(): Promise<void>;
}

/** Chromium's own line for any 4xx/5xx answer; those are tracked (and filtered) as responses instead. */
const RESOURCE_ERROR = /^Failed to load resource: the server responded with a status of \d+/;

/**
 * Launches Chromium headless with a persistent profile in a temporary directory (the launch that stack.md
 * verified), one page at the given viewport, and records console errors, failed requests and HTTP errors.
 */
export async function openBrowser(options: {
  viewport: { width: number; height: number };
  locale?: string;
  isMobile?: boolean;
}): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'linli-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport,
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());

  const problems: PageProblems = { consoleErrors: [], failedRequests: [], badResponses: [] };
  const expected: RegExp[] = [/^GET \/favicon\.ico$/];
  page.on('console', (message) => {
    if (message.type() === 'error' && !RESOURCE_ERROR.test(message.text())) {
      problems.consoleErrors.push(message.text());
    }
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // A navigation that replaces the page aborts the requests still in flight; that is not a defect.
    if (reason === 'net::ERR_ABORTED') return;
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const url = new URL(response.url());
    const line = `${response.request().method()} ${url.pathname}`;
    if (expected.some((pattern) => pattern.test(line))) return;
    problems.badResponses.push(`${line} → ${response.status()}`);
  });

  return {
    context,
    page,
    problems,
    expectHttpError(pattern) {
      expected.push(pattern);
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Saves `e2e/screenshots/<name>.png` (git-ignored) for review; the name says what the picture shows. A full-page
 * picture is taken by growing the viewport to the page's height, so a sticky header stays at the top instead of
 * being painted over the middle of the page.
 */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  // Let fonts and pending layout settle so the picture shows what a person would see.
  await page.evaluate(() => document.fonts.ready);
  const viewport = page.viewportSize();
  if (!options.fullPage || !viewport) {
    await page.screenshot({ path, animations: 'disabled' });
    return path;
  }
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  try {
    await page.screenshot({ path, animations: 'disabled' });
  } finally {
    await page.setViewportSize(viewport);
  }
  return path;
}

/** Everything recorded as a problem, one line each; an empty string means a clean run. */
export function describeProblems(problems: PageProblems): string {
  return [
    ...problems.consoleErrors.map((e) => `console: ${e}`),
    ...problems.failedRequests.map((e) => `request failed: ${e}`),
    ...problems.badResponses.map((e) => `http: ${e}`),
  ].join('\n');
}
