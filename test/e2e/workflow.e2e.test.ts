/**
 * The whole 13710 workflow clicked through in the browser preview, in one page session: the real
 * task pane and the real Excel adapter on the preview's in-memory workbook. 督办员 registers an
 * item (with 「已报经中心主任同意」, so it is 交办 at once), 科室 reports 1天反馈, 分管领导 signs it,
 * 科室 applies to close, 督办员 checks, 分管领导 approves with 良好 — and the 台账 grid beside the
 * pane follows each step, ending at 已销号 with every action on 操作日志.
 *
 * Each form is captured just before it is submitted (build/screenshots/register.png, report.png,
 * signoff.png, apply.png, check.png, approve.png), then the closed item (closed.png) and the log
 * (oplog.png). Locators are the accessible names the user sees (src/i18n/ui.ts).
 *
 * The steps are separate tests for readable output, but they share the page and run in order.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SOURCE_CATEGORIES } from '../../src/domain/types';
import { rounds as rt } from '../../src/i18n/rounds';
import { ui } from '../../src/i18n/ui';
import { openPreviewSession, SCREENSHOTS, type PreviewSession } from './browser';
import { tableRecords } from './pane';

const CONTENT = 'e2e：维修二食堂排水管道';
const SOURCE = '后勤中心各类会议决议'; // 来源类别 7
const LEVEL = '校党委、行政交办'; // names all three 责任人
const SECTION = '工程管理科';
const CHIEF = '周海涛'; // 工程管理科 科长 (科室人员)
const LEADER = '王振宇'; // its 分管领导
const DIRECTOR = '杨光明'; // 中心主任 (设置)
const OFFICER = '陈志刚'; // 督办员
const REPORT = '1天反馈';
const GRADE = '良好';
const EVIDENCE_LINK = 'https://pan.example.com/s/e2e-drain';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

let session: PreviewSession;
let page: Page;
/** 编号 of the item this run registers (read from the confirmation) */
let itemId = '';
/** 1天/3天应报日 and 办结时限 the preview box showed before saving */
let previewDue: { due1: string; due3: string; deadline: string };

beforeAll(async () => {
  // Taller than preview.e2e's 800 px so the long forms fit the screenshots.
  session = await openPreviewSession({ viewport: { width: 1280, height: 1000 } });
  page = session.page;
  page.setDefaultTimeout(10_000); // a missing confirmation fails in seconds, not at the test timeout
});

afterAll(async () => {
  await session?.close();
});

// ---- locators -------------------------------------------------------------------------------

const pane = (): Locator => page.getByRole('complementary', { name: ui.preview.taskPane });
const rolePicker = (): Locator => pane().getByRole('region', { name: ui.role.title });
/** The task-pane page shown now (hidden pages are out of the accessibility tree). */
const pageRegion = (id: keyof typeof ui.pages): Locator => pane().getByRole('region', { name: ui.pages[id], exact: true });
/** One action's form (a FormSection, named by its title). */
const form = (id: keyof typeof ui.pages, title: string): Locator => pageRegion(id).getByRole('region', { name: title, exact: true });
const sheetTable = (sheet: string): Locator => page.locator(`table[data-sheet="${sheet}"]`);

async function openPage(id: keyof typeof ui.pages): Promise<Locator> {
  const tab = pane().getByRole('tablist', { name: ui.nav.label }).getByRole('tab', { name: ui.pages[id], exact: true });
  await tab.click();
  const region = pageRegion(id);
  await region.waitFor({ state: 'visible' });
  return region;
}

async function openSheet(sheet: string): Promise<void> {
  await page.getByRole('tablist', { name: ui.preview.sheetTabs }).getByRole('tab', { name: sheet, exact: true }).click();
  await sheetTable(sheet).waitFor({ state: 'visible' });
}

type Who = { role: '督办员'; name: string } | { role: '科室'; section: string; name: string } | { role: '分管领导'; leader: string };

