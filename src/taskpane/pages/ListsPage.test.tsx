/** @jest-environment jsdom */
import '../../../test/support/jsdom-shims';
import '@testing-library/jest-dom';
import { configure, screen, within } from '@testing-library/react';
import { createCalendar } from '../../domain/calendar';
import { buildReport } from '../../domain/report';
import { defaultSettings } from '../../domain/settings';
import { makeItem } from '../../domain/testing/itemFactory';
import { ui } from '../../i18n';
import type { RoleChoice } from '../roleStore';
import { FAKE_PEOPLE, FakeLedgerService } from '../testing/fakeLedgerService';
import { choose, control, press, ready, renderApp, type } from '../testing/renderApp';
import { periodOf } from './ListsPage';

configure({ defaultHidden: true });
jest.setTimeout(20_000);

const t = ui.lists;
const TODAY = '2026-03-16';
const OFFICE: RoleChoice = { role: '督办员', name: '督办员甲' };

const items = [
  makeItem({ id: 'DB-2026-0001', kind: '重大复杂', assignedOn: '2026-03-09', report1On: '2026-03-10', report3On: '2026-03-12' }),
  makeItem({ id: 'DB-2026-0002', assignedOn: '2026-03-02' }), // 逾期
  makeItem({ id: 'DB-2026-0003', section: '物业管理科', assignedOn: '2026-02-02', returnCount: 2 }), // long overdue
  makeItem({ id: 'DB-2026-0004', state: '已销号', closedOn: '2026-03-10', reportFinalOn: '2026-03-09', grade: '优秀' }),
  makeItem({ id: 'DB-2026-0005', state: '待审批', assignedOn: null }),
];

const rounds = (service: FakeLedgerService) => service.calls.filter((c) => c.method === 'generateRound');
const fact = (key: string) => document.querySelector(`[data-fact="${key}"] dd`)?.textContent;

async function open(service: FakeLedgerService, role: RoleChoice = OFFICE) {
  renderApp(service, { page: 'lists', role });
  await ready();
}

