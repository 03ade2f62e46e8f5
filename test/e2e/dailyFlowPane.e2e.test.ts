/**
 * Issue #13, points 10–14, in the browser preview (points 7–9: dailyFlow.e2e.test.ts): finding an
 * item on 概览, messages that belong to their role and item, a refused 立项 showing its field, 综评's
 * dimensions at 320 px, the 看板's status colours, and two wordings of point 14 (冻结本月 asks first;
 * text Excel would read as a formula).
 *
 * Every test loads the preview afresh (a new sample workbook, no role remembered), so the tests
 * are independent; what they expect is read from the sheets in the grid beside the pane.
 */
import { WARNING_STATUSES } from '../../src/domain/types';
import { rounds as rt } from '../../src/i18n/rounds';
import { ui } from '../../src/i18n/ui';
import { STATUS_COLOURS } from '../../src/workbook/statusColours';
import { openPreviewSession, type PreviewSession } from './browser';
import { previewPane, type PreviewPane, type SheetRecord } from './pane';

const OFFICER = '陈志刚';
const CLERK = 'e2e经办人乙';
/** 概览 lists this many items (OverviewPage's MY_LIMIT) */
const SHOWN = 10;

let session: PreviewSession;
let p: PreviewPane;

beforeAll(async () => {
  session = await openPreviewSession({ viewport: { width: 1280, height: 1000 } });
  session.page.setDefaultTimeout(10_000);
  p = await previewPane(session);
});

afterAll(async () => {
  await session?.close();
});

/** The 编号 of the items 概览's list shows now, once its title says `title`. */
async function listed(title: string): Promise<string[]> {
  const list = p.pageRegion('overview').getByRole('list', { name: title, exact: true });
  await list.waitFor();
  return list.locator('button[data-item]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-item') ?? ''));
}

const sorted = (ids: readonly string[]) => [...ids].sort();

/** Whether `el` lies wholly inside the pane's visible area and the window. */
const inView = (el: Element) => {
  const r = el.getBoundingClientRect();
  const box = el.closest('aside')!.getBoundingClientRect();
  return r.top >= Math.max(0, box.top) && r.bottom <= Math.min(window.innerHeight, box.bottom) && r.left >= box.left && r.right <= box.right;
};

// ---- 10 --------------------------------------------------------------------------------------

