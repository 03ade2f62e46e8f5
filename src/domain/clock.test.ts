/** The 13710 clock of one item (docs/rules.md "The 13710 clock"). Dates worked out by hand. */
import fc from 'fast-check';
import { clockNodes, itemClock, monthlyReportDues } from './clock';
import { createCalendar } from './calendar';
import { defaultSettings, type Settings } from './settings';
import { makeItem } from './testing/itemFactory';
import type { CountingMode, ItemKind } from './types';

const cal = createCalendar();
const settingsWith = (mode: CountingMode, patch: Partial<Settings> = {}): Settings => ({
  ...defaultSettings(),
  countingMode: mode,
  ...patch,
});

describe('due dates by counting mode and kind', () => {
  // 交办日期, mode, kind → due1, due3, deadline
  type Row = [string, CountingMode, ItemKind, string, string, string];
  test.each<Row>([
    // eve of 国庆 2025
    ['2025-09-30', '自然日顺延', '一般', '2025-10-09', '2025-10-09', '2025-10-09'],
    ['2025-09-30', '工作日', '一般', '2025-10-09', '2025-10-11', '2025-10-16'],
    ['2025-09-30', '自然日', '一般', '2025-10-01', '2025-10-03', '2025-10-07'],
    ['2025-09-30', '自然日顺延', '重大复杂', '2025-10-09', '2025-10-09', '2025-10-30'],
    ['2025-09-30', '工作日', '重大复杂', '2025-10-09', '2025-10-11', '2025-11-18'],
    ['2025-09-30', '自然日', '重大复杂', '2025-10-01', '2025-10-03', '2025-10-30'],
    // make-up Saturday 2025-10-11
    ['2025-10-11', '自然日顺延', '一般', '2025-10-13', '2025-10-14', '2025-10-20'],
    ['2025-10-11', '工作日', '一般', '2025-10-13', '2025-10-15', '2025-10-21'],
    ['2025-10-11', '自然日', '一般', '2025-10-12', '2025-10-14', '2025-10-18'],
    ['2025-10-11', '自然日顺延', '重大复杂', '2025-10-13', '2025-10-14', '2025-11-10'],
    ['2025-10-11', '工作日', '重大复杂', '2025-10-13', '2025-10-15', '2025-11-21'],
    // 春节 2026: Friday before, make-up Saturday
    ['2026-02-13', '自然日顺延', '一般', '2026-02-14', '2026-02-24', '2026-02-24'],
    ['2026-02-13', '工作日', '一般', '2026-02-14', '2026-02-25', '2026-03-02'],
    ['2026-02-13', '工作日', '重大复杂', '2026-02-14', '2026-02-25', '2026-04-02'],
    ['2026-02-14', '自然日顺延', '一般', '2026-02-24', '2026-02-24', '2026-02-24'],
    ['2026-02-14', '工作日', '一般', '2026-02-24', '2026-02-26', '2026-03-03'],
    ['2026-02-14', '自然日', '一般', '2026-02-15', '2026-02-17', '2026-02-21'],
    ['2026-02-14', '自然日顺延', '重大复杂', '2026-02-24', '2026-02-24', '2026-03-16'],
    ['2026-02-14', '工作日', '重大复杂', '2026-02-24', '2026-02-26', '2026-04-03'],
    ['2026-02-14', '自然日', '重大复杂', '2026-02-15', '2026-02-17', '2026-03-16'],
    // 国庆 2026
    ['2026-09-30', '自然日顺延', '一般', '2026-10-08', '2026-10-08', '2026-10-08'],
    ['2026-09-30', '工作日', '一般', '2026-10-08', '2026-10-10', '2026-10-15'],
    ['2026-09-30', '自然日', '一般', '2026-10-01', '2026-10-03', '2026-10-07'],
    ['2026-09-30', '自然日顺延', '重大复杂', '2026-10-08', '2026-10-08', '2026-10-30'],
    ['2026-09-30', '工作日', '重大复杂', '2026-10-08', '2026-10-10', '2026-11-17'],
    ['2026-09-19', '自然日顺延', '一般', '2026-09-20', '2026-09-22', '2026-09-28'],
    ['2026-09-24', '自然日顺延', '一般', '2026-09-28', '2026-09-28', '2026-10-08'],
    ['2026-09-24', '工作日', '一般', '2026-09-28', '2026-09-30', '2026-10-12'],
    // an ordinary week
    ['2026-03-02', '自然日顺延', '一般', '2026-03-03', '2026-03-05', '2026-03-09'],
    ['2026-03-02', '工作日', '一般', '2026-03-03', '2026-03-05', '2026-03-11'],
    ['2026-03-02', '自然日', '一般', '2026-03-03', '2026-03-05', '2026-03-09'],
    ['2026-03-02', '自然日顺延', '重大复杂', '2026-03-03', '2026-03-05', '2026-04-01'],
  ])('交办 %s, %s, %s → %s / %s / %s', (assignedOn, mode, kind, due1, due3, deadline) => {
    const c = itemClock(makeItem({ assignedOn, kind }), settingsWith(mode), cal);
    expect(c).toEqual({ assignedOn, defaultDeadline: deadline, deadline, due1, due3, finalDoneOn: null });
  });
});

