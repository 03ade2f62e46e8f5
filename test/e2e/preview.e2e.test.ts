/**
 * The browser preview in headless Chromium: the real task pane renders without Office, its page
 * tabs work, and it reads the sample workbook. Screenshots go to build/screenshots/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openPreviewSession, SCREENSHOTS, type PreviewSession } from './browser';

const PAGES = ['立项交办', '反馈', '销号', '清单与报告', '综评'];

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreviewSession();
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

test('the preview shows the task pane with its five pages, and the pages switch', async () => {
  await page.goto(session.previewUrl());

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
  // tinted as the ledger's conditional formats do: 编号 … 承办科室 and 预警状态, not the rest of the row
  const names = await page.locator('table[data-sheet="台账"] tr[data-row="1"] td').allInnerTexts();
  const bg = (header: string) =>
    first
      .locator('td')
      .nth(names.indexOf(header))
      .evaluate((el) => getComputedStyle(el).backgroundColor);
  const statusBg = await bg('预警状态');
  expect(statusBg).not.toBe('rgba(0, 0, 0, 0)');
  expect([await bg('编号'), await bg('承办科室')]).toEqual([statusBg, statusBg]);
  expect(await bg('事项类型')).not.toBe(statusBg);
  await page.screenshot({ path: join(SCREENSHOTS, 'preview.png') });

  await page.getByRole('tab', { name: '反馈', exact: true }).click();
  expect(await page.getByRole('tab', { name: '反馈', exact: true }).getAttribute('aria-selected')).toBe('true');
  await page.getByRole('heading', { level: 2, name: '反馈' }).waitFor({ state: 'visible' });
  await page.screenshot({ path: join(SCREENSHOTS, 'preview-report.png') });

  expect(session.problems).toEqual([]);
  expect(session.foreignRequests).toEqual([]); // no office.js, no CDN, nothing outside the local server
});

test('?page= opens the page a ribbon button names', async () => {
  await page.goto(session.previewUrl('?page=scores'));
  await page.getByRole('heading', { level: 2, name: '综评' }).waitFor({ state: 'visible' });
  expect(await page.getByRole('tab', { name: '综评', exact: true }).getAttribute('aria-selected')).toBe('true');
});