describe('10. Finding an item', () => {
  test('概览’s keyword box finds by 编号, by words of the content, by a person’s name and by 「逾期」', async () => {
    await p.fresh();
    const ledger = await p.sheetRecords('台账');
    const people = await p.sheetRecords('科室人员');
    const names = new Map(people.map((r) => [r['科室'], `${r['科长']} ${r['分管副职']}`]));
    // what the box searches (ledgerView.searchItems): 编号, 科室, 事项内容, 办理状态, 预警状态, the section's 科长 and 分管副职
    const expected = (query: string) =>
      ledger
        .filter((r) => {
          const text = [r['编号'], r['承办科室'], r['协办科室'], r['事项内容'], r['办理状态'], r['预警状态'], names.get(r['承办科室'])].join(' ');
          return query.split(/\s+/).every((w) => text.includes(w));
        })
        .map((r) => r['编号']);
    await p.chooseRole({ role: '督办员', name: OFFICER });
    const overview = p.pageRegion('overview');
    const box = overview.getByRole('searchbox', { name: ui.overview.search, exact: true });
    const search = async (query: string) => {
      const ids = expected(query);
      expect(ids.length).toBeGreaterThan(0);
      await box.fill(query);
      return { ids, shown: await listed(ui.overview.foundTitle(ids.length)) };
    };

    // by 编号: that item alone
    const id = ledger[ledger.length - 3]['编号'];
    expect((await search(id)).shown).toEqual([id]);

    // by words of the content: one word, then two (every word must appear)
    for (const query of ['热水供应', '公寓 热水']) {
      const { ids, shown } = await search(query);
      expect(ids.length).toBeGreaterThan(1);
      expect(ids.length).toBeLessThanOrEqual(SHOWN);
      expect(sorted(shown)).toEqual(sorted(ids));
    }
    // both words, not either: fewer than 「公寓」 alone (which the section name 学生公寓管理科 matches too)
    expect(expected('公寓 热水').length).toBeLessThan(expected('公寓').length);

    // by a person's name: a 科长 finds the items of the section they head
    const count = (section: string) => ledger.filter((r) => r['承办科室'] === section).length;
    const head = people.find((r) => count(r['科室']) > 1 && count(r['科室']) <= SHOWN);
    expect(head).toBeDefined();
    const byName = await search((head as SheetRecord)['科长']);
    expect(sorted(byName.shown)).toEqual(sorted(ledger.filter((r) => r['承办科室'] === head!['科室']).map((r) => r['编号'])));

    // by 「逾期」: the overdue items first (then those closed late, 逾期办结, whose status says it too)
    const late = ledger.filter((r) => r['预警状态'] === '逾期').map((r) => r['编号']);
    const overdue = await search('逾期');
    expect(late.length).toBeGreaterThan(0);
    expect(sorted(overdue.shown.slice(0, late.length))).toEqual(sorted(late));
    expect(overdue.shown).toHaveLength(Math.min(overdue.ids.length, SHOWN));
    for (const shownId of overdue.shown.slice(late.length)) expect(ledger.find((r) => r['编号'] === shownId)?.['预警状态']).toBe('逾期办结');
    if (overdue.ids.length > SHOWN) await overview.getByText(ui.picker.more(overdue.ids.length - SHOWN), { exact: true }).waitFor();

    // 清除筛选: back to the user's own open items
    await overview.getByRole('button', { name: ui.overview.clear, exact: true }).click();
    await overview.getByRole('heading', { name: ui.overview.myTitle, exact: true }).waitFor();
    expect(await box.inputValue()).toBe('');
  });

  test('clicking a status count filters the list to that status; clicking it again clears the filter', async () => {
    await p.fresh();
    const ledger = await p.sheetRecords('台账');
    await p.chooseRole({ role: '督办员', name: OFFICER });
    const overview = p.pageRegion('overview');
    let clicked = 0;
    for (const status of WARNING_STATUSES) {
      const ids = ledger.filter((r) => r['预警状态'] === status).map((r) => r['编号']);
      const button = overview.locator(`li[data-count="${status}"] button`);
      expect(/(\d+)\s*$/.exec(await button.innerText())?.[1]).toBe(String(ids.length));
      if (ids.length === 0) continue;
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      const shown = await listed(ui.overview.foundTitle(ids.length));
      expect(shown).toHaveLength(Math.min(ids.length, SHOWN));
      for (const shownId of shown) expect(ids).toContain(shownId);
      await button.click();
      expect(await button.getAttribute('aria-pressed')).toBe('false');
      await overview.getByRole('heading', { name: ui.overview.myTitle, exact: true }).waitFor();
      clicked += 1;
    }
    expect(clicked).toBeGreaterThanOrEqual(3);
  });
});

// ---- 11 --------------------------------------------------------------------------------------