describe('清单与报告', () => {
  it('is for the 督办员 only: others see a note and no 生成', async () => {
    await open(new FakeLedgerService({ today: TODAY, items }), { role: '科室', section: '工程管理科' });
    expect(screen.getByText(t.officeOnly)).toBeInTheDocument();
    expect(screen.queryByText(t.generate)).toBeNull();
  });

  it('generates the current month by default and shows totals, rates, list sizes, 主要问题, the archive and the time', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    await open(service);
    expect(control<HTMLSelectElement>(t.month).value).toBe('2026-03');
    expect(screen.getByTestId('round-period')).toHaveTextContent(t.periodHint('2026-03-01', '2026-03-31'));
    press(t.generate);

    expect(await screen.findByText(t.done('督查报告 2026-03'))).toBeInTheDocument();
    const calls = rounds(service);
    expect(calls).toHaveLength(1);
    expect(calls[0].period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(calls[0].actor).toMatchObject({ role: '督办员' });

    const expected = buildReport({
      items,
      records: [],
      period: { from: '2026-03-01', to: '2026-03-31' },
      asOf: TODAY,
      settings: defaultSettings(),
      cal: createCalendar(),
      sections: FAKE_PEOPLE.map((p) => p.section),
      people: FAKE_PEOPLE,
    });
    const c = expected.totals;
    expect(fact('items')).toBe(String(c.items));
    expect(fact('open')).toBe(String(c.open));
    expect(fact('overdue')).toBe(String(c.overdue));
    expect(fact('notAssigned')).toBe(String(c.notAssigned));
    expect(fact('closed')).toBe(String(c.closed));
    expect(fact('onTimeRate')).toBe(t.rate(expected.onTimeClosureRate, c.onTimeClosed, c.closed));
    expect(fact('feedbackRate')).toBe(t.rate(expected.feedbackTimelinessRate, expected.reportsOnTime, expected.reportsDue));
    expect(fact('issues')).toBe(t.rows(expected.issueList.length));
    expect(fact('nonImpl')).toBe(t.rows(expected.nonImplementationList.length));
    expect(expected.issueList.length).toBeGreaterThan(0);
    expect(fact('archive')).toBe('督查报告 2026-03');
    expect(screen.getByText(t.resultTitle('2026-03-01', '2026-03-31', TODAY))).toBeInTheDocument();
    const problems = within(screen.getByTestId('main-problems'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(problems).toEqual(expected.mainProblems);
    expect(problems.length).toBeGreaterThan(0);
  });

  it('validates the date range before anything is sent', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    await open(service);
    choose(t.mode, 'range');
    press(t.generate);
    expect(screen.getByText(ui.validation.choose(t.from))).toBeInTheDocument();
    expect(screen.getByText(ui.validation.choose(t.to))).toBeInTheDocument();

    type(t.from, '2026-03-10');
    type(t.to, '2026-03-01');
    press(t.generate);
    expect(screen.getByText(t.toBeforeFrom)).toBeInTheDocument();

    type(t.from, '2026-04-01');
    type(t.to, '2026-04-30');
    press(t.generate);
    expect(screen.getByText(t.fromAfterToday(TODAY))).toBeInTheDocument();
    expect(rounds(service)).toHaveLength(0);

    type(t.from, '2026-03-01');
    type(t.to, '2026-03-15');
    press(t.generate);
    expect(await screen.findByText(t.done('督查报告 2026-03-01~2026-03-15'))).toBeInTheDocument();
    expect(rounds(service)[0].period).toEqual({ from: '2026-03-01', to: '2026-03-15' });
  });

  it('a failure keeps the form and offers 重试 with the same opId; the next 生成 is a new action', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    await open(service);
    choose(t.mode, 'range');
    type(t.from, '2026-03-01');
    type(t.to, '2026-03-15');
    service.failNext('RichApi.Error: 网络连接中断');
    press(t.generate);

    expect(await screen.findByText(ui.op.thrown('RichApi.Error: 网络连接中断'))).toBeInTheDocument();
    expect(control(t.from)).toHaveValue('2026-03-01');
    expect(control(t.to)).toHaveValue('2026-03-15');
    expect(screen.queryByTestId('round-result')).toBeNull();
    expect(service.rounds).toHaveLength(0);

    press(ui.op.retry);
    expect(await screen.findByTestId('round-result')).toBeInTheDocument();
    const [first, second] = rounds(service);
    expect(second.opId).toBe(first.opId);
    expect(second.period).toEqual(first.period);
    expect(service.rounds).toHaveLength(1);
    await ready();

    press(t.generate);
    await screen.findByText(t.done('督查报告 2026-03-01~2026-03-15'));
    await ready();
    expect(rounds(service)).toHaveLength(3);
    expect(rounds(service)[2].opId).not.toBe(first.opId);
  });

  it('a retry the workbook already applied (already-done) counts as done', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    jest
      .spyOn(service, 'generateRound')
      .mockRejectedValueOnce(new Error('RichApi.Error: 网络连接中断'))
      .mockResolvedValueOnce({ ok: false, error: { code: 'already-done', message: '该操作已经完成' } });
    await open(service);
    press(t.generate);
    expect(await screen.findByText(ui.op.thrown('RichApi.Error: 网络连接中断'))).toBeInTheDocument();
    press(ui.op.retry);
    expect(await screen.findByText(t.alreadyDone)).toBeInTheDocument();
    expect(screen.queryByText(ui.op.failedTitle)).toBeNull();
  });

  it('a refusal from the service is shown as given', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    jest.spyOn(service, 'generateRound').mockResolvedValueOnce({
      ok: false,
      error: { code: 'not-initialised', message: '当前工作簿缺少“问题清单”' },
    });
    await open(service);
    press(t.generate);
    expect(await screen.findByText('当前工作簿缺少“问题清单”')).toBeInTheDocument();
    expect(screen.getByText(ui.op.retry)).toBeInTheDocument();
  });
});

describe('periodOf', () => {
  it('a month is its first to last day; a range needs both dates in order, starting by today', () => {
    expect(periodOf('month', '2026-02', '', '', TODAY).period).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('range', '', '2026-03-01', '2026-03-01', TODAY).period).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(periodOf('range', '', '2026-02-30', '2026-03-01', TODAY).errors.from).toBe(ui.validation.badDate(t.from));
    expect(periodOf('range', '', TODAY, '2026-12-31', TODAY).period).toEqual({ from: TODAY, to: '2026-12-31' });
  });
});

describe('督查看板', () => {
  it('刷新看板 asks the service to redraw the dashboard as of today and confirms it', async () => {
    const service = new FakeLedgerService({ today: TODAY, items });
    await open(service);
    press(ui.lists.dashboardRefresh);
    expect(await screen.findByText(ui.lists.dashboardDone(TODAY))).toBeInTheDocument();
    expect(service.calls.filter((c) => c.method === 'refreshDashboard')).toHaveLength(1);
  });
});
