/**
 * Issue #13, points 7–9, in the browser preview: the defects users found in their daily work,
 * each proved where the user met it — the real task pane and the real Excel adapter on the
 * preview's sample ledger, the sheets read from the grid beside the pane (what the in-memory
 * workbook holds; formula cells show the values the domain core computes, as Excel would).
 * Points 10–14: dailyFlowPane.e2e.test.ts.
 *
 * Every test loads the preview afresh (a new sample workbook, no role remembered), so the tests
 * are independent; the items they act on are found in the 台账 grid by state, not by number.
 */
import { overdue } from '../../src/i18n/overdue';
import { ui } from '../../src/i18n/ui';
import type { OverdueCounting } from '../../src/domain/types';
import { openPreviewSession, type PreviewSession } from './browser';
import { previewPane, type PreviewPane, type SheetRecord } from './pane';

const OFFICER = '陈志刚'; // 督办员 (党政办公室's own 科长 too, but typed here as the clerk's name)
const CLERK = 'e2e经办人乙'; // a section's 经办人: not its 科长
const COMMENT = 'e2e：请补充责任人和完成时间';
const i = ui.item;

let session: PreviewSession;
let p: PreviewPane;

beforeAll(async () => {
  session = await openPreviewSession({ viewport: { width: 1280, height: 1000 } });
  session.page.setDefaultTimeout(10_000); // a missing confirmation fails in seconds, not at the test timeout
  p = await previewPane(session);
});

afterAll(async () => {
  await session?.close();
});

const first = (rows: SheetRecord[], test: (r: SheetRecord) => boolean, what: string): SheetRecord => {
  const row = rows.find(test);
  if (!row) throw new Error(`the sample ledger has no ${what}`);
  return row;
};

/** 科室人员's row of `section`. */
async function peopleOf(section: string): Promise<{ chief: string; deputy: string }> {
  const row = first(await p.sheetRecords('科室人员'), (r) => r['科室'] === section, `科室人员 row of ${section}`);
  return { chief: row['科长'], deputy: row['分管副职'] };
}

/** The 科室 reports `node` on `itemId` (反馈 page, item open or not). */
async function report(itemId: string, node: string, content: string): Promise<void> {
  await p.openItem('report', itemId);
  const f = p.form('report', ui.report.formTitle);
  await f.getByRole('combobox', { name: ui.report.node, exact: true }).selectOption({ label: node });
  await f.getByRole('textbox', { name: ui.report.content, exact: true }).fill(content);
  await f.getByRole('button', { name: ui.report.submit, exact: true }).click();
}

// ---- 7 ---------------------------------------------------------------------------------------

