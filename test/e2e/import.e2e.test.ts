/**
 * 导入科室台账 in the browser preview, as a section head's block arrives: copied from the section's
 * own sheet with a 序号 and a 备注 column, its own header names (事项来源, 工作任务, 责任科室, 交办时间,
 * 完成时间), the seed's wording of the 来源类别, dates typed every which way (年月日, an Excel serial,
 * a year-less date, dots, full-width digits), full-width spaces, a 科室 name close to a listed one,
 * and two bad rows. The 督办员 previews it (counts by row, messages located by row and column of
 * the pasted block), takes the one-click 科室 suggestion, imports the good rows without adding a
 * column, then undoes — and 台账 is exactly as before, with no blank rows.
 *
 * Then the same from a picked .xlsx (a title line, a date cell, a serial, two sheets): read in the
 * page with exceljs loaded only then, a sheet choice, the same preview as a paste.
 *
 * Screenshot: the import preview at 320 px pane width (build/screenshots/import-preview.png).
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { INTO_NOTE } from '../../src/domain/import';
import { importText } from '../../src/i18n/import';
import { ui } from '../../src/i18n/ui';
import { openPreviewSession, SCREENSHOTS, type PreviewSession } from './browser';

const t = importText.panel;

/** The section's block, as Excel puts it on the clipboard (tabs, CRLF). Rows 5 and 6 are bad. */
const BLOCK = [
  ['序号', '事项来源', '工作任务', '责任科室', '交办时间', '完成时间', '备注'],
  ['1', '巡视、巡察、审计等要求整改落实的问题', 'e2e导入：学生公寓3号楼消防通道堵塞整改', '公寓管理科', '2026年11月3日', '46356', '巡察反馈问题'],
  ['2', '（七）', 'e2e导入：二食堂油烟净化设备清洗', '饮食服务科\u3000', '11月5日', '2026.12.15', ''],
  ['3', '其他需要督查督办事项', '\u3000e2e导入：校园快递点秩序整治', '物业管理科', '２０２６／１１／１０', '12/20', '配合保卫处'],
  ['4', '后勤中心各类会议决议事项', '', '工程管理科', '2026-11-12', '2026-12-31', ''],
  ['5', '十一', 'e2e导入：路灯报修响应', '能源管理科', '2026-11-13', '下周五', ''],
]
  .map((r) => r.join('\t'))
  .join('\r\n')
  .concat('\r\n');

let session: PreviewSession;
let page: Page;
/** every URL the page requested */
const requests: string[] = [];

beforeAll(async () => {
  // Tall, so the whole preview fits the screenshot.
  session = await openPreviewSession({ viewport: { width: 1280, height: 2400 } });
  page = session.page;
  page.setDefaultTimeout(15_000);
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(session.previewUrl());
  const picker = pane().getByRole('region', { name: ui.role.title });
  await picker.getByRole('combobox', { name: ui.role.label, exact: true }).selectOption({ label: ui.role.options['督办员'] });
  await picker.getByRole('textbox', { name: ui.role.name, exact: true }).fill('陈志刚');
  await importForm().waitFor({ state: 'visible' });
});

afterAll(async () => {
  await session?.close();
});

const pane = (): Locator => page.getByRole('complementary', { name: ui.preview.taskPane });
const overview = (): Locator => pane().getByRole('region', { name: ui.pages.overview, exact: true });
const importForm = (): Locator => overview().getByRole('region', { name: t.title, exact: true });
const previewBox = (): Locator => importForm().getByTestId('import-preview');
const ledgerRows = (): Locator => page.locator('table[data-sheet="台账"] tbody tr');

/** The 台账 grid as the user sees it: every row's cell texts. */
async function ledgerGrid(): Promise<string[][]> {
  return ledgerRows().evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
}

/** Rows of the grid below the header whose cells (row number aside) are all blank. */
const blankRows = (grid: string[][]) => grid.slice(1).filter((cells) => cells.slice(1).every((c) => c.trim() === ''));

async function count(key: keyof typeof t.counts): Promise<number> {
  return Number(await previewBox().locator(`[data-count="${key}"] dd`).innerText());
}

