/** @jest-environment jsdom */
import '../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, configure, fireEvent, render, screen, within } from '@testing-library/react';
import type { ExcelRun } from '../excel/run';
import { LEDGER_SHEETS } from '../excel/ledgerSheets';
import { ui } from '../i18n';
import { App } from './App';
import { pageFromSearch } from './pages';

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

function renderApp(run: ExcelRun, initialPage?: Parameters<typeof App>[0]['initialPage']) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App run={run} initialPage={initialPage} />
    </FluentProvider>,
  );
}

describe('App', () => {
  it('shows the title and a tab for 概览 and each of the five pages', async () => {
    renderApp(workbookRun('a.xlsx', []));
    expect(screen.getByRole('heading', { level: 1, name: '13710督办台账' })).toBeVisible();
    expect(tabLabels()).toEqual(['概览', ...WORKING_PAGES]);
    expect(screen.getByRole('tablist')).toBeVisible();
    expect(tab('概览')).toHaveAttribute('aria-selected', 'true');
    await screen.findByTestId('workbook-name');
  });

  it('renders which ledger sheets the workbook has, from the injected ExcelRun', async () => {
    const run = workbookRun('督办台账2026.xlsx', ['台账', '设置', 'Sheet2']);
    renderApp(run);

    expect(await screen.findByTestId('workbook-name')).toHaveTextContent('督办台账2026.xlsx');
    expect(run.syncs()).toBe(1);
    for (const sheet of LEDGER_SHEETS) {
      const row = document.querySelector(`li[data-sheet="${sheet}"]`) as HTMLElement;
      expect(row).not.toBeNull();
      const expected = sheet === '台账' || sheet === '设置' ? ui.status.present : ui.status.missing;
      expect(within(row).getByText(expected)).toBeInTheDocument();
    }
    expect(screen.getByText(ui.status.summary(2, LEDGER_SHEETS.length), { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: ui.init.button })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText(ui.init.hint)).toBeInTheDocument();
  });

  it('switches pages when a tab is clicked', async () => {
    renderApp(workbookRun('a.xlsx', []));
    await screen.findByTestId('workbook-name');

    fireEvent.click(tab('销号'));
    expect(tab('销号')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('heading', { level: 2, name: '销号' })).toBeVisible();
    expect(screen.getByText(ui.coming.body)).toBeInTheDocument();
    expect(screen.queryByTestId('workbook-name')).toBeNull();

    fireEvent.click(tab('概览'));
    expect(await screen.findByTestId('workbook-name')).toBeInTheDocument();
  });

  it('opens on the page the ribbon button asked for', async () => {
    renderApp(workbookRun('a.xlsx', []), pageFromSearch('?page=scores'));
    expect(tab('综评')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText(ui.pageIntro.scores)).toBeInTheDocument();
    await act(async () => undefined);
  });

  it('shows the error when the workbook cannot be read', async () => {
    renderApp(() => Promise.reject(new Error('RichApi.Error: 连接已断开')));
    expect(await screen.findByText(ui.status.failed)).toBeInTheDocument();
    expect(screen.getByText(/连接已断开/)).toBeInTheDocument();
  });
});

describe('pageFromSearch', () => {
  it.each([
    ['?page=register', 'register'],
    ['?page=report', 'report'],
    ['?page=close', 'close'],
    ['?page=lists', 'lists'],
    ['?page=scores', 'scores'],
    ['?page=nope', 'overview'],
    ['', 'overview'],
  ])('%s → %s', (search, page) => {
    expect(pageFromSearch(search)).toBe(page);
  });
});
