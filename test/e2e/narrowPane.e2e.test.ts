/**
 * 概览 and 综评 at the pane's narrowest (320 px, Excel's default task-pane width is about that):
 * nothing wider than the pane, 排名 and 总分 in view without scrolling sideways. Screenshots:
 * build/screenshots/overview-320.png and scores-320.png.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ui } from '../../src/i18n/ui';
import { openPreviewSession, SCREENSHOTS, type PreviewSession } from './browser';

let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreviewSession({ viewport: { width: 1280, height: 2000 } });
  page = session.page;
  page.setDefaultTimeout(15_000);
  await page.goto(session.previewUrl());
  const picker = pane().getByRole('region', { name: ui.role.title });
  await picker.getByRole('combobox', { name: ui.role.label, exact: true }).selectOption({ label: ui.role.options['督办员'] });
  await picker.getByRole('textbox', { name: ui.role.name, exact: true }).fill('陈志刚');
  await pane().evaluate((el) => {
    (el as HTMLElement).style.width = '320px';
  });
});

afterAll(async () => {
  await session?.close();
});

const pane = (): Locator => page.getByRole('complementary', { name: ui.preview.taskPane });
const region = (name: string): Locator => pane().getByRole('region', { name, exact: true });
/** how far a region's content reaches past its own width, px (≤ 0: it fits) */
const overflow = (l: Locator) => l.evaluate((el) => el.scrollWidth - el.clientWidth);

test('概览 at 320 px: the keyword box, the status counts and the list fit the pane', async () => {
  const overview = region(ui.pages.overview);
  await overview.waitFor({ state: 'visible' });
  expect(await pane().evaluate((el) => el.clientWidth)).toBe(320);
  expect(await overflow(overview)).toBeLessThanOrEqual(0);
  await pane().screenshot({ path: join(SCREENSHOTS, 'overview-320.png') });
});

test('综评 at 320 px: 排名, 科室, 总分 and 扣分 in view, nothing wider than the pane', async () => {
  await pane().getByRole('tab', { name: ui.pages.scores, exact: true }).click();
  const scores = region(ui.pages.scores);
  await scores.getByRole('table').first().waitFor({ state: 'visible' });
  expect(await overflow(scores)).toBeLessThanOrEqual(0);
  const table = scores.getByRole('table').first();
  expect(await table.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(320);
  await pane().screenshot({ path: join(SCREENSHOTS, 'scores-320.png') });
  expect(session.problems).toEqual([]);
});
