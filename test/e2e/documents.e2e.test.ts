/**
 * The 公文 documents in the preview: the 督办员 generates a 督查轮次, then clicks every download of
 * 文书 — 督办通知单, 催办单, 科室催办单, 督查报告（公文） — and each file is opened as a .docx (its
 * word/document.xml read) and checked; the 催办 message is shown for copying, and the 通知单 is
 * written into its printable sheet, which the grid beside the pane shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Download, Locator, Page } from 'playwright-core';
import { ui } from '../../src/i18n';
import { documents as d } from '../../src/i18n/documents';
import { openPreviewSession, SCREENSHOTS, type PreviewSession } from './browser';

const p = d.pane;
let session: PreviewSession;
let page: Page;

beforeAll(async () => {
  session = await openPreviewSession({ viewport: { width: 1280, height: 1000 } });
  page = session.page;
  page.setDefaultTimeout(15_000);
  await page.goto(session.previewUrl('?page=lists'));
  const picker = pane().getByRole('region', { name: ui.role.title });
  await picker.getByRole('combobox', { name: ui.role.label, exact: true }).selectOption({ label: ui.role.options['督办员'] });
  await picker.getByRole('textbox', { name: ui.role.name, exact: true }).fill('陈志刚');
  await lists().waitFor({ state: 'visible' });
});

afterAll(async () => {
  await session?.close();
});

const pane = (): Locator => page.getByRole('complementary', { name: ui.preview.taskPane });
const lists = (): Locator => pane().getByRole('region', { name: ui.pages.lists, exact: true });
const documentsForm = (): Locator => lists().getByRole('region', { name: p.title, exact: true });
const message = (text: string): Locator => lists().getByTestId('operation-message').getByText(text, { exact: true });

/** Click a button that downloads; the file it gets, opened as a .docx. */
async function download(name: string): Promise<{ file: Download; xml: string; fileName: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), documentsForm().getByRole('button', { name, exact: true }).click()]);
  const path = await file.path();
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 2).toString()).toBe('PK'); // a zip, as a .docx is
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(zip.file('word/fontTable.xml')).not.toBeNull();
  await message(p.downloaded(file.suggestedFilename())).waitFor();
  return { file, xml, fileName: file.suggestedFilename() };
}

/** The text of a document.xml, runs joined. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

test('the 督查报告 公文 asks for a round first, then downloads with its 版头, body and both 附件', async () => {
  await documentsForm().getByRole('button', { name: p.reportDocx, exact: true }).click();
  await message(p.noRound).waitFor();

  const round = lists().getByRole('region', { name: ui.lists.formTitle, exact: true });
  await round.getByRole('button', { name: ui.lists.generate, exact: true }).click();
  await lists().getByTestId('round-result').waitFor();

  const { xml, fileName } = await download(p.reportDocx);
  expect(fileName).toMatch(/^督查报告-\d{4}年\d{1,2}月\.docx$/);
  const text = textOf(xml);
  for (const s of ['后勤服务中心文件', '一、总体情况', '二、主要问题', '三、督查建议', '附件1', '问题清单', '附件2', '不落实典型事项清单', '印发'])
    expect(text).toContain(s);
  expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  expect(xml).toContain('w:eastAsia="方正小标宋简体"');
});

test('an item: 督办通知单 and 催办单 download, the 催办 message shows, the 通知单 goes into its sheet', async () => {
  const form = documentsForm();
  await form
    .getByRole('button', { name: /^DB-\d{4}-\d{4}\b/ })
    .first()
    .click();
  const notice = await download(p.noticeDocx);
  const id = /^督办通知单-(DB-\d{4}-\d{4})\.docx$/.exec(notice.fileName)![1];
  expect(textOf(notice.xml)).toContain(id);
  expect(textOf(notice.xml)).toContain('签收人：');
  expect(textOf(notice.xml)).toMatch(/后勤督〔\d{4}〕\d+号/);

  const urge = await download(p.urgeDocx);
  expect(urge.fileName).toBe(d.files.urge(id));
  expect(textOf(urge.xml)).toMatch(/(蓝|黄|红)色催办/);

  await form.getByRole('button', { name: p.message, exact: true }).click();
  const box = lists().getByTestId('urge-message').getByRole('textbox');
  await box.waitFor();
  const msg = await box.inputValue();
  expect(msg).toMatch(/^【(蓝|黄|红)色催办】后勤督〔\d{4}〕\d+-\d+号 催办单\n/);
  expect(msg).toContain(id);
  await page.screenshot({ path: join(SCREENSHOTS, 'documents.png') });

  await form.getByRole('button', { name: p.noticeSheet, exact: true }).click();
  await message(p.sheetWritten(d.sheets.notice)).waitFor();
  await page.getByRole('tablist', { name: ui.preview.sheetTabs }).getByRole('tab', { name: d.sheets.notice, exact: true }).click();
  const sheet = page.locator(`table[data-sheet="${d.sheets.notice}"]`);
  await sheet.waitFor({ state: 'visible' });
  expect(await sheet.innerText()).toContain(id);
});

test('a section with overdue items: its 催办单 and message list them', async () => {
  const form = documentsForm();
  const select = form.getByRole('combobox', { name: p.section, exact: true });
  const sections = await select.locator('option').allTextContents();
  let found = '';
  for (const s of sections) {
    await select.selectOption({ label: s });
    await form.getByRole('button', { name: p.sectionMessage, exact: true }).click();
    const none = message(p.noOverdue(s));
    const shown = lists()
      .getByTestId('operation-message')
      .getByText(/^催办等级：/);
    await none.or(shown).first().waitFor();
    if (await shown.isVisible()) {
      found = s;
      break;
    }
  }
  expect(found).not.toBe('');
  const msg = await lists().getByTestId('urge-message').getByRole('textbox').inputValue();
  expect(msg).toContain(`${found}：`);
  expect(msg).toMatch(/\n1\. 督办事项DB-/);
  const sectionUrge = await download(p.sectionUrgeDocx);
  expect(sectionUrge.fileName).toMatch(new RegExp(`^催办单-${found}-\\d{4}-\\d{2}-\\d{2}\\.docx$`));
  // every item the message lists is in the document's table
  for (const m of msg.matchAll(/督办事项(DB-\d{4}-\d{4})/g)) expect(textOf(sectionUrge.xml)).toContain(m[1]);
});

test('no page errors, no console errors, no requests outside the local server', () => {
  expect(session.problems).toEqual([]);
  expect(session.foreignRequests.filter((u) => !u.startsWith('blob:'))).toEqual([]);
});