async function listed(id: string): Promise<string[]> {
  const list = importForm().getByTestId(`import-${id}`);
  if ((await list.count()) === 0) return [];
  return list.locator('li').allInnerTexts();
}

/** Each pasted column's dropdown in 列的对应: [column letter, its target]. */
async function mappingNow(): Promise<string[][]> {
  return importForm()
    .getByTestId('import-mapping')
    .locator('select')
    .evaluateAll((els) => els.map((e) => [(e as HTMLSelectElement).dataset.column ?? '', (e as HTMLSelectElement).value]));
}

async function runPreview(): Promise<void> {
  const before = await previewBox().count();
  await importForm().getByRole('button', { name: t.preview, exact: true }).click();
  if (before > 0) await importForm().getByText(t.previewBusy).waitFor({ state: 'detached' });
  await previewBox().waitFor({ state: 'visible' });
}

/** Waits for the 概览 success message matching `text`; fails at once on an error message. */
async function confirmed(text: string | RegExp): Promise<string> {
  const messages = overview().getByTestId('operation-message');
  const done = messages.getByText(text);
  const failed = messages.getByText(ui.op.failedTitle, { exact: true });
  await done.or(failed).first().waitFor({ state: 'visible' });
  if (await failed.first().isVisible()) throw new Error(`operation failed: ${await messages.allInnerTexts()}`);
  return done.first().innerText();
}

let before: string[][] = [];

