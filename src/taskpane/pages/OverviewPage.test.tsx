/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeItem } from '../../domain/testing/itemFactory';
import type { CellError } from '../../domain/validation';
import type { ExcelRun } from '../../excel/run';
import { ui } from '../../i18n';
import { FakeLedgerService } from '../testing/fakeLedgerService';
import { button, press, ready, renderApp, type } from '../testing/renderApp';

configure({ defaultHidden: true });
jest.setTimeout(20_000);

const TODAY = '2026-03-16';

const items = [
  makeItem({ id: 'DB-2026-0001', kind: '重大复杂', assignedOn: '2026-03-09', report1On: '2026-03-10', report3On: '2026-03-12' }), // 正常
  makeItem({ id: 'DB-2026-0002', assignedOn: '2026-03-02' }), // 逾期 9
  makeItem({ id: 'DB-2026-0003', assignedOn: TODAY, registeredOn: TODAY }), // 临近
  makeItem({ id: 'DB-2026-0004', assignedOn: '2026-03-12' }), // 逾期 1
  makeItem({ id: 'DB-2026-0005', section: '物业管理科', assignedOn: '2026-02-02' }), // 逾期, other section
  makeItem({ id: 'DB-2026-0006', state: '已销号', closedOn: '2026-03-10', reportFinalOn: '2026-03-09' }), // 按期办结
  makeItem({ id: 'DB-2026-0007', state: '待审批', assignedOn: null }), // 未交办
  makeItem({ id: 'DB-2026-0008', extensionApprovedOn: '2026-03-10', extensionDeadline: '2026-04-30' }), // 延期
];

function count(status: string): string {
  return document.querySelector(`[data-count="${status}"]`)?.textContent?.replace(status, '') ?? '';
}

function listed(): string[] {
  return Array.from(document.querySelectorAll('button[data-item]')).map((b) => b.getAttribute('data-item') ?? '');
}

