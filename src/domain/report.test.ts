/**
 * 督查报告 figures on a small hand-built ledger: the March 2026 ledger of testing/fixtures plus
 * B3 (延期), B4 (临近), C1 (立项 after the period) and C2 (交办 after the period).
 * Period 2026-03-01 … 2026-03-31, 今天 2026-04-10 → the report stands at 2026-03-31.
 *
 * In scope: A1 (closed 03-10, 按期), A2 (open, 逾期), A3 (open at 03-31: 销号 04-02; 正常),
 * A4 (open, 逾期), A5 (not 交办), B1 (closed 03-20, 逾期办结), B2 (open, 逾期), B3 (open, 延期),
 * B4 (open, 临近: deadline 04-01), C2 (not 交办 by 03-31). Out: A6 (销号 02-10), C1 (立项 04-05).
 * Node reports due in March: A 9 (5 on time), B1 3 (2), B2 1 (0), B3 2 (1: due1 03-03 ✓, due3
 * 03-05 ✗), B4 2 (2: due1 03-26, due3 03-28 → 03-30) → 17 due, 10 on time.
 */
import { createCalendar } from './calendar';
import { buildReport, defaultSuggestions, mainProblemSentences, reportBucket, type SourceBreakdown } from './report';
import { defaultSettings } from './settings';
import { marchLedger, marchPeople, marchRecords, SECTION_A as A, SECTION_B as B, SECTION_C as C } from './testing/fixtures';
import { makeItem } from './testing/itemFactory';
import { SOURCE_CATEGORIES } from './types';

const cal = createCalendar();
const S = defaultSettings();

const ledger = [
  ...marchLedger,
  makeItem({
    id: 'B3',
    section: B,
    source: '学校重点工作、重点建设项目',
    content: '浴室改造',
    assignedOn: '2026-03-02',
    report1On: '2026-03-03',
    extensionApprovedOn: '2026-03-06',
    extensionDeadline: '2026-05-29',
  }),
  makeItem({ id: 'B4', section: B, content: '宿舍空调检修', assignedOn: '2026-03-25', report1On: '2026-03-26', report3On: '2026-03-30' }),
  makeItem({ id: 'C1', section: C, registeredOn: '2026-04-05', assignedOn: null }),
  makeItem({ id: 'C2', section: C, registeredOn: '2026-03-30', assignedOn: '2026-04-02' }),
];

const input = {
  items: ledger,
  records: marchRecords,
  period: { from: '2026-03-01', to: '2026-03-31' },
  asOf: '2026-04-10',
  settings: S,
  cal,
  sections: [A, B, C],
  people: marchPeople,
};