describe('explicit 完成时限 and extension', () => {
  // 交办 2026-03-02 (Monday), 一般, 自然日顺延: default due1 03-03, due3 03-05, deadline 03-09
  type Row = [string, string | null, string | null, string, string, string];
  test.each<Row>([
    ['default', null, null, '2026-03-03', '2026-03-05', '2026-03-09'],
    ['explicit later', '2026-04-30', null, '2026-03-03', '2026-03-05', '2026-04-30'],
    ['explicit earlier, between node 1 and 3', '2026-03-04', null, '2026-03-03', '2026-03-04', '2026-03-04'],
    ['explicit earlier than node 1 (same day)', '2026-03-02', null, '2026-03-02', '2026-03-02', '2026-03-02'],
    ['explicit on a Saturday is not moved', '2026-03-07', null, '2026-03-03', '2026-03-05', '2026-03-07'],
    ['extension wins over explicit', '2026-04-30', '2026-05-29', '2026-03-03', '2026-03-05', '2026-05-29'],
    ['extension without explicit', null, '2026-06-30', '2026-03-03', '2026-03-05', '2026-06-30'],
    ['extension earlier than node 3 clamps it', null, '2026-03-04', '2026-03-03', '2026-03-04', '2026-03-04'],
  ])('%s', (_name, explicitDeadline, extensionDeadline, due1, due3, deadline) => {
    const c = itemClock(
      makeItem({ explicitDeadline, extensionDeadline, extensionApprovedOn: extensionDeadline ? '2026-03-08' : null }),
      defaultSettings(),
      cal,
    );
    expect(c).not.toBeNull();
    expect([c!.due1, c!.due3, c!.deadline, c!.defaultDeadline]).toEqual([due1, due3, deadline, '2026-03-09']);
  });

  test('explicit deadline over 春节 in 工作日 mode', () => {
    const c = itemClock(makeItem({ assignedOn: '2026-02-13', explicitDeadline: '2026-02-24' }), settingsWith('工作日'), cal)!;
    expect([c.due1, c.due3, c.deadline, c.defaultDeadline]).toEqual(['2026-02-14', '2026-02-24', '2026-02-24', '2026-03-02']);
  });
});

describe('other clock inputs', () => {
  test('not 交办 → null', () => {
    expect(itemClock(makeItem({ assignedOn: null }), defaultSettings(), cal)).toBeNull();
  });

  test.each<[string | null, string | null, string | null]>([
    ['2026-03-08', '2026-03-07', '2026-03-08'],
    [null, '2026-03-07', '2026-03-07'],
    ['2026-03-08', null, '2026-03-08'],
    [null, null, null],
  ])('落实完成日: 落实反馈日 %p, 申请办结日 %p → %p', (reportFinalOn, appliedOn, e) => {
    expect(itemClock(makeItem({ reportFinalOn, appliedOn }), defaultSettings(), cal)!.finalDoneOn).toBe(e);
  });

  test('node lengths are settings', () => {
    const s = settingsWith('自然日顺延', { nodeDays: { node1: 2, node3: 5, general: 10, major: 20 } });
    const c = itemClock(makeItem(), s, cal)!;
    // 03-04 Wed, 03-07 Sat → 03-09, 03-12 Thu; 重大: 03-22 Sun → 03-23
    expect([c.due1, c.due3, c.deadline]).toEqual(['2026-03-04', '2026-03-09', '2026-03-12']);
    expect(itemClock(makeItem({ kind: '重大复杂' }), s, cal)!.deadline).toBe('2026-03-23');
  });

  test('clockNodes: reports and 临近 thresholds by kind', () => {
    const s = defaultSettings();
    const item = makeItem({ report1On: '2026-03-02', report3On: null, appliedOn: '2026-03-06' });
    const nodes = clockNodes(item, itemClock(item, s, cal)!, s);
    expect(nodes).toEqual([
      { key: '1', due: '2026-03-03', reportedOn: '2026-03-02', warnDays: 1 },
      { key: '3', due: '2026-03-05', reportedOn: null, warnDays: 1 },
      { key: 'F', due: '2026-03-09', reportedOn: '2026-03-06', warnDays: 2 },
    ]);
    const major = makeItem({ kind: '重大复杂' });
    expect(clockNodes(major, itemClock(major, s, cal)!, s)[2]).toEqual({ key: 'F', due: '2026-04-01', reportedOn: null, warnDays: 5 });
    const custom = { ...s, warnDays: { node1: 0, node3: 2, general: 3, major: 7 } };
    expect(clockNodes(item, itemClock(item, custom, cal)!, custom).map((n) => n.warnDays)).toEqual([0, 2, 3]);
  });
});