test('a messy section block: counts by row, located messages, the readings shown; screenshot at 320 px', async () => {
  await ledgerRows().nth(40).waitFor({ state: 'attached' });
  before = await ledgerGrid();
  expect(blankRows(before)).toEqual([]);

  await importForm().getByRole('textbox', { name: t.text }).fill(BLOCK);
  await runPreview();

  expect(await count('add')).toBe(2);
  expect(await count('update')).toBe(0);
  expect(await count('errors')).toBe(3); // rows, not messages (row 6 has two)
  expect(await count('duplicates')).toBe(0);

  const errors = await listed('errors');
  expect(errors).toHaveLength(4);
  expect(errors).toContain('粘贴内容 第2行 D列（承办科室）：“公寓管理科”不在“科室人员”表的科室名单中；是否为“学生公寓管理科”？');
  expect(errors).toContain('粘贴内容 第5行 C列（事项内容）：必须填写');
  expect(errors.some((e) => e.startsWith('粘贴内容 第6行 B列（来源类别）：“十一”不是来源类别'))).toBe(true);
  expect(errors.some((e) => e.startsWith('粘贴内容 第6行 F列（完成时限）：“下周五”不是可识别的日期'))).toBe(true);
  // no complaint about columns the section's sheet does not have (办理状态, 交办层级, 事项类型)
  expect(errors.join('\n')).not.toMatch(/办理状态|交办层级|事项类型/);
  expect(await listed('problems')).toEqual([]);

  expect(await mappingNow()).toEqual([
    ['A', '不导入'],
    ['B', '来源类别'],
    ['C', '事项内容'],
    ['D', '承办科室'],
    ['E', '交办日期'],
    ['F', '完成时限'],
    ['G', '备注'],
  ]);
  const notes = await listed('notes');
  expect(notes).toContain('粘贴内容 第2行 F列（完成时限）：“46356”是 Excel 的日期序号，已按 2026-11-30 识别');
  expect(notes).toContain('粘贴内容 第3行 E列（交办日期）：“11月5日”没有写年份，已按 2026 年识别为 2026-11-05');
  expect(notes).toContain('粘贴内容 第4行 F列（完成时限）：“12/20”没有写年份，已按 2026 年识别为 2026-12-20');
  expect(notes).toContain('粘贴内容 第2行 B列（来源类别）：“巡视、巡察、审计等要求整改落实的问题”已按来源类别“巡视、巡察、审计整改问题”识别');
  expect(notes).toContain('粘贴内容 第3行 B列（来源类别）：“（七）”已按来源类别“后勤中心各类会议决议”识别');
  expect(await listed('defaults')).toEqual(expect.arrayContaining([expect.stringContaining('办理状态：待审批')]));

  // the pane at 320 px, the preview in view
  await pane().evaluate((el) => {
    (el as HTMLElement).style.width = '320px';
  });
  await previewBox().scrollIntoViewIfNeeded();
  await importForm().screenshot({ path: join(SCREENSHOTS, 'import-preview.png') });
  expect(await pane().evaluate((el) => el.clientWidth)).toBe(320);
  // nothing in the form is wider than the pane
  const overflow = await importForm().evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the 科室 suggestion in one click; the good rows imported as typed, with the workflow defaults', async () => {
  await importForm()
    .getByRole('button', { name: t.useSuggestion('公寓管理科', '学生公寓管理科'), exact: true })
    .click();
  await importForm().getByText(t.previewBusy).waitFor({ state: 'detached' });
  await previewBox().waitFor({ state: 'visible' });
  expect(await count('add')).toBe(3);
  expect(await count('errors')).toBe(2);
  expect(await listed('notes')).toContain('粘贴内容 第2行 D列（承办科室）：“公寓管理科”已按科室“学生公寓管理科”导入');

  await importForm().getByRole('button', { name: t.confirm, exact: true }).click();
  const message = await confirmed(/^已导入：新增 3 行/);
  const ids = /（(.*)）/.exec(message)?.[1].split('、') ?? [];
  expect(ids).toHaveLength(3);

  const after = await ledgerGrid();
  expect(after).toHaveLength(before.length + 3);
  expect(blankRows(after)).toEqual([]);
  expect(after.slice(0, before.length)).toEqual(before); // appended below, nothing else touched
  const added = after.slice(before.length).map((cells) => cells.join('|'));
  expect(added[0]).toContain(ids[0]);
  expect(added[0]).toContain('学生公寓管理科');
  expect(added[0]).toContain('巡视、巡察、审计整改问题');
  expect(added[0]).toContain('2026-11-30');
  expect(added[0]).toContain('巡察反馈问题');
  expect(added[1]).toContain('饮食服务科|'); // the full-width space trimmed
  expect(added[1]).toContain('2026-12-15');
  expect(added[2]).toContain('|e2e导入：校园快递点秩序整治|');
  expect(added[2]).toContain('2026-11-10');
  // remembered in 设置 with the import: the accepted 科室 name
  await page.getByRole('tablist', { name: ui.preview.sheetTabs }).getByRole('tab', { name: '设置', exact: true }).click();
  await page.locator('table[data-sheet="设置"] tr').filter({ hasText: '科室别名' }).getByText('公寓管理科=学生公寓管理科', { exact: true }).waitFor();
  await page.getByRole('tablist', { name: ui.preview.sheetTabs }).getByRole('tab', { name: '台账', exact: true }).click();
  await ledgerRows().first().waitFor();
  for (const row of added) {
    expect(row).toContain('待审批');
    expect(row).toContain('台账其他任务');
    expect(row).toContain('|一般|');
  }
});

test('撤销本次导入: 台账 exactly as before, no blank rows; only 已撤销 shows, and undo cannot run twice', async () => {
  const undo = importForm().getByRole('button', { name: t.undo, exact: true });
  await undo.click();
  await confirmed(t.undone(3, 0, 0, 0));
  await page.waitForFunction((n) => document.querySelectorAll('table[data-sheet="台账"] tbody tr').length === n, before.length);
  const after = await ledgerGrid();
  expect(after).toEqual(before);
  expect(blankRows(after)).toEqual([]);
  expect(await undo.isDisabled()).toBe(true);
  expect(
    await overview()
      .getByTestId('operation-message')
      .getByText(/^已导入：/)
      .count(),
  ).toBe(0);
});

