/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, fireEvent, screen } from '@testing-library/react';
import { createCalendar } from '../../domain/calendar';
import { monthlyScores } from '../../domain/scoring';
import { defaultSettings } from '../../domain/settings';
import { makeItem } from '../../domain/testing/itemFactory';
import { ui } from '../../i18n';
import type { RoleChoice } from '../roleStore';
import { FAKE_PEOPLE, FakeLedgerService } from '../testing/fakeLedgerService';
import { choose, control, form, press, ready, renderApp } from '../testing/renderApp';
import { DIMENSIONS } from './ScoresPage';

configure({ defaultHidden: true });
jest.setTimeout(20_000);

const t = ui.scores;
const TODAY = '2026-03-16';
const OFFICE: RoleChoice = { role: '督办员', name: '督办员甲' };

const items = [
  makeItem({ id: 'DB-2026-0001', assignedOn: '2026-03-02', report1On: '2026-03-03', report3On: '2026-03-05' }),
  makeItem({ id: 'DB-2026-0002', assignedOn: '2026-03-02' }), // missed reports, overdue
  makeItem({ id: 'DB-2026-0003', section: '物业管理科', registeredOn: '2026-02-02', assignedOn: '2026-02-02', report1On: '2026-02-03' }),
  makeItem({
    id: 'DB-2026-0004',
    section: '物业管理科',
    state: '已销号',
    assignedOn: '2026-03-02',
    report1On: '2026-03-03',
    report3On: '2026-03-04',
    reportFinalOn: '2026-03-06',
    closedOn: '2026-03-09',
    grade: '良好',
  }),
];

const scoresFor = (month: string) =>
  monthlyScores({
    items,
    records: [],
    sections: FAKE_PEOPLE.map((p) => p.section),
    month,
    today: TODAY,
    settings: defaultSettings(),
    cal: createCalendar(),
  });

/** The table as shown: section → [five dimensions, 扣分, 总分, 排名] (the 无应办事项 mark stripped). */
function shownTable(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const row of Array.from(document.querySelectorAll('tr[data-section]'))) {
    const cells = [...DIMENSIONS, 'deductions', 'total', 'rank'].map((key) => row.querySelector(`[data-cell="${key}"]`)?.firstChild?.textContent ?? '');
    out[row.getAttribute('data-section') ?? ''] = cells;
  }
  return out;
}

function expectedTable(month: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const s of scoresFor(month)) {
    out[s.section] = [...DIMENSIONS.map((d) => s[d].toFixed(2)), s.deductions.toFixed(2), s.total.toFixed(2), String(s.rank)];
  }
  return out;
}

const freezes = (service: FakeLedgerService) => service.calls.filter((c) => c.method === 'freezeMonth');

async function open(service: FakeLedgerService, role: RoleChoice | null = OFFICE) {
  renderApp(service, { page: 'scores', role });
  await ready();
}