describe('7. One overdue figure per item', () => {
  test('an overdue item shows its one 逾期天数, in the unit 设置 逾期天数计法 names, in the pane, the 督查报告, 问题清单 and 不落实清单', async () => {
    await p.fresh();
    const unit = overdue.unit[(await p.setting('逾期天数计法')) as OverdueCounting];
    expect(unit).toBeDefined(); // 工作日 in the sample: 「个工作日」
    const late = (await p.sheetRecords('台账')).filter((r) => r['预警状态'] === '逾期');
    const days = new Map(late.map((r) => [r['编号'], Number(r['逾期天数'])]));
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThanOrEqual(10); // 概览 lists 10
    // The item: the only overdue one of its section, so the report's 最长逾期 of the section is its figure.
    const item = first(late, (r) => late.filter((o) => o['承办科室'] === r['承办科室']).length === 1, 'section with one overdue item');
    const [id, section] = [item['编号'], item['承办科室']];
    const figure = `${days.get(id)}${unit}`;
    expect(days.get(id)).toBeGreaterThan(0);

    // The pane: 概览's 逾期 count lists every overdue item, each badge with the 台账 figure; the item's card too.
    await p.chooseRole({ role: '督办员', name: OFFICER });
    const overview = p.pageRegion('overview');
    await overview.locator('li[data-count="逾期"] button').click();
    await overview.getByRole('list', { name: ui.overview.foundTitle(late.length), exact: true }).waitFor();
    for (const [itemId, n] of days) {
      expect(await overview.locator(`button[data-item="${itemId}"] [data-status="逾期"]`).innerText()).toBe(`逾期${n}${unit}`);
    }
    await p.openPage('report');
    const card = await p.openItem('report', id);
    expect(await card.locator('[data-status="逾期"]').innerText()).toBe(`逾期${figure}`);

    // 生成 the round: the 主要问题 the pane shows.
    const lists = await p.openPage('lists');
    await p.form('lists', ui.lists.formTitle).getByRole('button', { name: ui.lists.generate, exact: true }).click();
    const problems = lists.getByTestId('main-problems');
    await problems.waitFor();
    const lines = await problems.locator('li').allInnerTexts();
    expect(lines.join('\n')).toContain(`${section}有1项事项逾期（最长逾期${figure}）`);

    // 问题清单: the item's row says 逾期 and carries no figure of its own (nor does any row).
    const issues = await p.sheetRecords('问题清单');
    const issue = issues.filter((r) => r['编号'] === id);
    expect(issue.map((r) => [r['整改责任科室'], r['预警状态']])).toEqual([[section, '逾期']]);
    for (const r of issues) expect(Object.values(r).join('|')).not.toMatch(/逾期\d/);

    // Every section's 最长逾期 is the largest 台账 逾期天数 of the overdue items it has on 问题清单.
    let sections = 0;
    for (const line of lines) {
      const m = /^(.+?)有(\d+)项事项逾期（最长逾期(\d+)(\D+?)）/.exec(line);
      if (!m) continue;
      const listed = issues.filter((r) => r['整改责任科室'] === m[1] && r['预警状态'] === '逾期').map((r) => days.get(r['编号']) ?? NaN);
      expect([Number(m[2]), Number(m[3]), m[4]]).toEqual([listed.length, Math.max(...listed), unit]);
      sections += 1;
    }
    expect(sections).toBeGreaterThan(0);

    // 督查报告 (the sheet): the same sentences as the pane.
    await p.openSheet('督查报告');
    const reportText = (await p.sheetTable('督查报告').textContent()) ?? '';
    for (const line of lines) expect(reportText).toContain(line);

    // 不落实清单: the item's 问题线索 has the figure; every 「已逾期N…」 is its item's 台账 figure, in the unit.
    const nonImpl = await p.sheetRecords('不落实清单');
    expect(first(nonImpl, (r) => r['编号'] === id, `不落实清单 row of ${id}`)['问题线索']).toContain(`已逾期${figure}（`);
    for (const r of nonImpl) {
      const m = /已逾期(\d+)([^（]+)（/.exec(r['问题线索']);
      if (m) expect([Number(m[1]), m[2]]).toEqual([days.get(r['编号']), unit]);
    }
  });
});

// ---- 8 ---------------------------------------------------------------------------------------

