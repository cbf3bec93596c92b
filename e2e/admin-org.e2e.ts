import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserSession, DESKTOP, describeProblems, openBrowser, screenshot } from './support/browser.ts';
import { freshTotpCode, type RunningServer, startServer } from './support/server.ts';

/** Names the demo seeder gives (apps/server/src/demo/demo-county.ts). */
const COUNTY = '中共示例县委员会';
const FIRST_TOWN = '中共金碧镇委员会';

const PARTY_NAMES = {
  branch: '党支部',
  owners_committee: '业主委员会',
  supervisory_committee: '居务监督委员会',
  property_company: '物业服务有限公司',
} as const;

let server: RunningServer;
let browser: BrowserSession;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser({ viewport: DESKTOP });
  page = browser.page;
  // The console asks who is signed in before anyone is.
  browser.expectHttpError(/^GET \/api\/v1\/auth\/me$/);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A node of an antd tree (the org tree page, or a TreeSelect popup) whose title starts with `prefix`. */
function treeNode(scope: Locator, prefix: string): Locator {
  return scope
    .locator('.ant-tree-treenode, .ant-select-tree-treenode')
    .filter({ has: scope.page().locator(`[title^="${prefix}"], :text-is("${prefix}")`) })
    .first();
}

/**
 * Expands an antd tree node (the org tree page or a TreeSelect popup) and waits for its children to load. The org
 * tree opens its first levels by itself after loading; a click that lands just as it does would close the node
 * again, so this checks, clicks only a closed node, and tries again if the node ends up closed.
 */
async function expand(node: Locator): Promise<void> {
  const switcher = node.locator('.ant-tree-switcher, .ant-select-tree-switcher').first();
  const isOpen = async () => /switcher_open\b/.test((await switcher.getAttribute('class')) ?? '');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await isOpen()) return;
    await switcher.click();
    try {
      await expect.poll(isOpen, { timeout: 5_000 }).toBe(true);
      return;
    } catch {
      // closed again, or still loading: look once more
    }
  }
  await expect.poll(isOpen, { timeout: 10_000 }).toBe(true);
}