describe('monthlyReportDues (延期方案: monthly reports, Excel EDATE)', () => {
  test.each<[string | null, string | null, string | null, string, string[]]>([
    ['2026-01-31', '2026-06-30', null, '2026-05-15', ['2026-02-28', '2026-03-31', '2026-04-30']],
    ['2026-01-31', '2026-06-30', null, '2026-05-31', ['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']],
    ['2026-01-31', '2026-06-30', '2026-04-30', '2026-12-31', ['2026-02-28', '2026-03-31', '2026-04-30']],
    ['2026-01-31', '2026-06-30', '2026-04-29', '2026-12-31', ['2026-02-28', '2026-03-31']],
    ['2026-03-08', '2026-09-30', null, '2026-03-31', []],
    [null, '2026-06-30', null, '2026-12-31', []],
    ['2026-03-08', null, null, '2026-12-31', []],
  ])('approved %p, plan to %p, closed %p, until %s', (extensionApprovedOn, extensionDeadline, closedOn, until, e) => {
    expect(monthlyReportDues(makeItem({ extensionApprovedOn, extensionDeadline, closedOn }), until)).toEqual(e);
  });
});

describe('due dates are worked out once per 交办日期 and calendar', () => {
  // The definition, straight from the calendar (no cache).
  const reference = (item: ReturnType<typeof makeItem>, s: Settings, c: ReturnType<typeof createCalendar>) => {
    const start = item.assignedOn!;
    const defaultDeadline = c.addDays(start, item.kind === '重大复杂' ? s.nodeDays.major : s.nodeDays.general, s.countingMode);
    const deadline = item.extensionDeadline ?? item.explicitDeadline ?? defaultDeadline;
    const min = (a: string, b: string) => (a < b ? a : b);
    return {
      assignedOn: start,
      defaultDeadline,
      deadline,
      due1: min(c.addDays(start, s.nodeDays.node1, s.countingMode), deadline),
      due3: min(c.addDays(start, s.nodeDays.node3, s.countingMode), deadline),
      finalDoneOn: item.reportFinalOn ?? item.appliedOn ?? null,
    };
  };
  // a few 交办 days, so that questions meet cached answers (and stale ones would show)
  const startArb = fc.constantFrom('2025-09-30', '2026-02-13', '2026-04-30', '2026-09-30', '2026-11-20');
  const daysArb = fc.record({
    node1: fc.integer({ min: 0, max: 3 }),
    node3: fc.integer({ min: 1, max: 5 }),
    general: fc.integer({ min: 5, max: 10 }),
    major: fc.integer({ min: 20, max: 40 }),
  });
  const questionArb = fc.record({
    start: startArb,
    kind: fc.constantFrom<ItemKind>('一般', '重大复杂'),
    mode: fc.constantFrom<CountingMode>('自然日顺延', '工作日', '自然日'),
    days: daysArb,
    calendar: fc.nat(2),
  });

  test('answers equal the calendar’s own whatever the order of settings and calendars asked', () => {
    const calendars = [cal, createCalendar({ extraHolidays: ['2026-03-04', '2026-10-09'] }), createCalendar({ extraWorkdays: ['2026-10-03'] })];
    fc.assert(
      fc.property(fc.array(questionArb, { minLength: 1, maxLength: 20 }), (qs) => {
        const shared = defaultSettings(); // edited in place between questions, as a settings form would
        for (const q of qs) {
          shared.countingMode = q.mode;
          shared.nodeDays = q.days.node1 % 2 === 0 ? { ...q.days } : Object.assign(shared.nodeDays, q.days);
          const item = makeItem({ assignedOn: q.start, kind: q.kind });
          const c = calendars[q.calendar];
          expect(itemClock(item, shared, c)).toEqual(reference(item, shared, c));
        }
      }),
      { numRuns: 60 },
    );
  });
});