describe('督查报告, March 2026', () => {
  const r = buildReport(input);

  test('总体情况', () => {
    expect(r.asOf).toBe('2026-03-31');
    expect(r.totals).toEqual({ items: 10, open: 6, closed: 2, onTimeClosed: 1, overdue: 3, near: 1, extended: 1, notAssigned: 2 });
    expect(r.onTimeClosureRate).toBe(0.5);
    expect([r.reportsOnTime, r.reportsDue]).toEqual([10, 17]);
    expect(r.feedbackTimelinessRate).toBe(10 / 17);
  });

  test('by section', () => {
    expect(r.bySection).toEqual([
      {
        section: A,
        items: 5,
        open: 3,
        closed: 1,
        onTimeClosed: 1,
        overdue: 2,
        near: 0,
        extended: 0,
        notAssigned: 1,
        onTimeClosureRate: 1,
        feedbackTimelinessRate: 5 / 9,
        reportsDue: 9,
        reportsOnTime: 5,
      },
      {
        section: B,
        items: 4,
        open: 3,
        closed: 1,
        onTimeClosed: 0,
        overdue: 1,
        near: 1,
        extended: 1,
        notAssigned: 0,
        onTimeClosureRate: 0,
        feedbackTimelinessRate: 5 / 8,
        reportsDue: 8,
        reportsOnTime: 5,
      },
      {
        section: C,
        items: 1,
        open: 0,
        closed: 0,
        onTimeClosed: 0,
        overdue: 0,
        near: 0,
        extended: 0,
        notAssigned: 1,
        onTimeClosureRate: null,
        feedbackTimelinessRate: null,
        reportsDue: 0,
        reportsOnTime: 0,
      },
    ]);
  });

  test('by source: the ten categories in SPEC order', () => {
    expect(r.bySource.map((s) => s.source)).toEqual([...SOURCE_CATEGORIES]);
    const zero = {
      items: 0,
      open: 0,
      closed: 0,
      onTimeClosed: 0,
      overdue: 0,
      near: 0,
      extended: 0,
      notAssigned: 0,
      onTimeClosureRate: null,
      feedbackTimelinessRate: null,
      reportsDue: 0,
      reportsOnTime: 0,
    };
    const expected: Record<string, Omit<SourceBreakdown, 'source'>> = {
      '学校重点工作、重点建设项目': { ...zero, items: 1, open: 1, extended: 1, feedbackTimelinessRate: 0.5, reportsDue: 2, reportsOnTime: 1 },
      '巡视、巡察、审计整改问题': {
        ...zero,
        items: 2,
        open: 1,
        closed: 1,
        overdue: 1,
        onTimeClosureRate: 0,
        feedbackTimelinessRate: 0.5,
        reportsDue: 4,
        reportsOnTime: 2,
      },
      后勤中心各类会议决议: {
        ...zero,
        items: 7,
        open: 4,
        closed: 1,
        onTimeClosed: 1,
        overdue: 2,
        near: 1,
        notAssigned: 2,
        onTimeClosureRate: 1,
        feedbackTimelinessRate: 7 / 11,
        reportsDue: 11,
        reportsOnTime: 7,
      },
    };
    for (const s of r.bySource) expect(s).toEqual({ source: s.source, ...(expected[s.source] ?? zero) });
  });

  test('the two lists at 03-31', () => {
    expect(r.issueList.map((x) => [x.itemId, x.status, x.content])).toEqual([
      ['A2', '逾期', '更换学生公寓路灯（3天反馈逾期未报；落实反馈逾期未报；被退回2次）'],
      ['A4', '逾期', '食堂油烟管道清洗（3天反馈逾期未报）'],
      ['B2', '逾期', '校园供水管网改造（落实反馈逾期未报）'],
      ['B3', '延期', '浴室改造（3天反馈逾期未报）'],
    ]);
    expect(r.nonImplementationList.map((x) => [x.itemId, x.suggestion])).toEqual([
      ['A2', '督查约谈'],
      ['B2', '提交纪检监察/组织部门'],
    ]);
  });

  test('主要问题', () => {
    expect(r.mainProblems).toEqual([
      '截至2026-03-31，问题清单共4项，其中3项事项逾期、4项事项漏报节点反馈、1项事项被退回；不落实典型事项2项。',
      // A2: node 3 due 03-19 → (03-19, 03-31] = 8 working days; A4: node 3 due 03-27 → 2
      '工程管理科有2项事项逾期（最长逾期8个工作日），问题清单共2项，其中漏报节点反馈2项、被退回1项；1项列入不落实典型事项清单（A2）。',
      // B2: deadline 03-04 → 19 working days
      '物业管理科有1项事项逾期（最长逾期19个工作日），问题清单共2项，其中漏报节点反馈2项；1项列入不落实典型事项清单（B2）。',
    ]);
  });

  test('督查建议', () => {
    expect(r.suggestions).toEqual([
      '严格落实“13710”工作制度：承办科室1天内研究部署、3天内反馈初步落实情况、一般性工作7天内落实解决、重大复杂问题1个月内落实解决，各节点反馈须经分管领导审签后报党政办公室（运行监督科）。',
      '本期节点反馈及时率为58.8%，各科室要按时间节点报送，杜绝漏报、迟报。',
      '对问题清单所列4项问题，整改责任科室要在整改期限（5个工作日）内整改到位并书面反馈，党政办公室（运行监督科）跟踪督办、销号清零。',
      '对列入不落实典型事项清单的2项事项，按问责建议提交分管领导审定后实施，情节较重的按规定提交学校纪检监察部门、组织部门。',
      '对1项延期事项，承办科室要按经批准的解决方案时间节点推进，并按月反馈进展情况。',
      '督查结果纳入科室月度考核，作为科室年度考核、人员评优的重要依据。',
    ]);
  });
});