describe('11. Messages', () => {
  test('a success message goes when another item is opened and when the role changes', async () => {
    await p.fresh('?page=report');
    const open = (await p.sheetRecords('台账')).filter((r) => r['办理状态'] === '办理中');
    expect(open.length).toBeGreaterThan(1);
    const [a, b] = [open[0]['编号'], open[1]['编号']];
    await p.chooseRole({ role: '督办员', name: OFFICER });
    const urge = () => p.form('report', ui.urge.title).getByRole('button', { name: ui.urge.one, exact: true }).click();
    const done = (id: string) => p.message('report').getByText(ui.urge.oneDone(id), { exact: true });

    await p.openItem('report', a);
    await urge();
    await p.confirmed('report', ui.urge.oneDone(a));
    await p.pageRegion('report').getByRole('button', { name: ui.picker.change, exact: true }).click();
    await p.openItem('report', b);
    await done(a).waitFor({ state: 'detached' });
    expect(await p.message('report').getByText(ui.op.doneTitle).count()).toBe(0);

    await urge();
    await p.confirmed('report', ui.urge.oneDone(b));
    await p.chooseRole({ role: '科室', section: open[1]['承办科室'], name: CLERK });
    await done(b).waitFor({ state: 'detached' });
    expect(await p.message('report').getByText(ui.op.doneTitle).count()).toBe(0);
  });

  test('a refused 立项 scrolls its first bad field into view and gives it the focus', async () => {
    await session.page.setViewportSize({ width: 1280, height: 700 }); // the form is taller than the pane
    try {
      await p.fresh('?page=register');
      const rows = (await p.sheetRecords('台账')).length;
      await p.chooseRole({ role: '督办员', name: OFFICER });
      const f = p.form('register', ui.register.formTitle);
      const source = f.getByRole('combobox', { name: ui.register.source, exact: true });
      await f.getByRole('textbox', { name: ui.register.content, exact: true }).fill('e2e：更换学生公寓路灯');
      const submit = f.getByRole('button', { name: ui.register.submit, exact: true });
      await submit.scrollIntoViewIfNeeded();
      expect(await source.evaluate(inView)).toBe(false); // at the button, 来源类别 (left empty) is out of sight

      await submit.click();
      await f.getByText(ui.validation.choose(ui.register.source), { exact: true }).waitFor();
      expect(await source.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await source.evaluate(inView)).toBe(true);
      expect(await p.sheetRecords('台账')).toHaveLength(rows); // nothing registered
    } finally {
      await session.page.setViewportSize({ width: 1280, height: 1000 });
    }
  });
});

// ---- 12 --------------------------------------------------------------------------------------

describe('12. 综评 at 320 px', () => {
  // The default view (排名, 科室, 总分, 扣分 in a 320 px pane): narrowPane.e2e.test.ts. Here: the dimensions on demand.
  test('the five dimensions on demand: shown in the table, which scrolls sideways inside the page; 排名 and 总分 stay in view', async () => {
    await p.fresh('?page=scores');
    await p.chooseRole({ role: '督办员', name: OFFICER });
    await p.pane().evaluate((el) => {
      (el as HTMLElement).style.width = '320px';
    });
    const scores = p.pageRegion('scores');
    const table = scores.getByTestId('scores-table');
    await table.waitFor();
    const headers = () => table.getByRole('columnheader').allInnerTexts();
    const dims = Object.values(ui.scores.dims);
    expect(await headers()).toEqual([ui.scores.rank, ui.scores.section, ui.scores.total, ui.scores.deductions]);

    await scores.getByRole('checkbox', { name: ui.scores.showDims }).check();
    expect(await headers()).toEqual([ui.scores.rank, ui.scores.section, ui.scores.total, ui.scores.deductions, ...dims]);
    expect(await scores.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0); // the page does not widen
    const scroller = table.locator('xpath=..');
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true); // the table scrolls on its own
    for (const name of [ui.scores.rank, ui.scores.total]) {
      expect(await table.getByRole('columnheader', { name, exact: true }).evaluate(inView)).toBe(true);
    }
    await scroller.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    expect(await table.getByRole('columnheader', { name: dims[dims.length - 1], exact: true }).evaluate(inView)).toBe(true);

    await scores.getByRole('checkbox', { name: ui.scores.showDims }).uncheck();
    expect(await headers()).toHaveLength(4);
  });
});

// ---- 13 --------------------------------------------------------------------------------------

