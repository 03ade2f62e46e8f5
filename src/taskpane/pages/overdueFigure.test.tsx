/** @jest-environment jsdom */
/**
 * Issue #13 item 7: one item, one 逾期天数, in one unit, wherever it appears in a round — the
 * 督查报告's 主要问题, the 不落实清单's 问题线索 and the pane's badge.
 */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, fireEvent, screen, within } from '@testing-library/react';
import { defaultSettings } from '../../domain/settings';
import { makeItem } from '../../domain/testing/itemFactory';
import { ui } from '../../i18n';
import { FakeLedgerService } from '../testing/fakeLedgerService';
import { press, ready, renderApp } from '../testing/renderApp';

configure({ defaultHidden: true });
jest.setTimeout(20_000);

const TODAY = '2026-03-31'; // a Tuesday, the end of the round's month
/*
 * 交办 Mon 03-02, 一般: 1天 due 03-03 (reported), 3天 due 03-05 and 办结时限 03-09 both open.
 * 逾期天数 counts from the earliest overdue node (the 台账 column's rule): working days in
 * (03-05, 03-31] = 1 + 5 + 5 + 5 + 2 = 18. Past 办结时限 alone it would be 16 — the figure the
 * 不落实清单 used to show; the pane used to say 「逾期 18 天」.
 */
const ITEM = makeItem({ id: 'DB-2026-0001', content: '更换学生公寓路灯', assignedOn: '2026-03-02', report1On: '2026-03-03' });

function nav(page: keyof typeof ui.pages): void {
  const tab = screen
    .getAllByText(ui.pages[page])
    .map((el) => el.closest('button'))
    .find((b) => b?.getAttribute('role') === 'tab');
  fireEvent.click(tab!);
}

describe('逾期天数: one figure per item in a round', () => {
  it.each([
    ['工作日', '18个工作日'],
    ['自然日', '26天'], // 03-05 → 03-31
  ] as const)('逾期天数计法 %s: report, 不落实清单 and pane all say %s', async (counting, span) => {
    const settings = { ...defaultSettings(), overdueCounting: counting };
    const service = new FakeLedgerService({ today: TODAY, items: [ITEM], settings });
    renderApp(service, { page: 'lists', role: { role: '督办员', name: '督办员甲' } });
    await ready();
    press(ui.lists.generate);
    await screen.findByTestId('round-result');

    // 督查报告 主要问题
    expect(screen.getByTestId('main-problems')).toHaveTextContent(`最长逾期${span}`);
    // 不落实典型事项清单 问题线索 (listed: 3天 and 落实 both missed)
    const [row] = service.rounds[0].nonImplementationRows;
    expect(row.itemId).toBe(ITEM.id);
    expect(row.clue).toContain(`已逾期${span}`);
    // the pane's badge (概览, 我的未办结事项)
    nav('overview');
    const entry = document.querySelector(`[data-page="overview"] button[data-item="${ITEM.id}"]`) as HTMLElement;
    expect(within(entry).getByText(`逾期${span}`)).toBeInTheDocument();
  });
});
