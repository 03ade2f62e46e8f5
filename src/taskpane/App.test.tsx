/** @jest-environment jsdom */
import '../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { makeItem } from '../domain/testing/itemFactory';
import type { ExcelRun } from '../excel/run';
import { LEDGER_SHEETS } from '../workbook/ledgerSheets';
import { ui } from '../i18n';
import { pageFromSearch } from './pages';
import { getRole, ROLE_STORAGE_KEY } from './roleStore';
import { FakeLedgerService } from './testing/fakeLedgerService';
import { button, choose, control, pick, ready, renderApp } from './testing/renderApp';

// Role queries skip the (slow in jsdom) visibility walk; visibility is asserted explicitly.
configure({ defaultHidden: true });
// Fluent UI's first render in jsdom (style injection) is slow on a busy 2-core machine.
jest.setTimeout(20_000);

/**
 * The page tabs, by label. Not `getByRole('tab', { name })`: computing accessible names walks
 * every CSS rule Fluent injected (≈1.5 s per query in jsdom); test/e2e checks names in Chromium.
 * A Fluent tab renders its label in its first span (a second, hidden copy reserves bold width).
 */
function tabLabels(): string[] {
  return screen.getAllByRole('tab').map((tab) => tab.firstElementChild?.textContent ?? '');
}
function tab(label: string): HTMLElement {
  const found = screen.getAllByRole('tab').find((element) => element.firstElementChild?.textContent === label);
  if (!found) throw new Error(`no tab ${label}; tabs: ${tabLabels().join(', ')}`);
  return found;
}

/** Not inside a hidden page (cheaper than toBeVisible, which computes every style in jsdom). */
function shown(element: Element | null): boolean {
  return element !== null && element.closest('[hidden]') === null;
}

const WORKING_PAGES = ['立项交办', '反馈', '销号', '清单与报告', '综评'];

/** An ExcelRun that answers workbook.name and worksheets.items/name after one sync. */
function workbookRun(name: string, sheetNames: string[]): ExcelRun & { syncs: () => number } {
  let syncs = 0;
  const run = ((batch) =>
    batch({
      workbook: {
        name,
        load: () => undefined,
        worksheets: { items: sheetNames.map((sheet) => ({ name: sheet })), load: () => undefined },
      },
      sync: async () => {
        syncs++;
      },
    } as unknown as Excel.RequestContext)) as ExcelRun & { syncs: () => number };
  run.syncs = () => syncs;
  return run;
}

describe('App', () => {
  it('shows the title and a tab for 概览 and each of the five pages', async () => {
    renderApp(new FakeLedgerService());
    expect(screen.getByRole('heading', { level: 1, name: '13710督办台账' })).toBeVisible();
    expect(tabLabels()).toEqual(['概览', ...WORKING_PAGES]);
    expect(screen.getByRole('tablist')).toBeVisible();
    expect(tab('概览')).toHaveAttribute('aria-selected', 'true');
    await screen.findByTestId('workbook-name');
  });

  it('with an ExcelRun, the status card lists which ledger sheets the workbook has', async () => {
    const run = workbookRun('督办台账2026.xlsx', ['台账', '设置', 'Sheet2']);
    renderApp(new FakeLedgerService(), { run });

    expect(await screen.findByTestId('workbook-name')).toHaveTextContent('督办台账2026.xlsx');
    expect(run.syncs()).toBe(1);
    for (const sheet of LEDGER_SHEETS) {
      const row = document.querySelector(`li[data-sheet="${sheet}"]`) as HTMLElement;
      expect(row).not.toBeNull();
      const expected = sheet === '台账' || sheet === '设置' ? ui.status.present : ui.status.missing;
      expect(within(row).getByText(expected)).toBeInTheDocument();
    }
    expect(screen.getByText(ui.status.summary(2, LEDGER_SHEETS.length), { exact: false })).toBeInTheDocument();
  });

  it('without an ExcelRun, the status card shows the snapshot: workbook name and whether it is initialised', async () => {
    renderApp(new FakeLedgerService({ workbookName: '台账.xlsx', initialised: false }));
    expect(await screen.findByTestId('workbook-name')).toHaveTextContent('台账.xlsx');
    expect(screen.getByTestId('ledger-initialised')).toHaveTextContent(ui.status.notInitialised);
  });

  it('switches pages when a tab is clicked', async () => {
    renderApp(new FakeLedgerService());
    await ready();

    fireEvent.click(tab('销号'));
    expect(tab('销号')).toHaveAttribute('aria-selected', 'true');
    expect(shown(document.getElementById('page-close-title'))).toBe(true);
    expect(shown(screen.getByTestId('workbook-name'))).toBe(false);

    fireEvent.click(tab('清单与报告'));
    expect(shown(document.getElementById('page-lists-title'))).toBe(true);
    expect(shown(screen.getByText(ui.lists.officeOnly))).toBe(true);
    expect(shown(document.getElementById('page-close-title'))).toBe(false);

    fireEvent.click(tab('综评'));
    expect(shown(screen.getByTestId('scores-table'))).toBe(true);
    expect(shown(document.getElementById('page-lists-title'))).toBe(false);

    fireEvent.click(tab('概览'));
    expect(shown(screen.getByTestId('workbook-name'))).toBe(true);
  });

  it('opens on the page the ribbon button asked for', async () => {
    renderApp(new FakeLedgerService(), { page: pageFromSearch('?page=scores') });
    expect(tab('综评')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText(ui.pageIntro.scores)).toBeInTheDocument();
    await act(async () => undefined);
  });

  it('?page=lists opens 清单与报告', async () => {
    renderApp(new FakeLedgerService(), { page: pageFromSearch('?page=lists'), role: { role: '督办员', name: '督办员甲' } });
    expect(tab('清单与报告')).toHaveAttribute('aria-selected', 'true');
    await ready();
    expect(button(ui.lists.generate)).toBeEnabled();
  });

  it('shows the error when the ledger cannot be read, and reads it again on 重新读取', async () => {
    const service = new FakeLedgerService();
    service.failNext({ message: 'RichApi.Error: 连接已断开', methods: ['snapshot'] });
    renderApp(service, { page: 'report' });
    expect(await screen.findByText(ui.ledger.failed)).toBeInTheDocument();
    expect(screen.getByText(/连接已断开/)).toBeInTheDocument();
    fireEvent.click(button(ui.ledger.reload));
    await ready();
    expect(screen.queryByText(ui.ledger.failed)).toBeNull();
  });
});