describe('综评', () => {
  it('shows this month’s scores exactly as monthlyScores computes them, 无应办事项 highlighted', async () => {
    await open(new FakeLedgerService({ today: TODAY, items }), null);
    expect(control<HTMLSelectElement>(t.month).value).toBe('2026-03');
    const expected = expectedTable('2026-03');
    expect(Object.keys(expected)).toEqual(FAKE_PEOPLE.map((p) => p.section));
    // at pane width: 排名, 科室, 总分, 扣分 only (the section's full name in its tooltip)
    const headers = () => Array.from(document.querySelectorAll('[data-testid="scores-table"] th')).map((th) => th.textContent);
    expect(headers()).toEqual([t.rank, t.section, t.total, t.deductions]);
    expect(document.querySelector(`tr[data-section="${FAKE_PEOPLE[0].section}"] [data-cell="section"]`)).toHaveAttribute('title', FAKE_PEOPLE[0].section);
    expect(document.querySelector('[data-cell="volume"]')).toBeNull();
    // the five dimensions on demand
    fireEvent.click(control(t.showDims));
    expect(headers()).toEqual([t.rank, t.section, t.total, t.deductions, ...DIMENSIONS.map((d) => t.dims[d])]);
    expect(shownTable()).toEqual(expected);
    // a deduction and a differing total: the fixture is not trivially all-full-marks
    expect(scoresFor('2026-03').some((s) => s.deductions > 0)).toBe(true);

    const noDue = scoresFor('2026-03').flatMap((s) => DIMENSIONS.filter((d) => d !== 'volume' && s.noDue[d]).map((d) => `${s.section}:${d}`));
    const marked = Array.from(document.querySelectorAll('[data-no-due="true"]')).map(
      (cell) => `${cell.closest('tr')?.getAttribute('data-section')}:${cell.getAttribute('data-cell')}`,
    );
    expect(noDue.length).toBeGreaterThan(0);
    expect(marked).toEqual(noDue);
    expect(screen.getAllByText(t.noDue).length).toBe(noDue.length);
    expect(screen.getByText(t.explain.feedback(defaultSettings().weights.feedback))).toBeInTheDocument();
    // no 冻结 without the 督办员 role
    expect(form('freeze')).toBeNull();
  });

  it('offers months up to today only, newest first; another month recomputes the table', async () => {
    await open(new FakeLedgerService({ today: TODAY, items }));
    const options = Array.from(control<HTMLSelectElement>(t.month).options).map((o) => o.value);
    expect(options[0]).toBe('2026-03');
    expect(options).toContain('2026-02');
    expect(options.every((m) => m <= '2026-03')).toBe(true);
    expect(options).toEqual([...options].sort().reverse());

    choose(t.month, '2026-02');
    fireEvent.click(control(t.showDims));
    expect(shownTable()).toEqual(expectedTable('2026-02'));
    expect(screen.getByText(t.asOf('2026-02', '2026-02-28'))).toBeInTheDocument();
  });

  it('冻结本月 (督办员) archives the month and shows the version; a second freeze is version 2', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    await open(service);
    choose(t.month, '2026-02');
    press(t.freeze, form('freeze')!);
    // asks first; a finished month says only that a second freeze adds a version
    expect(screen.getByText(t.freezeConfirm('2026-02', false, '2026-02-28'))).toBeInTheDocument();
    expect(freezes(service)).toHaveLength(0);
    press(t.freezeConfirmYes, form('freeze')!);
    expect(await screen.findByText(t.frozen('2026-02', 1))).toBeInTheDocument();
    await ready();
    expect(freezes(service)[0]).toMatchObject({ month: '2026-02', actor: { role: '督办员' } });
    expect(service.archive[0].scores).toEqual(scoresFor('2026-02'));

    press(t.freeze, form('freeze')!);
    press(t.freezeConfirmYes, form('freeze')!);
    expect(await screen.findByText(t.frozen('2026-02', 2))).toBeInTheDocument();
    await ready();
    expect(freezes(service)[1].opId).not.toBe(freezes(service)[0].opId);
  });

  it('冻结 of the unfinished month says it freezes the scores as they stand; 取消 freezes nothing', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    await open(service);
    press(t.freeze, form('freeze')!);
    expect(screen.getByText(t.freezeConfirm('2026-03', true, TODAY))).toBeInTheDocument();
    press(t.freezeCancel, form('freeze')!);
    expect(screen.queryByText(t.freezeConfirm('2026-03', true, TODAY))).toBeNull();
    expect(freezes(service)).toHaveLength(0);
  });

  it('a failed freeze offers 重试 with the same opId', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    await open(service);
    service.failNext({ message: 'RichApi.Error: 网络连接中断', when: 'after' });
    press(t.freeze, form('freeze')!);
    press(t.freezeConfirmYes, form('freeze')!);
    expect(await screen.findByText(ui.op.thrown('RichApi.Error: 网络连接中断'))).toBeInTheDocument();
    press(ui.op.retry);
    // the first attempt was written: the retry under its opId is already-done (as in the workbook)
    expect(await screen.findByText(t.alreadyFrozen('2026-03'))).toBeInTheDocument();
    const [first, second] = freezes(service);
    expect(second.opId).toBe(first.opId);
    expect(service.archive).toHaveLength(1);
  });
});
