/**
 * 预警状态 and 逾期天数 (docs/rules.md "预警状态 and 逾期天数"), missed(D), isOpenAt, and the
 * defaults of settings.ts. Base item (itemFactory): 一般, 交办 Monday 2026-03-02, so with the
 * default 自然日顺延 due1 = 03-03 (Tue), due3 = 03-05 (Thu), deadline = 03-09 (Mon).
 */
import fc from 'fast-check';
import { createCalendar } from './calendar';
import { addCalendarDays, fromDayNumber, toDayNumber } from './dates';
import { defaultSettings, type Settings } from './settings';
import { itemClock } from './clock';
import { isOpenAt, itemOverdueDays, itemStatus, missedReports, warningStatus } from './status';
import { makeItem } from './testing/itemFactory';
import type { LedgerItem, WarningStatus } from './types';

const cal = createCalendar();
const S = defaultSettings();
const natural: Settings = { ...S, overdueCounting: '自然日' };

describe('settings defaults (SPEC.md, docs/rules.md)', () => {
  test('every default value', () => {
    expect(defaultSettings()).toEqual({
      countingMode: '自然日顺延',
      overdueCounting: '工作日',
      nodeDays: { node1: 1, node3: 3, general: 7, major: 30 },
      warnDays: { node1: 1, node3: 1, general: 2, major: 5 },
      weights: { volume: 10, feedback: 25, progress: 25, effect: 20, closure: 20 },
      gradeRates: { 优秀: 100, 良好: 85, 合格: 70, 不合格: 0 },
      deductions: { nonImplementation: 5, returned: 2, missedReport: 2, falsified: 10 },
      deductionCap: 30,
      nonImplementation: { overdueDays: 10, missedReports: 2, returns: 2, daysAfterUrge: 5 },
      accountability: { criticiseOverdue: 20, interviewOverdue: 30, referOverdue: 60 },
      rectifyWorkdays: 5,
      director: '中心主任',
      extraHolidays: [],
      extraWorkdays: [],
    });
  });

  test('weights sum to 100', () => {
    const w = S.weights;
    expect(w.volume + w.feedback + w.progress + w.effect + w.closure).toBe(100);
  });

  test('each call returns a fresh object', () => {
    const a = defaultSettings();
    a.nodeDays.general = 99;
    a.extraHolidays.push('2026-03-04');
    expect(defaultSettings().nodeDays.general).toBe(7);
    expect(defaultSettings().extraHolidays).toEqual([]);
  });
});