describe(`console at 1440×900 (${process.env.LINLI_TEST_DB === 'postgres' ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('signs the county admin in with password and TOTP', async () => {
    const admin = server.account('county_admin');
    if (!admin.totpSecret) throw new Error('the demo county admin has no TOTP secret');
    await page.goto(`${server.baseUrl}/login`);
    await page.getByTestId('login-username').fill(admin.username);
    await page.getByTestId('login-password').fill(admin.password);
    await screenshot(page, 'admin-login');
    await page.getByTestId('login-submit').click();

    await page.getByTestId('totp-code').waitFor();
    await page.getByTestId('totp-code').fill(await freshTotpCode(admin.totpSecret));
    await screenshot(page, 'admin-login-totp');
    await page.getByTestId('totp-submit').click();

    await page.getByTestId('header-user').waitFor();
    await expect(page.getByTestId('header-roles').textContent()).resolves.toContain('县委组织部管理员');
    expect(new URL(page.url()).pathname).not.toBe('/login');
  });

  it('walks the org tree down to a compound branch and opens its detail', async () => {
    await page.getByTestId('side-menu').getByText('组织架构', { exact: false }).first().click();
    await page.waitForURL(/\/org$/);
    const tree = page.getByTestId('org-tree');
    await tree.waitFor();

    await expand(treeNode(tree, COUNTY));
    const town = treeNode(tree, FIRST_TOWN);
    await town.waitFor();
    await expand(town);
    const community = tree.locator('.ant-tree-treenode').filter({ hasText: '党总支' }).first();
    await community.waitFor();
    await expand(community);
    const branch = tree.locator('.ant-tree-treenode').filter({ hasText: '党支部' }).first();
    await branch.waitFor();
    const branchName = (await branch.locator('.ant-tree-title').textContent())?.replace(/党支部.*$/, '党支部') ?? '';
    await branch.locator('.ant-tree-node-content-wrapper').click();

    const detail = page.getByTestId('org-detail');
    await detail.waitFor();
    await expect(detail.textContent()).resolves.toContain(branchName);
    await expect(detail.textContent()).resolves.toContain(FIRST_TOWN);
    await screenshot(page, 'admin-org-tree');
  });

  it('creates a compound with its four parties and finds it in the compound list', async () => {
    const name = `邻里测试小区${Date.now() % 100_000}`;
    await page.getByTestId('side-menu').getByText('小区', { exact: true }).first().click();
    await page.waitForURL(/\/compounds$/);
    await page.getByTestId('compound-create').click();
    await page.waitForURL(/\/compounds\/new$/);

    await page.getByTestId('compound-name').fill(name);
    // The compound belongs to a community Party organisation: 县委 → 金碧镇党委 → the first 党总支.
    await page.locator('#orgId').click();
    const popup = page.locator('.ant-select-dropdown:visible');
    await popup.waitFor();
    await expand(treeNode(popup, COUNTY));
    const town = treeNode(popup, FIRST_TOWN);
    await town.waitFor();
    await expand(town);
    const community = popup.locator('.ant-select-tree-treenode').filter({ hasText: '党总支' }).first();
    await community.waitFor();
    await community.locator('.ant-select-tree-node-content-wrapper').click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });

    await page.getByTestId('compound-address').fill('金碧镇幸福路 88 号');
    await typeNumber(page.getByTestId('compound-households'), '420');
    await typeNumber(page.getByTestId('compound-buildings'), '12');

    for (const [kind, suffix] of Object.entries(PARTY_NAMES)) {
      await page.getByTestId(`party-${kind}-enabled`).click();
      await page
        .getByTestId(`party-${kind}-name`)
        .fill(kind === 'property_company' ? `邻里${suffix}` : `${name}${suffix}`);
    }
    // The branch secretary also chairs the owners' committee (交叉任职).
    await addPerson(page, 'branch', { name: '王建国', position: '书记', phone: '13800001234' });
    await addPerson(page, 'owners_committee', { name: '王建国', position: '主任' });
    await addPerson(page, 'supervisory_committee', { name: '李秀英', position: '主任' });
    await addPerson(page, 'property_company', { name: '张伟', position: '项目经理' });
    await screenshot(page, 'admin-compound-form', { fullPage: true });

    await page.getByTestId('compound-submit').click();
    await expectNavigationOrFormErrors(page, /\/compounds\/[0-9a-f-]{36}$/);
    for (const kind of Object.keys(PARTY_NAMES)) {
      await page.getByTestId(`party-card-${kind}`).waitFor();
    }
    await expect(page.getByTestId('party-card-branch').textContent()).resolves.toContain('王建国');
    // The phone is shown masked (PI-3), never in full.
    const detailText = (await page.locator('main, .ant-layout-content').first().textContent()) ?? '';
    expect(detailText).not.toContain('13800001234');
    await screenshot(page, 'admin-compound-detail', { fullPage: true });

    await page.getByTestId('side-menu').getByText('小区', { exact: true }).first().click();
    await page.waitForURL(/\/compounds(\?.*)?$/);
    await page
      .getByPlaceholder(/名称|搜索|小区/)
      .first()
      .fill(name);
    await page.keyboard.press('Enter');
    const row = page.locator('.ant-table-row').filter({ hasText: name });
    await row.waitFor();
    await expect(row.count()).resolves.toBe(1);
    await screenshot(page, 'admin-compound-list');

    expect(describeProblems(browser.problems)).toBe('');
  });
});

/** Waits for the page to reach `url`; when the form shows validation errors instead, fails with their text. */
async function expectNavigationOrFormErrors(page: Page, url: RegExp): Promise<void> {
  const errors = page.locator('.ant-form-item-explain-error');
  const outcome = await Promise.race([
    page.waitForURL(url, { timeout: 30_000 }).then(() => 'navigated' as const),
    errors
      .first()
      .waitFor({ timeout: 30_000 })
      .then(() => 'errors' as const),
  ]);
  if (outcome === 'navigated') return;
  const labels = await page
    .locator('.ant-form-item-has-error')
    .evaluateAll((items) =>
      items.map(
        (item) =>
          `${item.querySelector('label')?.textContent ?? '?'}: ${item.querySelector('.ant-form-item-explain-error')?.textContent ?? ''}`,
      ),
    );
  throw new Error(`the form was not submitted; it shows validation errors:\n${labels.join('\n')}`);
}

/** Types into an antd InputNumber the way a person does: select what is there, type, leave the field. */
async function typeNumber(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.press('ControlOrMeta+A');
  await input.pressSequentially(value);
  await input.press('Tab');
}

async function addPerson(
  page: Page,
  kind: keyof typeof PARTY_NAMES,
  person: { name: string; position: string; phone?: string },
): Promise<void> {
  await page.getByTestId(`party-${kind}-add-person`).click();
  await page.locator(`#parties_${kind}_people_0_name`).fill(person.name);
  await page.locator(`#parties_${kind}_people_0_position`).fill(person.position);
  if (person.phone) await page.locator(`#parties_${kind}_people_0_phone`).fill(person.phone);
}