describe('role picker', () => {
  it('remembers the role in localStorage, not in the workbook', async () => {
    const service = new FakeLedgerService();
    renderApp(service);
    await ready();
    choose(ui.role.label, '科室');
    choose(ui.role.section, '物业管理科');
    expect(getRole()).toEqual({ role: '科室', section: '物业管理科' });
    expect(window.localStorage.getItem(ROLE_STORAGE_KEY)).toContain('物业管理科');
    expect(service.calls.filter((c) => c.method !== 'snapshot')).toEqual([]);

    choose(ui.role.label, '分管领导');
    choose(ui.role.leader, '赵副主任');
    expect(getRole()).toEqual({ role: '分管领导', leader: '赵副主任' });
  });

  it('starts with the remembered role', async () => {
    renderApp(new FakeLedgerService(), { role: { role: '分管领导', leader: '李副主任' } });
    await ready();
    expect(control<HTMLSelectElement>(ui.role.label).value).toBe('分管领导');
    expect(control<HTMLSelectElement>(ui.role.leader).value).toBe('李副主任');
  });
});

describe('pages keep what was typed', () => {
  it('a half-typed form survives a look at another page', async () => {
    const service = new FakeLedgerService();
    renderApp(service, { page: 'register', role: { role: '督办员', name: '督办员甲' } });
    await ready();
    fireEvent.change(control(ui.register.content), { target: { value: '半截内容' } });
    fireEvent.click(tab('概览'));
    fireEvent.click(tab('立项交办'));
    expect(control(ui.register.content)).toHaveValue('半截内容');
  });
});

describe('selection', () => {
  const items = [
    makeItem({ id: 'DB-2026-0001', content: '更换学生公寓路灯' }),
    makeItem({ id: 'DB-2026-0002', content: '食堂油烟管道清洗', section: '物业管理科' }),
  ];

  it('a row selected in 台账 opens that item in the current page', async () => {
    const service = new FakeLedgerService({ items });
    renderApp(service, { page: 'close', role: { role: '督办员', name: '督办员甲' } });
    await ready();
    expect(service.subscribers).toBe(1);
    act(() => service.emitSelect('DB-2026-0002'));
    expect(screen.getByTestId('item-summary')).toHaveAttribute('data-item', 'DB-2026-0002');
    // Off the ledger: the open item stays.
    act(() => service.emitSelect(null));
    expect(screen.getByTestId('item-summary')).toHaveAttribute('data-item', 'DB-2026-0002');
    expect(service.selected).toEqual([]); // the pane does not echo the selection back
  });

  it('clicking an item in the pane selects its row in 台账, and the pane unsubscribes on unmount', async () => {
    const service = new FakeLedgerService({ items });
    const { unmount } = renderApp(service, { page: 'report', role: { role: '督办员', name: '督办员甲' } });
    await ready();
    pick('DB-2026-0001');
    expect(service.selected).toEqual(['DB-2026-0001']);
    expect(screen.getByTestId('item-summary')).toHaveAttribute('data-item', 'DB-2026-0001');
    await waitFor(() => expect(service.subscribers).toBe(1));
    unmount();
    expect(service.subscribers).toBe(0);
  });
});

describe('pageFromSearch', () => {
  it.each([
    ['?page=register', 'register'],
    ['?page=report', 'report'],
    ['?page=close', 'close'],
    ['?page=lists', 'lists'],
    ['?page=scores', 'scores'],
    ['?page=overview', 'overview'],
    ['?page=nope', 'overview'],
    ['', 'overview'],
  ])('%s → %s', (search, page) => {
    expect(pageFromSearch(search)).toBe(page);
  });
});