describe('预警状态 — every branch', () => {
  type Row = [string, Partial<LedgerItem>, string, Settings, WarningStatus, number];
  const rows: Row[] = [
    // 1. 未交办
    ['not 交办', { assignedOn: null }, '2026-03-10', S, '未交办', 0],
    ['not 交办 even with dates filled', { assignedOn: null, report1On: '2026-03-03', closedOn: '2026-03-04' }, '2026-03-10', S, '未交办', 0],
    // 6. 正常
    ['node 1 reported on day 0: 正常', { report1On: '2026-03-02' }, '2026-03-02', S, '正常', 0],
    ['node 1 reported, node 3 two days ahead: 正常', { report1On: '2026-03-02' }, '2026-03-03', S, '正常', 0],
    ['nodes 1 and 3 reported, 3 days before deadline: 正常', { report1On: '2026-03-03', report3On: '2026-03-05' }, '2026-03-06', S, '正常', 0],
    ['重大复杂 6 days before deadline: 正常', { kind: '重大复杂', report1On: '2026-03-03', report3On: '2026-03-05' }, '2026-03-26', S, '正常', 0],
    // 5. 临近, each node threshold (calendar days, inclusive)
    ['node 1: 1 day before', {}, '2026-03-02', S, '临近', 0],
    ['node 1: due today', {}, '2026-03-03', S, '临近', 0],
    ['node 1 threshold 0: day before is 正常', {}, '2026-03-02', { ...S, warnDays: { ...S.warnDays, node1: 0 } }, '正常', 0],
    ['node 3: 1 day before', { report1On: '2026-03-03' }, '2026-03-04', S, '临近', 0],
    ['node 3: due today', { report1On: '2026-03-03' }, '2026-03-05', S, '临近', 0],
    ['node 3: 2 days before is 正常', { report1On: '2026-03-03' }, '2026-03-03', S, '正常', 0],
    ['一般: 2 days before', { report1On: '2026-03-03', report3On: '2026-03-05' }, '2026-03-07', S, '临近', 0],
    ['一般: due today', { report1On: '2026-03-03', report3On: '2026-03-05' }, '2026-03-09', S, '临近', 0],
    ['重大复杂: 5 days before (deadline 04-01)', { kind: '重大复杂', report1On: '2026-03-03', report3On: '2026-03-05' }, '2026-03-27', S, '临近', 0],
    [
      'explicit deadline: 一般 threshold applies to it',
      { explicitDeadline: '2026-04-30', report1On: '2026-03-03', report3On: '2026-03-05' },
      '2026-04-28',
      S,
      '临近',
      0,
    ],
    // 4. 逾期 from a node
    ['node 1 overdue by 1 working day', {}, '2026-03-04', S, '逾期', 1],
    ['node 1 overdue although the final deadline is far', { explicitDeadline: '2026-04-30' }, '2026-03-04', S, '逾期', 1],
    ['node 1 overdue although node 3 is reported', { report3On: '2026-03-05' }, '2026-03-06', S, '逾期', 3],
    ['nodes 1 and 3 overdue: counted from node 1 (工作日)', {}, '2026-03-09', S, '逾期', 4],
    ['nodes 1 and 3 overdue: counted from node 1 (自然日)', {}, '2026-03-09', natural, '逾期', 6],
    ['node 3 overdue only', { report1On: '2026-03-03' }, '2026-03-09', S, '逾期', 2],
    ['node 3 overdue only (自然日)', { report1On: '2026-03-03' }, '2026-03-09', natural, '逾期', 4],
    ['late report of node 1 does not keep the item overdue', { report1On: '2026-03-05', report3On: '2026-03-05' }, '2026-03-06', S, '正常', 0],
    // 逾期 from the final node
    ['final node overdue by 1', { report1On: '2026-03-03', report3On: '2026-03-05' }, '2026-03-10', S, '逾期', 1],
    ['final node overdue a week (工作日)', { report1On: '2026-03-03', report3On: '2026-03-05' }, '2026-03-16', S, '逾期', 5],
    ['final node overdue a week (自然日)', { report1On: '2026-03-03', report3On: '2026-03-05' }, '2026-03-16', natural, '逾期', 7],
    // 逾期天数 over 国庆 2025: deadline Tuesday 09-30
    [
      'over 国庆: 10-08 is 逾期 with 0 working days',
      { assignedOn: '2025-09-22', explicitDeadline: '2025-09-30', report1On: '2025-09-23', report3On: '2025-09-25' },
      '2025-10-08',
      S,
      '逾期',
      0,
    ],
    [
      'over 国庆: 10-09 is 1 working day',
      { assignedOn: '2025-09-22', explicitDeadline: '2025-09-30', report1On: '2025-09-23', report3On: '2025-09-25' },
      '2025-10-09',
      S,
      '逾期',
      1,
    ],
    [
      'over 国庆: 10-09 is 9 calendar days',
      { assignedOn: '2025-09-22', explicitDeadline: '2025-09-30', report1On: '2025-09-23', report3On: '2025-09-25' },
      '2025-10-09',
      natural,
      '逾期',
      9,
    ],
    [
      'over 国庆: make-up Saturday 10-11 counts',
      { assignedOn: '2025-09-22', explicitDeadline: '2025-09-30', report1On: '2025-09-23', report3On: '2025-09-25' },
      '2025-10-11',
      S,
      '逾期',
      3,
    ],
    // 3. 延期, then 逾期
    ['延期 hides an overdue node', { extensionApprovedOn: '2026-03-08', extensionDeadline: '2026-04-30' }, '2026-03-20', S, '延期', 0],
    ['延期 on its last day', { extensionApprovedOn: '2026-03-08', extensionDeadline: '2026-04-30' }, '2026-04-30', S, '延期', 0],
    ['延期 then 逾期 over 劳动节 (工作日)', { extensionApprovedOn: '2026-03-08', extensionDeadline: '2026-04-30' }, '2026-05-06', S, '逾期', 1],
    ['延期 then 逾期 over 劳动节 (自然日)', { extensionApprovedOn: '2026-03-08', extensionDeadline: '2026-04-30' }, '2026-05-06', natural, '逾期', 6],
    ['延期 then 逾期: make-up Saturday 05-09', { extensionApprovedOn: '2026-03-08', extensionDeadline: '2026-04-30' }, '2026-05-09', S, '逾期', 4],
    [
      '延期 ignores a later explicit deadline',
      { explicitDeadline: '2026-06-30', extensionApprovedOn: '2026-03-08', extensionDeadline: '2026-04-30' },
      '2026-05-06',
      S,
      '逾期',
      1,
    ],
    ['an approval date without a plan deadline is not 延期', { extensionApprovedOn: '2026-03-08' }, '2026-03-20', S, '逾期', 13],
    // 2. closed
    ['按期办结: 落实反馈 on the deadline', { reportFinalOn: '2026-03-09', closedOn: '2026-03-12' }, '2026-03-20', S, '按期办结', 0],
    ['按期办结: 申请办结日 stands in for 落实反馈日', { appliedOn: '2026-03-08', closedOn: '2026-03-10' }, '2026-03-20', S, '按期办结', 0],
    ['按期办结 although node 1 was late', { report1On: '2026-03-05', reportFinalOn: '2026-03-06', closedOn: '2026-03-06' }, '2026-03-20', S, '按期办结', 0],
    ['逾期办结: 落实反馈 2 working days late', { reportFinalOn: '2026-03-11', closedOn: '2026-03-12' }, '2026-03-20', S, '逾期办结', 2],
    ['逾期办结: 落实反馈 over a weekend (自然日)', { reportFinalOn: '2026-03-16', closedOn: '2026-03-16' }, '2026-03-20', natural, '逾期办结', 7],
    ['逾期办结: no 落实反馈/申请办结, counted to 销号日期', { closedOn: '2026-03-13' }, '2026-03-20', S, '逾期办结', 4],
    ['逾期办结: no 落实 date although 销号 before the deadline', { closedOn: '2026-03-06' }, '2026-03-20', S, '逾期办结', 0],
    [
      'closed under a plan: on time',
      { extensionApprovedOn: '2026-03-08', extensionDeadline: '2026-04-30', reportFinalOn: '2026-04-28', closedOn: '2026-04-29' },
      '2026-05-20',
      S,
      '按期办结',
      0,
    ],
    [
      'closed under a plan: late',
      { extensionApprovedOn: '2026-03-08', extensionDeadline: '2026-04-30', reportFinalOn: '2026-05-06', closedOn: '2026-05-07' },
      '2026-05-20',
      S,
      '逾期办结',
      1,
    ],
    ['销号日期 rules whatever today is', { reportFinalOn: '2026-03-09', closedOn: '2026-03-12' }, '2026-03-05', S, '按期办结', 0],
  ];
  test.each(rows)('%s', (_name, patch, today, settings, status, days) => {
    const r = itemStatus(makeItem(patch), today, settings, cal);
    expect([r.status, r.overdueDays]).toEqual([status, days]);
  });

  test('node detail', () => {
    const r = itemStatus(makeItem({ report1On: '2026-03-05' }), '2026-03-08', S, cal);
    expect(r.deadline).toBe('2026-03-09');
    expect(r.nodes).toEqual([
      { key: '1', due: '2026-03-03', reportedOn: '2026-03-05', state: '逾期已报', overdueDays: 2 },
      { key: '3', due: '2026-03-05', reportedOn: null, state: '逾期', overdueDays: 1 },
      { key: 'F', due: '2026-03-09', reportedOn: null, state: '临近', overdueDays: 0 },
    ]);
    expect(itemStatus(makeItem({ assignedOn: null }), '2026-03-08', S, cal)).toEqual({ status: '未交办', overdueDays: 0, nodes: [], deadline: null });
  });

  test('counting mode feeds the dues: 工作日 mode moves the deadline to 03-11', () => {
    const s: Settings = { ...S, countingMode: '工作日' };
    const item = makeItem({ report1On: '2026-03-03', report3On: '2026-03-05' });
    expect(itemStatus(item, '2026-03-10', s, cal).status).toBe('临近');
    expect(itemStatus(item, '2026-03-10', S, cal).status).toBe('逾期');
  });
});

