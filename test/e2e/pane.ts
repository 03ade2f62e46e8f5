/**
 * The task pane and the workbook grid of the preview as a user reaches them, for the e2e suites
 * that act as several roles (dailyFlow*.e2e.test.ts): locators by the accessible names of
 * src/i18n/ui.ts, the role bar, the item picker, the page's message, and the sheets of the grid
 * read as records (the grid shows what the in-memory workbook holds, formula cells as computed).
 */
import type { Locator, Page } from 'playwright-core';
import { ui } from '../../src/i18n/ui';
import type { PreviewSession } from './browser';

export type PageId = keyof typeof ui.pages;

export type Who =
  { role: '督办员'; name?: string } | { role: '科室'; section: string; name?: string } | { role: '分管领导'; leader: string } | { role: '中心主任' };

/** A sheet of the grid as records (its table header row, grid row 1, names the cells below). */
export type SheetRecord = Record<string, string>;

/** A sheet of the preview grid as records: its table header row (grid row 1) names the cells of each row below. */
export async function tableRecords(table: Locator): Promise<SheetRecord[]> {
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.querySelectorAll('td'))
        .slice(1)
        .map((td) => td.textContent ?? ''),
    ),
  );
  const [header, ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

export interface PreviewPane {
  page: Page;
  pane(): Locator;
  rolePicker(): Locator;
  /** the name box of the role bar */
  nameBox(): Locator;
  /** the task-pane page shown now (hidden pages are out of the accessibility tree) */
  pageRegion(id: PageId): Locator;
  /** one action's form on a page (a FormSection, named by its title) */
  form(id: PageId, title: string): Locator;
  /** the page's operation message (success, failure or a refusal before sending) */
  message(id: PageId): Locator;
  /** Loads the preview afresh: a new in-memory workbook, no role remembered. */
  fresh(search?: string): Promise<void>;
  openPage(id: PageId): Promise<Locator>;
  chooseRole(who: Who): Promise<void>;
  /** Opens the item in the page's picker by a search on its 编号 (unless it is open already). */
  openItem(id: PageId, itemId: string): Promise<Locator>;
  /** Waits for the page's success message `text` (then for the ledger to be read again); fails at once on an error. */
  confirmed(id: PageId, text: string): Promise<void>;
  sheetTable(sheet: string): Locator;
  openSheet(sheet: string): Promise<void>;
  sheetRecords(sheet: string): Promise<SheetRecord[]>;
  /** the one 台账 row of `itemId` */
  ledgerRow(itemId: string): Promise<SheetRecord>;
  /** 设置's value of `name` */
  setting(name: string): Promise<string>;
}

/**
 * The helpers over the session's page. Every load of the preview starts with no role remembered
 * (the browser's storage is cleared before the page runs), so each `fresh()` is a first visit.
 */
export async function previewPane(session: PreviewSession): Promise<PreviewPane> {
  const { page } = session;
  await page.addInitScript(() => window.localStorage.clear());
  const pane = () => page.getByRole('complementary', { name: ui.preview.taskPane });
  const rolePicker = () => pane().getByRole('region', { name: ui.role.title });
  const pageRegion = (id: PageId) => pane().getByRole('region', { name: ui.pages[id], exact: true });
  const form = (id: PageId, title: string) => pageRegion(id).getByRole('region', { name: title, exact: true });
  const message = (id: PageId) => pageRegion(id).getByTestId('operation-message');
  const sheetTable = (sheet: string) => page.locator(`table[data-sheet="${sheet}"]`);
  const ready = () => pane().locator('[data-ledger="ready"]').waitFor();

  const openSheet = async (sheet: string) => {
    await page.getByRole('tablist', { name: ui.preview.sheetTabs }).getByRole('tab', { name: sheet, exact: true }).click();
    await sheetTable(sheet).waitFor({ state: 'visible' });
  };

  const sheetRecords = async (sheet: string) => {
    await openSheet(sheet);
    return tableRecords(sheetTable(sheet));
  };

  const openPage = async (id: PageId) => {
    await pane().getByRole('tablist', { name: ui.nav.label }).getByRole('tab', { name: ui.pages[id], exact: true }).click();
    const region = pageRegion(id);
    await region.waitFor({ state: 'visible' });
    return region;
  };

  return {
    page,
    pane,
    rolePicker,
    nameBox: () => rolePicker().getByRole('textbox', { name: ui.role.name, exact: true }),
    pageRegion,
    form,
    message,
    sheetTable,
    openSheet,
    sheetRecords,
    openPage,

    async fresh(search = '') {
      await page.goto(session.previewUrl(search));
      await ready();
    },

    async chooseRole(who) {
      const picker = rolePicker();
      await picker.getByRole('combobox', { name: ui.role.label, exact: true }).selectOption({ label: ui.role.options[who.role] });
      if (who.role === '科室') await picker.getByRole('combobox', { name: ui.role.section, exact: true }).selectOption({ label: who.section });
      if (who.role === '分管领导') await picker.getByRole('combobox', { name: ui.role.leader, exact: true }).selectOption({ label: who.leader });
      if ((who.role === '督办员' || who.role === '科室') && who.name !== undefined) {
        await picker.getByRole('textbox', { name: ui.role.name, exact: true }).fill(who.name);
      }
    },

    async openItem(id, itemId) {
      const region = pageRegion(id);
      const summary = region.getByRole('group', { name: ui.item.title(itemId), exact: true });
      if (!(await summary.isVisible())) {
        await region.getByRole('searchbox', { name: ui.picker.search, exact: true }).fill(itemId);
        await region.getByRole('button', { name: new RegExp(`^${itemId}\\b`) }).click();
      }
      await summary.waitFor({ state: 'visible' });
      return summary;
    },

    async confirmed(id, text) {
      const done = message(id).getByText(text, { exact: true });
      const failed = message(id).getByText(ui.op.failedTitle, { exact: true });
      await done.or(failed).first().waitFor({ state: 'visible' });
      if (await failed.isVisible()) throw new Error(`operation failed: ${await message(id).innerText()}`);
      await ready();
    },

    async ledgerRow(itemId) {
      const rows = (await sheetRecords('台账')).filter((r) => r['编号'] === itemId);
      if (rows.length !== 1) throw new Error(`台账 has ${rows.length} rows of ${itemId}`);
      return rows[0];
    },

    async setting(name) {
      const row = (await sheetRecords('设置')).find((r) => r['名称'] === name);
      if (!row) throw new Error(`设置 has no row ${name}`);
      return row['值'];
    },
  };
}