describe('other periods and pieces', () => {
  test('a report mid-period stands at 今天; a period with nothing closed has no 按期办结率', () => {
    const r = buildReport({ ...input, period: { from: '2026-03-21', to: '2026-04-30' }, asOf: '2026-03-24' });
    expect(r.asOf).toBe('2026-03-24');
    // Out: A1, A6, B1 (closed before 03-21), C1 and C2 (立项 after 03-24). Open: A2 (逾期), A3 (正常),
    // B2 (逾期), B3 (延期). Not 交办 by 03-24 but 立项 (03-02): A4, B4 (交办 03-25), A5.
    expect(r.totals).toEqual({ items: 7, open: 4, closed: 0, onTimeClosed: 0, overdue: 2, near: 0, extended: 1, notAssigned: 3 });
    expect(r.onTimeClosureRate).toBeNull();
    // dues in [03-21, 03-24) … A2 F 03-23 ✗, A3 F 03-23 ✓ → 1 of 2
    expect([r.reportsOnTime, r.reportsDue]).toEqual([1, 2]);
  });

  test('a clean ledger: one reassuring sentence and the standing suggestions only', () => {
    const items = [
      makeItem({
        report1On: '2026-03-03',
        report3On: '2026-03-05',
        reportFinalOn: '2026-03-09',
        appliedOn: '2026-03-09',
        closedOn: '2026-03-10',
        grade: '良好',
      }),
    ];
    const r = buildReport({ ...input, items, records: [] });
    expect(r.totals).toEqual({ items: 1, open: 0, closed: 1, onTimeClosed: 1, overdue: 0, near: 0, extended: 0, notAssigned: 0 });
    expect([r.onTimeClosureRate, r.feedbackTimelinessRate]).toEqual([1, 1]);
    expect(r.mainProblems).toEqual(['截至2026-03-31，督办事项均按“13710”时间节点推进，未发现逾期、漏报或退回等问题。']);
    expect(r.suggestions).toHaveLength(2);
  });

  test('sections not listed are appended in ledger order', () => {
    const r = buildReport({ ...input, sections: [B] });
    expect(r.bySection.map((s) => s.section)).toEqual([B, A, C]);
  });

  test.each<[string, Parameters<typeof makeItem>[0], string | null]>([
    ['closed before the period', { closedOn: '2026-02-27' }, null],
    ['closed in the period', { closedOn: '2026-03-05' }, 'closed'],
    ['closed after the end', { closedOn: '2026-04-05' }, 'open'],
    ['交办 after the end, 立项 before', { assignedOn: '2026-04-02', registeredOn: '2026-03-30' }, 'notAssigned'],
    ['not 交办, 立项 after the end', { assignedOn: null, registeredOn: '2026-04-02' }, null],
    ['not 交办, no 立项日期', { assignedOn: null, registeredOn: null }, 'notAssigned'],
  ])('reportBucket: %s', (_n, patch, e) => {
    expect(reportBucket(makeItem(patch), '2026-03-01', '2026-03-31')).toBe(e);
  });

  test('hand rows are counted in the suggestion, not in the sentences', () => {
    const hand = { seq: 9, itemId: '', content: '手工问题', section: C, responsible: '', rectifyBy: '2026-04-08', status: '' as const, manual: true };
    expect(mainProblemSentences('2026-03-31', [C], [], [hand], [], S, cal)).toEqual([
      '截至2026-03-31，督办事项均按“13710”时间节点推进，未发现逾期、漏报或退回等问题。',
    ]);
    const totals = { items: 0, open: 0, closed: 0, onTimeClosed: 0, overdue: 0, near: 0, extended: 0, notAssigned: 0 };
    expect(defaultSuggestions(totals, null, [hand], [], S)[1]).toBe(
      '对问题清单所列1项问题（其中1项由督查组补充），整改责任科室要在整改期限（5个工作日）内整改到位并书面反馈，党政办公室（运行监督科）跟踪督办、销号清零。',
    );
  });
});