describe('missed(D) and open at D', () => {
  test.each<[string, Partial<LedgerItem>, string, number]>([
    ['not 交办', { assignedOn: null }, '2026-03-20', 0],
    ['due day itself is not missed yet', {}, '2026-03-03', 0],
    ['node 1 missed', {}, '2026-03-04', 1],
    ['nodes 1 and 3 missed', {}, '2026-03-06', 2],
    ['all three missed', {}, '2026-03-10', 3],
    ['a report after D still counts as missed at D', { report1On: '2026-03-05' }, '2026-03-04', 1],
    ['a late report given by D is not missed', { report1On: '2026-03-05' }, '2026-03-06', 1],
    ['申请办结日 counts for the final node', { report1On: '2026-03-03', report3On: '2026-03-05', appliedOn: '2026-03-09' }, '2026-03-20', 0],
    [
      '延期: the final node moves',
      { report1On: '2026-03-03', report3On: '2026-03-05', extensionApprovedOn: '2026-03-08', extensionDeadline: '2026-04-30' },
      '2026-04-30',
      0,
    ],
  ])('%s', (_n, patch, d, e) => {
    expect(missedReports(makeItem(patch), d, S, cal)).toBe(e);
  });

  test.each<[string | null, string | null, string, boolean]>([
    [null, null, '2026-03-10', false],
    ['2026-03-02', null, '2026-03-01', false],
    ['2026-03-02', null, '2026-03-02', true],
    ['2026-03-02', '2026-03-10', '2026-03-09', true],
    ['2026-03-02', '2026-03-10', '2026-03-10', false],
  ])('isOpenAt(交办 %p, 销号 %p, %s) = %p', (assignedOn, closedOn, d, e) => {
    expect(isOpenAt({ assignedOn, closedOn }, d)).toBe(e);
  });
});

