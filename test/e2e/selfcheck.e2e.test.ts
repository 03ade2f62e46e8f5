/**
 * 自检 in the browser preview: the real task pane runs the self-check against the in-memory Excel
 * (web profile) and shows the 通过/失败 table; the screenshot goes to build/screenshots/selfcheck.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openPreviewSession, SCREENSHOTS, type PreviewSession } from './browser';

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreviewSession({ viewport: { width: 1280, height: 1400 } });
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

test('自检 runs in the preview and every check passes; screenshot of the 自检 section', async () => {
  await page.goto(session.previewUrl());
  const panel = page.getByTestId('self-check');
  await panel.waitFor({ state: 'visible' });
  await panel.getByRole('button', { name: '开始自检' }).click();
  await panel.getByText('结论：全部通过，本加载项可在此 Excel 中正常使用。').first().waitFor({ state: 'visible', timeout: 60_000 });
  expect(await panel.locator('[data-check]').count()).toBe(10);
  expect(await panel.locator('[data-check][data-ok="false"]').count()).toBe(0);
  expect(await panel.locator('[data-set="ExcelApi"]').textContent()).toContain('支持');
  await panel.scrollIntoViewIfNeeded();
  await panel.screenshot({ path: join(SCREENSHOTS, 'selfcheck.png') });
  expect(session.problems).toEqual([]);
  expect(session.foreignRequests).toEqual([]);
});

test('?profile=mac: the preview models Excel for Mac — ExcelApiOnline 不支持, every check still passes', async () => {
  await page.goto(session.previewUrl('?profile=mac'));
  const panel = page.getByTestId('self-check');
  await panel.waitFor({ state: 'visible' });
  await panel.getByRole('button', { name: '开始自检' }).click();
  await panel.getByText('结论：全部通过，本加载项可在此 Excel 中正常使用。').first().waitFor({ state: 'visible', timeout: 60_000 });
  expect(await panel.locator('[data-set="ExcelApiOnline"]').textContent()).toContain('不支持');
  expect(await panel.getByText('Mac', { exact: true }).count()).toBe(1);
  await panel.screenshot({ path: join(SCREENSHOTS, 'selfcheck-mac.png') });
  expect(session.problems).toEqual([]);
});