describe('8. Approvers see what they approve', () => {
  test('中心主任: 待审批 shows 来源, 层级, 类型, 目标任务, 完成时限 and the dates 交办 today gives — the dates the item then gets', async () => {
    await p.fresh('?page=register');
    const today = await p.setting('今天');
    const director = await p.setting('中心主任');
    const waiting = first(await p.sheetRecords('台账'), (r) => r['办理状态'] === '待审批', '待审批 item');
    const id = waiting['编号'];

    await p.chooseRole({ role: '中心主任' });
    const row = p.form('register', ui.register.pendingTitle).locator(`[data-pending="${id}"]`);
    await row.waitFor();
    const fact = (term: string) => row.locator(`dd[data-fact="${term}"]`).innerText();
    expect(await fact(i.source)).toBe(waiting['来源类别']);
    expect(await fact(i.level)).toBe(waiting['交办层级']);
    expect(await fact(i.kind)).toBe(waiting['事项类型']);
    expect(await fact(i.requirement)).toBe(waiting['目标任务/工作要求'] || i.none);
    expect(await fact(i.explicitDeadline)).toBe(waiting['完成时限'] || i.defaultDeadline);
    const shown = [await fact(i.ifToday(i.due1)), await fact(i.ifToday(i.due3)), await fact(i.ifToday(i.deadline))];
    for (const d of shown) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(today < shown[0] && shown[0] < shown[1] && shown[1] <= shown[2]).toBe(true);

    await row.getByRole('button', { name: ui.register.approve, exact: true }).click();
    await p.confirmed('register', ui.register.approveDone(id, today));
    const after = await p.ledgerRow(id);
    expect([after['办理状态'], after['交办日期']]).toEqual(['已交办', today]);
    expect([after['1天应报日'], after['3天应报日'], after['办结时限']]).toEqual(shown);
    const log = (await p.sheetRecords('操作日志')).filter((r) => r['编号'] === id);
    expect(log.map((r) => [r['动作'], r['角色'], r['操作人']])).toEqual([['审批同意', '中心主任', director]]);
  });

  test('初核 (督办员) and 审定 (分管领导): the card shows the 申请办结日, the section’s 办结情况 and its reports, signed or not', async () => {
    await p.fresh('?page=close');
    const ledger = await p.sheetRecords('台账');
    const records = await p.sheetRecords('反馈记录');
    const applied = first(ledger, (r) => r['办理状态'] === '申请办结', '申请办结 item');
    const checked = first(ledger, (r) => r['办理状态'] === '已初核', '已初核 item');

    const expectDecisionCard = async (row: SheetRecord, formTitle: string) => {
      const id = row['编号'];
      const card = await p.openItem('close', id);
      const fact = (term: string) => card.locator(`dd[data-fact="${term}"]`).innerText();
      expect(await fact(i.appliedOn)).toBe(row['申请办结日'] || i.none);
      expect(await fact(i.closure)).toBe(row['最近进展'] || i.none);
      // its 反馈记录, newest first, each report with its sign-off
      const own = records.filter((r) => r['编号'] === id).reverse();
      expect(own.length).toBeGreaterThan(0);
      const shown = card.getByTestId('item-records').getByRole('listitem');
      expect(await shown.count()).toBe(own.length);
      for (const [k, r] of own.entries()) {
        const text = await shown.nth(k).innerText();
        expect(text).toContain(i.record(r['类型'], r['日期']));
        expect(text).toContain(r['内容']);
        if (/反馈$/.test(r['类型'])) expect(text).toContain(r['审签日期'] ? i.signed(r['审签人'], r['审签日期']) : i.unsigned);
      }
      await p.form('close', formTitle).waitFor();
    };

    await p.chooseRole({ role: '督办员', name: OFFICER });
    await expectDecisionCard(applied, ui.close.checkTitle);
    await p.chooseRole({ role: '分管领导', leader: (await peopleOf(checked['承办科室'])).deputy });
    await expectDecisionCard(checked, ui.close.approveTitle);
  });

  test('分管领导 退回s a report with a comment: it stays unsigned, its node does not count, the comment is on 操作日志 and with the section', async () => {
    await p.fresh('?page=report');
    const today = await p.setting('今天');
    const item = first(await p.sheetRecords('台账'), (r) => r['办理状态'] === '已交办' && r['1天反馈日'] === '', '已交办 item without 1天反馈');
    const [id, section] = [item['编号'], item['承办科室']];
    const { deputy } = await peopleOf(section);
    const recordsBefore = (await p.sheetRecords('反馈记录')).length;

    await p.chooseRole({ role: '科室', section, name: CLERK });
    await report(id, '1天反馈', 'e2e：已召开专题会研究部署。');
    await p.confirmed('report', ui.report.done(id, '1天反馈'));

    await p.chooseRole({ role: '分管领导', leader: deputy });
    const entry = p
      .form('report', ui.report.signTitle)
      .getByRole('listitem')
      .filter({ hasText: ui.report.record(id, '1天反馈', today) });
    await entry.getByRole('button', { name: ui.report.sendBack, exact: true }).click();
    await entry.getByRole('textbox', { name: ui.report.sendBackComment }).fill(COMMENT);
    await entry.getByRole('button', { name: ui.report.sendBackConfirm, exact: true }).click();
    await p.confirmed('report', ui.report.sendBackDone(id, '1天反馈'));
    await entry.waitFor({ state: 'detached' }); // no longer waiting for 审签

    // Not signed, so the 1天 node does not count: 台账 1天反馈日 stays empty.
    expect((await p.ledgerRow(id))['1天反馈日']).toBe('');
    const records = await p.sheetRecords('反馈记录');
    expect(records).toHaveLength(recordsBefore + 2);
    expect(records.slice(-2).map((r) => [r['编号'], r['类型'], r['日期'], r['审签人'], r['审签日期']])).toEqual([
      [id, '1天反馈', today, '', ''],
      [id, '审签退回', today, deputy, ''],
    ]);
    expect(records[records.length - 1]['内容']).toContain(COMMENT);
    const log = (await p.sheetRecords('操作日志')).filter((r) => r['编号'] === id && r['动作'] === '审签退回');
    expect(log.map((r) => [r['角色'], r['操作人']])).toEqual([['分管领导', deputy]]);
    expect(log[0]['变更后']).toContain(COMMENT);

    // The section sees the comment on the item.
    await p.chooseRole({ role: '科室', section, name: CLERK });
    await p.openItem('report', id);
    expect(await p.pageRegion('report').getByTestId('sign-off-returned').innerText()).toContain(i.returned(COMMENT));
  });
});