describe('properties', () => {
  const day = (min: string, max: string) => fc.integer({ min: toDayNumber(min), max: toDayNumber(max) }).map(fromDayNumber);
  const optOffset = fc.option(fc.integer({ min: 0, max: 40 }), { nil: null });
  const openItemArb = fc
    .record({
      assignedOn: day('2025-01-01', '2026-12-20'),
      kind: fc.constantFrom<LedgerItem['kind']>('一般', '重大复杂'),
      r1: optOffset,
      r3: optOffset,
      rF: optOffset,
      applied: optOffset,
      explicit: optOffset,
      extension: fc.option(fc.integer({ min: 5, max: 90 }), { nil: null }),
    })
    .map((r) =>
      makeItem({
        assignedOn: r.assignedOn,
        kind: r.kind,
        report1On: r.r1 === null ? null : addCalendarDays(r.assignedOn, r.r1),
        report3On: r.r3 === null ? null : addCalendarDays(r.assignedOn, r.r3),
        reportFinalOn: r.rF === null ? null : addCalendarDays(r.assignedOn, r.rF),
        appliedOn: r.applied === null ? null : addCalendarDays(r.assignedOn, r.applied),
        explicitDeadline: r.explicit === null ? null : addCalendarDays(r.assignedOn, r.explicit),
        extensionApprovedOn: r.extension === null ? null : addCalendarDays(r.assignedOn, 3),
        extensionDeadline: r.extension === null ? null : addCalendarDays(r.assignedOn, r.extension),
      }),
    );
  const settingsArb = fc
    .record({
      countingMode: fc.constantFrom<Settings['countingMode']>('自然日顺延', '工作日', '自然日'),
      overdueCounting: fc.constantFrom<Settings['overdueCounting']>('工作日', '自然日'),
    })
    .map((p): Settings => ({ ...S, ...p }));

  // 延期 sits between 临近 and 逾期: an item under a plan is 延期 until the plan's deadline, then 逾期.
  const rank: Record<WarningStatus, number> = { 未交办: -1, 正常: 0, 临近: 1, 延期: 1, 逾期: 2, 按期办结: 9, 逾期办结: 9 };

  test('status is monotone in today for an open item; 逾期天数 non-decreasing', () => {
    fc.assert(
      fc.property(openItemArb, settingsArb, fc.integer({ min: -5, max: 120 }), fc.integer({ min: 0, max: 60 }), (item, s, a, gap) => {
        const t1 = addCalendarDays(item.assignedOn!, a);
        const t2 = addCalendarDays(t1, gap);
        const s1 = itemStatus(item, t1, s, cal);
        const s2 = itemStatus(item, t2, s, cal);
        if (item.extensionDeadline && !['延期', '逾期'].includes(s1.status)) return false;
        if (!item.extensionDeadline && s1.status === '延期') return false;
        return rank[s1.status] <= rank[s2.status] && s1.overdueDays <= s2.overdueDays && (s1.status === '逾期' || s1.overdueDays === 0);
      }),
    );
  });

  test('missedReports is within 0..3', () => {
    fc.assert(
      fc.property(openItemArb, settingsArb, fc.integer({ min: -5, max: 120 }), (item, s, a) => {
        const d = addCalendarDays(item.assignedOn!, a);
        const m = missedReports(item, d, s, cal);
        return m >= 0 && m <= 3;
      }),
    );
  });

  test('warningStatus and itemOverdueDays agree with itemStatus (open, closed and not-yet-交办 items; a clock passed in or not)', () => {
    fc.assert(
      fc.property(
        openItemArb,
        settingsArb,
        fc.integer({ min: -5, max: 120 }),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
        fc.boolean(),
        (item, s, a, c, started) => {
          const it = { ...item, assignedOn: started ? item.assignedOn : null, closedOn: c === null ? null : addCalendarDays(item.assignedOn!, c) };
          const today = addCalendarDays(item.assignedOn!, a);
          const full = itemStatus(it, today, s, cal);
          return (
            warningStatus(it, today, s, cal) === full.status &&
            warningStatus(it, today, s, cal, itemClock(it, s, cal)) === full.status &&
            itemOverdueDays(it, today, s, cal) === full.overdueDays
          );
        },
      ),
    );
  });

  test('closed items are 按期办结 or 逾期办结 whatever today is', () => {
    fc.assert(
      fc.property(openItemArb, settingsArb, fc.integer({ min: 0, max: 60 }), fc.integer({ min: -30, max: 60 }), (item, s, c, t) => {
        const closed = { ...item, closedOn: addCalendarDays(item.assignedOn!, c) };
        const r = itemStatus(closed, addCalendarDays(item.assignedOn!, t), s, cal);
        return r.status === '按期办结' ? r.overdueDays === 0 : r.status === '逾期办结';
      }),
    );
  });
});