describe('概览', () => {
  it('counts items by 预警状态 for today, computed from the raw fields', async () => {
    renderApp(new FakeLedgerService({ today: TODAY, items }));
    await ready();
    expect(screen.getByText(ui.overview.countsTitle(TODAY))).toBeInTheDocument();
    expect(['未交办', '正常', '临近', '逾期', '延期', '按期办结', '逾期办结'].map(count)).toEqual(['1', '1', '1', '3', '1', '1', '0']);
  });

  it('lists a 科室’s own open items, overdue first (by days), then 临近, 正常; a click selects the row', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    renderApp(service, { role: { role: '科室', section: '工程管理科' } });
    await ready();
    expect(listed()).toEqual(['DB-2026-0002', 'DB-2026-0004', 'DB-2026-0003', 'DB-2026-0001', 'DB-2026-0008', 'DB-2026-0007']);
    fireEvent.click(document.querySelector('button[data-item="DB-2026-0004"]')!);
    expect(service.selected).toEqual(['DB-2026-0004']);
  });

  it('the 督办员 sees every open item, most urgent first', async () => {
    renderApp(new FakeLedgerService({ today: TODAY, items }), { role: { role: '督办员' } });
    await ready();
    expect(listed().slice(0, 3)).toEqual(['DB-2026-0005', 'DB-2026-0002', 'DB-2026-0004']);
    expect(listed()).not.toContain('DB-2026-0006');
  });

  it('finds items by keyword (科长 name, status word) and by a clicked status count (issue #13 item 10)', async () => {
    // 14 more overdue items of 饮食服务科: the list shows 10 and says how many are left out
    const many = Array.from({ length: 14 }, (_, k) =>
      makeItem({ id: `DB-2026-01${String(k).padStart(2, '0')}`, section: '饮食服务科', assignedOn: '2026-03-02' }),
    );
    renderApp(new FakeLedgerService({ today: TODAY, items: [...items, ...many] }), { role: { role: '督办员', name: '督办员甲' } });
    await ready();
    expect(listed()).toHaveLength(10);
    expect(screen.getByText(ui.picker.more(11))).toBeInTheDocument(); // 7 open + 14

    type(ui.overview.search, '王科长'); // 物业管理科's 科长
    expect(listed()).toEqual(['DB-2026-0005']);
    type(ui.overview.search, '逾期 张科长'); // overdue items of 工程管理科
    expect(listed()).toEqual(['DB-2026-0002', 'DB-2026-0004']);
    type(ui.overview.search, '');

    // a count is a filter: 按期办结 shows the closed item the default list leaves out
    const closedCount = document.querySelector('[data-count="按期办结"] button') as HTMLButtonElement;
    fireEvent.click(closedCount);
    expect(closedCount).toHaveAttribute('aria-pressed', 'true');
    expect(listed()).toEqual(['DB-2026-0006']);
    fireEvent.click(document.querySelector('[data-count="延期"] button')!);
    expect(listed()).toEqual(['DB-2026-0008']);
    // status and keyword together
    fireEvent.click(document.querySelector('[data-count="逾期"] button')!);
    type(ui.overview.search, '饮食');
    expect(listed()).toHaveLength(10);
    expect(screen.getByText(ui.overview.foundTitle(14))).toBeInTheDocument();
    press(ui.overview.clear);
    expect(screen.getByText(ui.overview.myTitle)).toBeInTheDocument();
    expect(document.querySelector('[data-count="逾期"] button')).toHaveAttribute('aria-pressed', 'false');
  });

  it('lists row errors grouped by sheet and row, each message as given', async () => {
    const error = (sheet: string, row: number, column: string, message: string): CellError => ({
      sheet,
      row,
      column,
      header: '',
      value: '',
      code: 'x',
      message,
    });
    const rowErrors = [
      error('台账', 12, 'N', '台账 第12行 N列（交办日期）：“3月32日”不是有效日期'),
      error('反馈记录', 3, 'A', '反馈记录 第3行 A列（编号）：编号“DB-9”在台账中找不到'),
      error('台账', 12, 'C', '台账 第12行 C列（来源类别）：“11”不是来源类别'),
      error('台账', 7, 'G', '台账 第7行 G列（承办科室）：必须填写'),
    ];
    renderApp(new FakeLedgerService({ today: TODAY, rowErrors }));
    await ready();
    const banner = screen.getByTestId('row-errors');
    expect(within(banner).getByText(ui.overview.rowErrorsTitle(4))).toBeInTheDocument();
    const groups = Array.from(banner.querySelectorAll('li[data-row]')).map((li) => li.getAttribute('data-row'));
    expect(groups).toEqual(['台账!7', '台账!12', '反馈记录!3']);
    const row12 = banner.querySelector('li[data-row="台账!12"]') as HTMLElement;
    expect(within(row12).getByText(ui.overview.rowHeading('台账', 12))).toBeInTheDocument();
    expect(Array.from(row12.querySelectorAll('li')).map((li) => li.textContent)).toEqual([rowErrors[2].message, rowErrors[0].message]);
  });

  it('初始化台账 creates the ledger and reports what it did; it stays offered to repair', async () => {
    const service = new FakeLedgerService({ today: TODAY, initialised: false });
    renderApp(service);
    await ready();
    expect(screen.getAllByText(ui.init.needed).length).toBeGreaterThan(0);
    fireEvent.click(button(ui.init.button));
    expect(await screen.findByText(/^已创建：台账、反馈记录/)).toBeInTheDocument();
    expect(service.calls.filter((c) => c.method === 'initialise')).toHaveLength(1);
    await ready();
    expect(screen.getByTestId('ledger-initialised')).toHaveTextContent(ui.status.initialised);
    expect(button(ui.init.button)).toBeEnabled();

    service.failNext({ message: '工作表受保护', methods: ['initialise'] });
    fireEvent.click(button(ui.init.button));
    expect(await screen.findByText(ui.op.thrown('工作表受保护'))).toBeInTheDocument();
  });

  it('with an ExcelRun, the sheet list is read again once 初始化台账 has created the sheets', async () => {
    let sheets: string[] = [];
    const run = ((batch) =>
      batch({
        workbook: {
          name: 'a.xlsx',
          load: () => undefined,
          worksheets: {
            get items() {
              return sheets.map((name) => ({ name }));
            },
            load: () => undefined,
          },
        },
        sync: async () => undefined,
      } as unknown as Excel.RequestContext)) as ExcelRun;
    const service = new FakeLedgerService({ initialised: false });
    renderApp(service, { run });
    expect(await screen.findByTestId('workbook-name')).toHaveTextContent('a.xlsx');
    expect(document.querySelector('li[data-sheet="台账"]')).toHaveAttribute('data-present', 'false');
    sheets = ['台账', '反馈记录', '科室人员', '日历', '设置', '操作日志'];
    fireEvent.click(button(ui.init.button));
    await waitFor(() => expect(document.querySelector('li[data-sheet="台账"]')).toHaveAttribute('data-present', 'true'));
  });
});