/** A section's workbook: a merged title line above the header, a date cell, a serial; a second sheet. */
async function sectionXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('11月督办事项');
  ws.addRow(['学生公寓管理科督办事项台账（2026年11月）']);
  ws.mergeCells('A1:G1');
  ws.addRow(['序号', '督办事项来源', '工作任务', '责任科室', '交办时间', '完成时间', '备注']);
  ws.addRow([1, '（三）', 'e2e文件：3号楼热水供应不稳定问题整改', '学生公寓管理科', new Date(Date.UTC(2026, 10, 3)), 46370, '']);
  ws.addRow([2, '后勤中心安全稳定及其他专项工作落实情况', 'e2e文件：宿舍用电隐患排查', '学生公寓管理科\u3000', '2026.11.6', '12月10日', '配合保卫处']);
  ws.addRow([3, '其他', '', '学生公寓管理科', '2026-11-07', '2026-12-01', '']);
  ws.getCell('E3').numFmt = 'yyyy-mm-dd';
  const other = wb.addWorksheet('10月');
  other.addRow(['序号', '工作任务', '责任科室', '完成时间']);
  other.addRow([1, 'e2e文件：10月的事项', '学生公寓管理科', '2026-10-30']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('选择科室的 .xlsx: read in the page (exceljs loaded only now), a sheet choice, the same preview as a paste', async () => {
  const lazy = (): string[] => requests.filter((u) => /\/xlsx\.[0-9a-f]+\.js$/.test(u));
  expect(lazy()).toEqual([]); // not in the pane's initial bundle
  expect(await importForm().getByRole('button', { name: importText.file.pick, exact: true }).isVisible()).toBe(true);
  const input = importForm().getByLabel(importText.file.label);
  await input.setInputFiles({
    name: '公寓科11月台账.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await sectionXlsx(),
  });
  await importForm().getByTestId('import-file-read').waitFor({ state: 'visible' });
  expect(lazy()).toHaveLength(1);
  expect(await importForm().getByTestId('import-file-read').innerText()).toBe(importText.file.read('公寓科11月台账.xlsx', '11月督办事项', 3));
  await previewBox().waitFor({ state: 'visible' });
  expect(await count('add')).toBe(2);
  expect(await count('errors')).toBe(1);
  // messages name the file's sheet and its own row numbers (the title line is row 1, the header row 2)
  const from = importText.file.origin('公寓科11月台账.xlsx', '11月督办事项');
  expect(await listed('errors')).toEqual([`${from} 第5行 C列（事项内容）：必须填写`]);
  expect(await listed('notes')).toContain(`${from} 第3行 F列（完成时限）：“46370”是 Excel 的日期序号，已按 2026-12-14 识别`);
  expect(await listed('notes')).toContain(`${from} 第4行 F列（完成时限）：“12月10日”没有写年份，已按 2026 年识别为 2026-12-10`);
  expect(await importForm().getByRole('textbox', { name: t.text }).inputValue()).toContain('2026-11-03');
  // 督办事项来源 → 并入备注 instead: the rows then lack 来源类别, which the block-level problem says once
  await importForm()
    .getByRole('combobox', { name: importText.mapping.label('B', '督办事项来源'), exact: true })
    .selectOption(INTO_NOTE);
  await importForm().getByText(t.previewBusy).waitFor({ state: 'detached' });
  await previewBox().waitFor({ state: 'visible' });
  expect(await mappingNow()).toContainEqual(['B', INTO_NOTE]);
  expect(await listed('problems')).toEqual([importText.headers.missingRequired('来源类别')]);
  await importForm()
    .getByRole('combobox', { name: importText.mapping.label('B', '督办事项来源'), exact: true })
    .selectOption('来源类别');
  await importForm().getByText(t.previewBusy).waitFor({ state: 'detached' });
  await previewBox().waitFor({ state: 'visible' });
  expect(await count('add')).toBe(2);

  const sheet = importForm().getByRole('combobox', { name: importText.file.sheet, exact: true });
  await sheet.selectOption({ label: importText.file.sheetOption('10月', 1) });
  await importForm()
    .getByTestId('import-file-read')
    .getByText(importText.file.read('公寓科11月台账.xlsx', '10月', 1))
    .waitFor();
  await previewBox().waitFor({ state: 'visible' });
  expect(await count('add')).toBe(0);
  expect(await listed('problems')).toEqual([importText.headers.missingRequired('来源类别')]);

  const grid = await ledgerGrid();
  expect(grid).toEqual(before); // nothing written by reading a file or previewing
  expect(session.problems).toEqual([]);
  expect(session.foreignRequests).toEqual([]);
});