/** 身份 at the top of the pane (changing the role clears its section/leader/name, so set them all). */
async function chooseRole(who: Who): Promise<void> {
  const picker = rolePicker();
  await picker.getByRole('combobox', { name: ui.role.label, exact: true }).selectOption({ label: ui.role.options[who.role] });
  if (who.role === '科室') await picker.getByRole('combobox', { name: ui.role.section, exact: true }).selectOption({ label: who.section });
  if (who.role === '分管领导') await picker.getByRole('combobox', { name: ui.role.leader, exact: true }).selectOption({ label: who.leader });
  if (who.role !== '分管领导') await picker.getByRole('textbox', { name: ui.role.name, exact: true }).fill(who.name);
}

/** Opens the item in the page's picker (by a search on its 编号) unless it is open already. */
async function openItem(region: Locator, id: string): Promise<void> {
  const summary = region.getByRole('group', { name: ui.item.title(id), exact: true });
  if (!(await summary.isVisible())) {
    await region.getByRole('searchbox', { name: ui.picker.search, exact: true }).fill(id);
    await region.getByRole('button', { name: new RegExp(`^${id}\\b`) }).click();
  }
  await summary.waitFor({ state: 'visible' });
}

/** Waits for the page's success message with exactly `text`; fails at once on an error message. */
async function confirmed(region: Locator, text: string): Promise<void> {
  const done = region.getByTestId('operation-message').getByText(text, { exact: true });
  const failed = region.getByTestId('operation-message').getByText(ui.op.failedTitle, { exact: true });
  await done.or(failed).first().waitFor({ state: 'visible' });
  if (await failed.isVisible()) {
    throw new Error(`operation failed: ${await region.getByTestId('operation-message').innerText()}`);
  }
}