describe('13. Dashboard colours', () => {
  test('刷新看板: the status chart’s series are drawn in the status colours (src/workbook/statusColours.ts)', async () => {
    await p.fresh('?page=lists');
    const today = await p.setting('今天');
    await p.chooseRole({ role: '督办员', name: OFFICER });
    await p.form('lists', ui.lists.dashboardTitle).getByRole('button', { name: ui.lists.dashboardRefresh, exact: true }).click();
    await p.confirmed('lists', ui.lists.dashboardDone(today));
    await p.openSheet(rt.dashboardSheet);

    // The preview draws the colour each series holds in the workbook (set by the add-in), else Office's palette.
    const chart = session.page.getByRole('img', { name: ui.preview.chartLabel(rt.chartStatusTitle), exact: true });
    const legend = await chart
      .locator('[data-part="legend-entry"]')
      .evaluateAll((entries) =>
        entries.map((e) => [e.querySelector('[data-part="legend-label"]')?.textContent ?? '', e.querySelector('rect')?.getAttribute('fill') ?? '']),
      );
    expect(legend.map(([name]) => name)).toEqual([...WARNING_STATUSES]);
    for (const [name, fill] of legend) expect(fill).toBe(STATUS_COLOURS[name as keyof typeof STATUS_COLOURS].series);
    const bars = await chart
      .locator('[data-part="bar"]')
      .evaluateAll((rects) => rects.map((r) => [r.querySelector('title')?.textContent?.split(' · ')[0] ?? '', r.getAttribute('fill') ?? '']));
    expect(bars.length).toBeGreaterThan(0);
    for (const [name, fill] of bars) expect(fill).toBe(STATUS_COLOURS[name as keyof typeof STATUS_COLOURS].series);
    expect(new Set(bars.map(([name]) => name)).has('逾期')).toBe(true);
  });
});

// ---- 14 --------------------------------------------------------------------------------------

describe('14. Wording', () => {
  test('冻结本月 asks first, saying an unfinished month is frozen as it stands; 取消 freezes nothing, 确认冻结 does', async () => {
    await p.fresh('?page=scores');
    const today = await p.setting('今天');
    const month = today.slice(0, 7);
    await p.chooseRole({ role: '督办员', name: OFFICER });
    const f = p.form('scores', ui.scores.freeze);
    const tabs = session.page.getByRole('tablist', { name: ui.preview.sheetTabs });

    await f.getByRole('button', { name: ui.scores.freeze, exact: true }).click();
    const question = f.getByRole('alert');
    expect(await question.innerText()).toBe(ui.scores.freezeConfirm(month, true, today));
    expect(await question.innerText()).toContain(`${month} 尚未结束`);
    await f.getByRole('button', { name: ui.scores.freezeCancel, exact: true }).click();
    await question.waitFor({ state: 'detached' });
    expect(await tabs.getByRole('tab', { name: rt.freezeSheet, exact: true }).count()).toBe(0);

    await f.getByRole('button', { name: ui.scores.freeze, exact: true }).click();
    await f.getByRole('button', { name: ui.scores.freezeConfirmYes, exact: true }).click();
    await p.confirmed('scores', ui.scores.frozen(month, 1));
    await tabs.getByRole('tab', { name: rt.freezeSheet, exact: true }).waitFor();
  });

  test('立项: 「=1+1」 is refused at its field (Excel would compute it), and so is 「 =1+1」 with a leading space; nothing is registered', async () => {
    await p.fresh('?page=register');
    await p.chooseRole({ role: '督办员', name: OFFICER });
    const f = p.form('register', ui.register.formTitle);
    const content = f.getByRole('textbox', { name: ui.register.content, exact: true });
    await f.getByRole('combobox', { name: ui.register.source, exact: true }).selectOption({ index: 1 });
    await f.getByRole('combobox', { name: ui.register.level, exact: true }).selectOption({ index: 1 });
    await f.getByRole('combobox', { name: ui.register.section, exact: true }).selectOption({ index: 1 });
    const submit = f.getByRole('button', { name: ui.register.submit, exact: true });
    const rowsBefore = await p.sheetTable('台账').locator('tbody tr').count();

    for (const typed of ['=1+1', ' =1+1', '\u3000=1+1']) {
      await content.fill(typed);
      await submit.click();
      await f.getByText(ui.validation.formulaLike(ui.register.content, '='), { exact: true }).waitFor();
      expect(await content.evaluate((el) => el === document.activeElement)).toBe(true);
    }
    expect(
      await p
        .message('register')
        .getByText(/^已立项/)
        .count(),
    ).toBe(0);
    expect(await p.sheetTable('台账').locator('tbody tr').count()).toBe(rowsBefore);
  });
});

test('no page errors, no console errors, no requests outside the local server', () => {
  expect(session.problems).toEqual([]);
  expect(session.foreignRequests).toEqual([]);
});
