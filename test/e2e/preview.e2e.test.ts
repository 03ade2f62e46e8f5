/**
 * The browser preview in headless Chromium: the real task pane renders without Office, its page
 * tabs work, and it reads the sample workbook. Screenshots go to build/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serve, type RunningServer } from '../../scripts/serve';

const ROOT = join(__dirname, '..', '..');
const SCREENSHOTS = join(ROOT, 'build', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PAGES = ['立项交办', '反馈', '销号', '清单与报告', '综评'];

let server: RunningServer;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const foreignRequests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/install-system-deps.sh or set CHROMIUM_PATH.`);
  }
  server = await serve(join(ROOT, 'dist'), 0);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  // Reduced motion: screenshots show the settled tab indicator, not a transition.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', reducedMotion: 'reduce' });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(server.origin)) foreignRequests.push(request.url());
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the preview shows the task pane with its five pages, and the pages switch', async () => {
  await page.goto(`${server.origin}/preview.html`);

  await page.getByRole('heading', { level: 1, name: '13710督办台账' }).waitFor({ state: 'visible' });
  expect(await page.title()).toContain('13710督办台账');
  for (const name of PAGES) {
    expect(await page.getByRole('tab', { name, exact: true }).isVisible()).toBe(true);
  }

  // The status card reads the in-memory workbook through the real adapter.
  await page.getByTestId('workbook-name').waitFor({ state: 'visible' });
  expect(await page.getByTestId('workbook-name').textContent()).toBe('13710督办台账（预览）.xlsx');
  expect(await page.locator('li[data-sheet="台账"]').getAttribute('data-present')).toBe('true');
  expect(await page.locator('li[data-sheet="操作日志"]').getAttribute('data-present')).toBe('true');
  // The sample ledger beside it: the first item's row, tinted by its 预警状态.
  const first = page.locator('table[data-sheet="台账"] tr[data-row="2"]');
  await first.waitFor({ state: 'visible' });
  expect(await first.textContent()).toContain('DB-2026-0001');
  await page.screenshot({ path: join(SCREENSHOTS, 'preview.png') });

  await page.getByRole('tab', { name: '反馈', exact: true }).click();
  expect(await page.getByRole('tab', { name: '反馈', exact: true }).getAttribute('aria-selected')).toBe('true');
  await page.getByRole('heading', { level: 2, name: '反馈' }).waitFor({ state: 'visible' });
  await page.screenshot({ path: join(SCREENSHOTS, 'preview-report.png') });

  expect(problems).toEqual([]);
  expect(foreignRequests).toEqual([]); // no office.js, no CDN, nothing outside the local server
});

test('?page= opens the page a ribbon button names', async () => {
  await page.goto(`${server.origin}/preview.html?page=scores`);
  await page.getByRole('heading', { level: 2, name: '综评' }).waitFor({ state: 'visible' });
  expect(await page.getByRole('tab', { name: '综评', exact: true }).getAttribute('aria-selected')).toBe('true');
});