async function shot(name: string, scrollTo?: Locator): Promise<void> {
  await scrollTo?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

/** Scrolls the grid vertically to the (last) row mentioning `text`, keeping column A in view. */
async function revealRow(sheet: string, text: string): Promise<void> {
  await sheetTable(sheet)
    .locator('tbody tr')
    .filter({ hasText: text })
    .last()
    .evaluate((tr) => {
      tr.scrollIntoView({ block: 'center' });
      const scroller = tr.closest('table')?.parentElement;
      if (scroller) scroller.scrollLeft = 0;
    });
}

/** A sheet of the grid as records. */
const sheetRecords = (sheet: string): Promise<Record<string, string>[]> => tableRecords(sheetTable(sheet));

async function ledgerRow(id: string): Promise<Record<string, string>> {
  const rows = (await sheetRecords('台账')).filter((r) => r['编号'] === id);
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** Waits until the 台账 grid row of `id` shows `state` (the grid redraws after each write). */
async function ledgerRowShows(id: string, state: string): Promise<Record<string, string>> {
  await sheetTable('台账').locator('tbody tr').filter({ hasText: id }).filter({ hasText: state }).waitFor();
  const row = await ledgerRow(id);
  expect(row['办理状态']).toBe(state);
  return row;
}

// ---- the workflow ---------------------------------------------------------------------------

test('督办员 registers an item, seeing its due dates and 责任人 before saving', async () => {
  await page.goto(session.previewUrl());
  await pane().locator('[data-ledger="ready"]').waitFor();

  await chooseRole({ role: '督办员', name: OFFICER });
  const register = await openPage('register');
  const r = ui.register;
  const f = form('register', r.formTitle);
  const preview = f.getByTestId('due-preview');
  const shown = (term: string) => preview.locator(`dd[data-preview="${term}"]`);

  // Nothing to show before 交办层级 and 承办科室 are chosen.
  expect(await shown(r.first).textContent()).toBe(r.nobody);

  await f.getByRole('combobox', { name: r.source, exact: true }).selectOption({ label: `${SOURCE_CATEGORIES.indexOf(SOURCE) + 1} ${SOURCE}` });
  await f.getByRole('combobox', { name: r.level, exact: true }).selectOption({ label: LEVEL });
  await f.getByRole('textbox', { name: r.content, exact: true }).fill(CONTENT);
  await f.getByRole('combobox', { name: r.section, exact: true }).selectOption({ label: SECTION });
  await f.getByRole('combobox', { name: r.kind, exact: true }).selectOption({ label: '一般' });
  await f.getByRole('checkbox', { name: r.directorAgreed }).check();

  // The preview box: 交办 today (agreed), the 13710 dates in order, and the three 责任人.
  const today = (await shown(r.assignedOn).textContent()) ?? '';
  expect(today).toMatch(ISO_DATE);
  previewDue = {
    due1: (await shown(r.due1).textContent()) ?? '',
    due3: (await shown(r.due3).textContent()) ?? '',
    deadline: (await shown(r.deadlineDue).textContent()) ?? '',
  };
  for (const date of Object.values(previewDue)) expect(date).toMatch(ISO_DATE);
  expect(today < previewDue.due1 && previewDue.due1 < previewDue.due3 && previewDue.due3 < previewDue.deadline).toBe(true);
  expect(await shown(r.first).textContent()).toBe(DIRECTOR);
  expect(await shown(r.inCharge).textContent()).toBe(LEADER);
  expect(await shown(r.direct).textContent()).toBe(CHIEF);

  const submit = f.getByRole('button', { name: r.submitAndAssign, exact: true });
  await shot('register.png', submit);
  await submit.click();

  const message = register.getByTestId('operation-message').getByText(/^已立项并交办：/);
  await message.waitFor();
  const text = (await message.textContent()) ?? '';
  itemId = /^已立项并交办：(DB-\d{4}-\d{4})/.exec(text)?.[1] ?? '';
  expect(itemId).not.toBe('');
  expect(text).toBe(r.doneAssigned(itemId, today));
  // The form is reset for the next item.
  expect(await f.getByRole('textbox', { name: r.content, exact: true }).inputValue()).toBe('');
});

test('the new item appears in the 台账 grid, 已交办 with the previewed dates', async () => {
  const row = await ledgerRowShows(itemId, '已交办');
  expect(row['事项内容']).toBe(CONTENT);
  expect(row['承办科室']).toBe(SECTION);
  expect(row['交办层级']).toBe(LEVEL);
  expect(row['1天应报日']).toBe(previewDue.due1);
  expect(row['3天应报日']).toBe(previewDue.due3);
  expect(row['办结时限']).toBe(previewDue.deadline);
  expect(row['第一责任人']).toBe(DIRECTOR);
  expect(row['分管责任人']).toBe(LEADER);
  expect(row['直接责任人']).toBe(CHIEF);
});

test('科室 reports 1天反馈 and its 分管领导 signs it', async () => {
  await chooseRole({ role: '科室', section: SECTION, name: CHIEF });
  const report = await openPage('report');
  await openItem(report, itemId);

  const f = form('report', ui.report.formTitle);
  await f.getByRole('combobox', { name: ui.report.node, exact: true }).selectOption({ label: REPORT });
  await f.getByRole('textbox', { name: ui.report.content, exact: true }).fill('已组织施工队现场勘察，制定维修方案。');
  const submit = f.getByRole('button', { name: ui.report.submit, exact: true });
  await shot('report.png', submit);
  await submit.click();
  await confirmed(report, ui.report.done(itemId, REPORT));
  await ledgerRowShows(itemId, '办理中');

  await chooseRole({ role: '分管领导', leader: LEADER });
  const list = form('report', ui.report.signTitle);
  const entry = list.getByRole('listitem').filter({ hasText: `${itemId} · ${REPORT} · ` });
  await entry.waitFor();
  const sign = entry.getByRole('button', { name: ui.report.sign, exact: true });
  await shot('signoff.png', sign);
  await sign.click();
  await confirmed(report, ui.report.signDone(itemId, REPORT));
  await entry.waitFor({ state: 'detached' });
});

test('科室 applies to close, 督办员 checks, 分管领导 approves with 良好: 已销号', async () => {
  await chooseRole({ role: '科室', section: SECTION, name: CHIEF });
  const close = await openPage('close');
  await openItem(close, itemId);
  const apply = form('close', ui.close.applyTitle);
  await apply.getByRole('textbox', { name: ui.close.applyContent, exact: true }).fill('排水管道已更换，通水正常。');
  await apply.getByRole('textbox', { name: ui.close.applyEvidence, exact: true }).fill(`管道验收单.pdf、${EVIDENCE_LINK}`);
  const applyButton = apply.getByRole('button', { name: ui.close.apply, exact: true });
  await shot('apply.png', applyButton);
  await applyButton.click();
  await confirmed(close, ui.close.applyDone(itemId));
  await ledgerRowShows(itemId, '申请办结');

  await chooseRole({ role: '督办员', name: OFFICER });
  await openItem(close, itemId);
  // 初核 sees the 佐证材料: the link opens in a new tab
  const evidence = close.getByTestId('item-summary').locator(`a[href="${EVIDENCE_LINK}"]`);
  await evidence.waitFor();
  expect(await evidence.getAttribute('target')).toBe('_blank');
  const checkButton = form('close', ui.close.checkTitle).getByRole('button', { name: ui.close.check, exact: true });
  await shot('check.png', checkButton);
  await checkButton.click();
  await confirmed(close, ui.close.checkDone(itemId));
  await ledgerRowShows(itemId, '已初核');

  await chooseRole({ role: '分管领导', leader: LEADER });
  await openItem(close, itemId);
  const approve = form('close', ui.close.approveTitle);
  await approve.getByRole('combobox', { name: ui.close.grade, exact: true }).selectOption({ label: GRADE });
  const approveButton = approve.getByRole('button', { name: ui.close.approve, exact: true });
  await shot('approve.png', approveButton);
  await approveButton.click();
  await confirmed(close, ui.close.approveDone(itemId, GRADE));

  const row = await ledgerRowShows(itemId, '已销号');
  expect(row['评价等级']).toBe(GRADE);
  await revealRow('台账', itemId);
  await shot('closed.png');
});

test('操作日志 lists every action on the item, by whom', async () => {
  await openSheet('操作日志');
  const log = (await sheetRecords('操作日志')).filter((r) => r['编号'] === itemId);
  expect(log.map((r) => [r['动作'], r['角色'], r['操作人']])).toEqual([
    ['立项', '督办员', OFFICER],
    ['审批同意', '中心主任', DIRECTOR],
    ['反馈', '科室', CHIEF],
    ['审签', '分管领导', LEADER],
    ['申请办结', '科室', CHIEF],
    ['初核', '督办员', OFFICER],
    ['审定', '分管领导', LEADER],
  ]);
  for (const r of log) expect(r['科室']).toBe(SECTION);
  await revealRow('操作日志', itemId);
  await shot('oplog.png');
});

test('督办员 refreshes the 督查看板: its tables and three charts appear beside the sheet', async () => {
  await chooseRole({ role: '督办员', name: OFFICER });
  const lists = await openPage('lists');
  await form('lists', ui.lists.dashboardTitle).getByRole('button', { name: ui.lists.dashboardRefresh, exact: true }).click();
  await lists
    .getByTestId('operation-message')
    .getByText(/^看板已按 \d{4}-\d{2}-\d{2} 的台账刷新。$/)
    .waitFor();

  await openSheet(rt.dashboardSheet);
  const charts = page.getByRole('img', { name: /^图表：/ });
  await charts.first().waitFor();
  expect(await charts.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(
    [rt.chartStatusTitle, rt.chartTrendTitle, rt.chartSourceTitle].map((title) => ui.preview.chartLabel(title)),
  );
  // the stacked columns carry one bar segment per non-zero count; the trend line has its points
  expect(await charts.nth(0).locator('rect').count()).toBeGreaterThan(10);
  expect(await sheetTable(rt.dashboardSheet).getByText(rt.statusTableTitle, { exact: true }).count()).toBe(1);
  await shot('dashboard.png');
});

test('no page errors, no console errors, no requests outside the local server', () => {
  expect(session.problems).toEqual([]);
  expect(session.foreignRequests).toEqual([]);
});