// ---- 9 ---------------------------------------------------------------------------------------

describe('9. The actor is who typed', () => {
  test('switching role brings back each role’s own 科室 and name; a name never used in a role is asked for, not guessed', async () => {
    await p.fresh();
    const roleBox = p.rolePicker().getByRole('combobox', { name: ui.role.label, exact: true });
    const sectionBox = p.rolePicker().getByRole('combobox', { name: ui.role.section, exact: true });
    const section = '工程管理科';

    await roleBox.selectOption({ label: ui.role.options['督办员'] });
    expect(await p.nameBox().inputValue()).toBe('');
    await p.nameBox().fill(OFFICER);
    await roleBox.selectOption({ label: ui.role.options['科室'] });
    expect([await sectionBox.inputValue(), await p.nameBox().inputValue()]).toEqual(['', '']); // not the 科长, not the clerk
    await sectionBox.selectOption({ label: section });
    expect(await p.nameBox().inputValue()).toBe('');
    await p.nameBox().fill(CLERK);

    await roleBox.selectOption({ label: ui.role.options['督办员'] });
    expect(await p.nameBox().inputValue()).toBe(OFFICER);
    await roleBox.selectOption({ label: ui.role.options['科室'] });
    expect([await sectionBox.inputValue(), await p.nameBox().inputValue()]).toEqual([section, CLERK]);
  });

  test('with the name blank an action is refused (a clear message, the focus on 本人姓名); then 操作日志 records the name typed, not the 科长', async () => {
    await p.fresh('?page=report');
    const item = first(await p.sheetRecords('台账'), (r) => r['办理状态'] === '已交办' && r['1天反馈日'] === '', '已交办 item without 1天反馈');
    const [id, section] = [item['编号'], item['承办科室']];
    const { chief } = await peopleOf(section);
    const logBefore = (await p.sheetRecords('操作日志')).length;

    await p.chooseRole({ role: '科室', section }); // no name typed
    await report(id, '1天反馈', 'e2e：已部署。');
    await p.message('report').getByText(ui.role.needName, { exact: true }).waitFor();
    expect(await p.nameBox().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await p.message('report').getByRole('button', { name: ui.op.retry }).count()).toBe(0); // nothing was sent
    expect(await p.sheetRecords('操作日志')).toHaveLength(logBefore);
    expect((await p.ledgerRow(id))['办理状态']).toBe('已交办');

    // The form kept what was typed: the name, then the same button.
    await p.nameBox().fill(CLERK);
    await p.form('report', ui.report.formTitle).getByRole('button', { name: ui.report.submit, exact: true }).click();
    await p.confirmed('report', ui.report.done(id, '1天反馈'));
    const log = (await p.sheetRecords('操作日志')).filter((r) => r['编号'] === id);
    expect(log.map((r) => [r['动作'], r['角色'], r['操作人']])).toEqual([['反馈', '科室', CLERK]]);
    expect(CLERK).not.toBe(chief);
  });
});

test('no page errors, no console errors, no requests outside the local server', () => {
  expect(session.problems).toEqual([]);
  expect(session.foreignRequests).toEqual([]);
});
