/**
 * 一报告两清单: 不落实 rules a–e, the 问责建议 ladder, the 问题清单 and the 不落实典型事项清单,
 * and the merges. Base item: 交办 Monday 2026-03-02, 一般 → dues 03-03 / 03-05 / 03-09.
 * Working days after 03-09 (for 逾期天数): 03-10…13 = 1…4, 03-16…20 = 5…9, 03-23 = 10, 03-24 = 11,
 * 04-07 = 20 (清明 04-04…06), 04-08 = 21, 04-21 = 30, 04-22 = 31, 06-04 = 60, 06-05 = 61
 * (劳动节 05-01…05, make-up Saturday 05-09 counts).
 */
import { createCalendar } from './calendar';
import {
  ACCOUNTABILITY_SUGGESTIONS,
  accountabilitySuggestion,
  buildIssueList,
  buildNonImplementationList,
  isNonImplementation,
  isOnIssueList,
  issueProblems,
  mergeIssueList,
  mergeNonImplementationList,
  nonImplementationClue,
  nonImplementationRules,
  type IssueRow,
  type NonImplementationFlags,
  type NonImplementationRow,
} from './lists';
import { defaultSettings, type Settings } from './settings';
import { marchLedger, marchPeople, marchRecords } from './testing/fixtures';
import { makeItem, makeRecord } from './testing/itemFactory';
import type { LedgerItem } from './types';

const cal = createCalendar();
const S = defaultSettings();
const natural: Settings = { ...S, overdueCounting: '自然日' };
const clean: Partial<LedgerItem> = { report1On: '2026-03-03', report3On: '2026-03-05' };
const none: NonImplementationFlags = { a: false, b: false, c: false, d: false, e: false };

describe('不落实 rules a–e', () => {
  type Row = [string, Partial<LedgerItem>, string, Settings, Partial<NonImplementationFlags>];
  test.each<Row>([
    // a) overdue more than 10 days, 落实 not done by D
    ['a: 10 working days overdue is not enough', clean, '2026-03-23', S, {}],
    ['a: 11 working days overdue', clean, '2026-03-24', S, { a: true }],
    ['a: 自然日, 10 days', clean, '2026-03-19', natural, {}],
    ['a: 自然日, 11 days', clean, '2026-03-20', natural, { a: true }],
    ['a: 落实 done late but by D', { ...clean, reportFinalOn: '2026-03-20' }, '2026-03-24', S, {}],
    ['a: 申请办结 by D counts as done', { ...clean, appliedOn: '2026-03-20' }, '2026-03-24', S, {}],
    ['a: 落实 reported after D', { ...clean, reportFinalOn: '2026-03-25' }, '2026-03-24', S, { a: true }],
    ['a: explicit deadline far away', { ...clean, explicitDeadline: '2026-04-30' }, '2026-03-24', S, {}],
    [
      'a: under a plan the plan deadline counts',
      { ...clean, extensionApprovedOn: '2026-03-08', extensionDeadline: '2026-03-12' },
      '2026-03-27',
      S,
      { a: true },
    ],
    // b) two or more missed reports
    ['b: one missed report', {}, '2026-03-05', S, {}],
    ['b: two missed reports', {}, '2026-03-06', S, { b: true }],
    ['b: a report given after D is missed at D', { report1On: '2026-03-07' }, '2026-03-06', S, { b: true }],
    ['b: three missed and a overdue', {}, '2026-03-24', S, { a: true, b: true }],
    // c) returns
    ['c: one return', { ...clean, returnCount: 1 }, '2026-03-06', S, {}],
    ['c: two returns', { ...clean, returnCount: 2 }, '2026-03-06', S, { c: true }],
    // d) still overdue 5 days after a 催办
    ['d: 4 working days after 催办', { lastUrgedOn: '2026-03-04', report3On: '2026-03-05' }, '2026-03-10', S, { b: true }],
    ['d: 5 working days after 催办 with a missed report', { lastUrgedOn: '2026-03-04', report3On: '2026-03-05' }, '2026-03-11', S, { d: true, b: true }],
    ['d: no missed report', { ...clean, reportFinalOn: '2026-03-09', lastUrgedOn: '2026-03-04' }, '2026-03-11', S, {}],
    ['d: 催办 after D', { report3On: '2026-03-05', lastUrgedOn: '2026-03-12' }, '2026-03-11', S, { b: true }],
    ['d: 自然日, 5 days', { report3On: '2026-03-05', lastUrgedOn: '2026-03-04' }, '2026-03-09', natural, { d: true }],
    // e) flagged by the office
    ['e: 敷衍推诿 before D', { ...clean, perfunctoryOn: '2026-03-06' }, '2026-03-06', S, { e: true }],
    ['e: 敷衍推诿 after D', { ...clean, perfunctoryOn: '2026-03-06' }, '2026-03-05', S, {}],
    ['e: 弄虚作假', { ...clean, falsifiedOn: '2026-03-06' }, '2026-03-06', S, { e: true }],
    [
      'not 交办: only the counters and flags can hold',
      { assignedOn: null, returnCount: 3, perfunctoryOn: '2026-03-01' },
      '2026-03-24',
      S,
      { c: true, e: true },
    ],
  ])('%s', (_n, patch, d, settings, expected) => {
    expect(nonImplementationRules(makeItem(patch), d, settings, cal)).toEqual({ ...none, ...expected });
  });

  test.each<[string, Partial<LedgerItem>, string, boolean]>([
    ['open and a rule holds', { returnCount: 2 }, '2026-03-06', true],
    ['open, no rule', clean, '2026-03-06', false],
    ['closed by D', { returnCount: 2, falsifiedOn: '2026-03-03', closedOn: '2026-03-06' }, '2026-03-06', false],
    ['closed after D', { returnCount: 2, closedOn: '2026-03-07' }, '2026-03-06', true],
    ['not 交办', { assignedOn: null, returnCount: 2 }, '2026-03-06', false],
    ['交办 after D', { assignedOn: '2026-03-10', returnCount: 2 }, '2026-03-06', false],
  ])('isNonImplementation: %s', (_n, patch, d, e) => {
    expect(isNonImplementation(makeItem(patch), d, S, cal)).toBe(e);
  });

  test('thresholds are settings', () => {
    const s: Settings = { ...S, nonImplementation: { overdueDays: 3, missedReports: 1, returns: 5, daysAfterUrge: 1 } };
    expect(nonImplementationRules(makeItem({ ...clean, returnCount: 2, lastUrgedOn: '2026-03-12' }), '2026-03-13', s, cal)).toEqual({
      a: true,
      b: true,
      c: false,
      d: true,
      e: false,
    });
  });
});

describe('问责建议 ladder', () => {
  test('the four steps, mildest first', () => {
    expect(ACCOUNTABILITY_SUGGESTIONS).toEqual(['责令书面检查', '通报批评', '督查约谈', '提交纪检监察/组织部门']);
  });

  type Row = [string, Partial<LedgerItem>, string, string | null];
  test.each<Row>([
    ['not on the list', clean, '2026-03-06', null],
    ['closed', { returnCount: 5, closedOn: '2026-03-06' }, '2026-03-06', null],
    ['1 责令书面检查: one rule (c)', { ...clean, returnCount: 2 }, '2026-03-06', '责令书面检查'],
    ['1 责令书面检查: a with 20 days overdue', clean, '2026-04-07', '责令书面检查'],
    ['2 通报批评: 21 days overdue', clean, '2026-04-08', '通报批评'],
    ['2 通报批评: two rules (b, c)', { returnCount: 2 }, '2026-03-06', '通报批评'],
    ['2 通报批评: 敷衍推诿 alone', { ...clean, perfunctoryOn: '2026-03-05' }, '2026-03-06', '通报批评'],
    ['2 通报批评: 30 days overdue', clean, '2026-04-21', '通报批评'],
    ['3 督查约谈: 31 days overdue', clean, '2026-04-22', '督查约谈'],
    ['3 督查约谈: three rules (b, c, e)', { returnCount: 2, perfunctoryOn: '2026-03-05' }, '2026-03-06', '督查约谈'],
    ['3 督查约谈: 60 days overdue', clean, '2026-06-04', '督查约谈'],
    ['4 提交: 61 days overdue', clean, '2026-06-05', '提交纪检监察/组织部门'],
    ['4 提交: 弄虚作假', { ...clean, falsifiedOn: '2026-03-05' }, '2026-03-06', '提交纪检监察/组织部门'],
    ['4 提交: 弄虚作假 beats everything', { returnCount: 3, falsifiedOn: '2026-03-05', perfunctoryOn: '2026-03-05' }, '2026-03-06', '提交纪检监察/组织部门'],
    ['overdue counted although 落实 was reported (literal reading)', { ...clean, reportFinalOn: '2026-04-20', returnCount: 2 }, '2026-04-22', '督查约谈'],
  ])('%s', (_n, patch, d, e) => {
    expect(accountabilitySuggestion(makeItem(patch), d, S, cal)).toBe(e);
  });

  test('thresholds are settings; 自然日 counting', () => {
    const s: Settings = { ...S, accountability: { criticiseOverdue: 5, interviewOverdue: 8, referOverdue: 12 } };
    // 03-24: 11 working days overdue (a)
    expect(accountabilitySuggestion(makeItem(clean), '2026-03-24', s, cal)).toBe('督查约谈');
    expect(accountabilitySuggestion(makeItem(clean), '2026-03-23', { ...s, nonImplementation: { ...S.nonImplementation, overdueDays: 9 } }, cal)).toBe(
      '督查约谈',
    );
    // 自然日: 03-30 is 21 days after 03-09
    expect(accountabilitySuggestion(makeItem(clean), '2026-03-30', natural, cal)).toBe('通报批评');
    expect(accountabilitySuggestion(makeItem(clean), '2026-03-29', natural, cal)).toBe('责令书面检查');
  });
});

describe('问题清单', () => {
  test.each<[string, Partial<LedgerItem>, string, boolean, string[]]>([
    ['no problem', clean, '2026-03-06', false, []],
    ['node 1 missed', {}, '2026-03-04', true, ['1天反馈逾期未报']],
    ['nodes 1, 3 and F missed', {}, '2026-03-10', true, ['1天反馈逾期未报', '3天反馈逾期未报', '落实反馈逾期未报']],
    ['returned once', { ...clean, returnCount: 1 }, '2026-03-06', true, ['被退回1次']],
    ['3天 missed and returned twice', { report1On: '2026-03-03', returnCount: 2 }, '2026-03-06', true, ['3天反馈逾期未报', '被退回2次']],
    ['closed items are not listed', { returnCount: 1, closedOn: '2026-03-05' }, '2026-03-06', false, ['1天反馈逾期未报', '3天反馈逾期未报', '被退回1次']],
  ])('%s', (_n, patch, d, listed, problems) => {
    expect(isOnIssueList(makeItem(patch), d, S, cal)).toBe(listed);
    expect(issueProblems(makeItem(patch), d, S, cal)).toEqual(problems);
  });

  // 整改期限 = 5 working days after 03-31: 04-01, 04-02, 04-03, (清明 04-04…06), 04-07, 04-08
  const expected: IssueRow[] = [
    {
      seq: 1,
      itemId: 'A2',
      content: '更换学生公寓路灯（3天反馈逾期未报；落实反馈逾期未报；被退回2次）',
      section: '工程管理科',
      responsible: '张科长',
      rectifyBy: '2026-04-08',
      status: '逾期',
    },
    {
      seq: 2,
      itemId: 'A4',
      content: '食堂油烟管道清洗（3天反馈逾期未报）',
      section: '工程管理科',
      responsible: '李副主任',
      rectifyBy: '2026-04-08',
      status: '逾期',
    },
    {
      seq: 3,
      itemId: 'B2',
      content: '校园供水管网改造（落实反馈逾期未报）',
      section: '物业管理科',
      responsible: '赵副主任',
      rectifyBy: '2026-04-08',
      status: '逾期',
    },
  ];

  test('the March ledger at 03-31', () => {
    expect(buildIssueList(marchLedger, '2026-03-31', S, cal, marchPeople, S.director)).toEqual(expected);
  });

  test('responsible by 交办层级; unknown section → empty names; the director for university items', () => {
    const items = [
      makeItem({ id: 'X1', level: '校党委、行政交办', section: '无名科', returnCount: 1 }),
      makeItem({ id: 'X2', level: '中心党总支、中心交办', returnCount: 1 }),
      makeItem({ id: 'X3', level: '台账其他任务', returnCount: 1 }),
    ];
    const rows = buildIssueList(items, '2026-03-02', S, cal, marchPeople, '周主任');
    expect(rows.map((r) => r.responsible)).toEqual(['', '张科长', '李副主任']);
    // 整改期限 from Monday 03-02: 03-03 … 03-09
    expect(rows[0].rectifyBy).toBe('2026-03-09');
    expect(rows[0].status).toBe('临近');
  });

  test('merge keeps hand rows and an issued / edited 整改期限, drops items no longer listed', () => {
    const previous: IssueRow[] = [
      { ...expected[0], seq: 1, rectifyBy: '2026-04-15', content: '旧内容' },
      { seq: 2, itemId: 'A9', content: '已整改事项（被退回1次）', section: '工程管理科', responsible: '', rectifyBy: '2026-03-20', status: '逾期' },
      { seq: 3, itemId: '', content: '食堂卫生检查发现后厨地面湿滑', section: '饮食服务科', responsible: '孙科长', rectifyBy: '2026-04-03', status: '' },
      {
        seq: 4,
        itemId: 'A1',
        content: '路灯验收资料不全（督查组补充）',
        section: '工程管理科',
        responsible: '张科长',
        rectifyBy: '2026-04-10',
        status: '按期办结',
        manual: true,
      },
      { ...expected[2], seq: 5, rectifyBy: '' },
    ];
    expect(mergeIssueList(expected, previous)).toEqual([
      { ...expected[0], rectifyBy: '2026-04-15' },
      expected[1],
      expected[2],
      { ...previous[2], seq: 4 },
      { ...previous[3], seq: 5 },
    ]);
  });

  test('merge with no previous list is the generated list', () => {
    expect(mergeIssueList(expected, [])).toEqual(expected);
  });
});

describe('不落实典型事项清单', () => {
  const expected: NonImplementationRow[] = [
    {
      seq: 1,
      itemId: 'A2',
      section: '工程管理科',
      // 逾期天数 from the earliest overdue node (3天, due 03-19): 8 working days to 03-31, not the
      // 6 past 办结时限 (03-23) — the figure the 台账 column, the report and the pane show.
      clue: '「更换学生公寓路灯」：已逾期8个工作日（办结时限2026-03-23）；漏报2次（3天反馈、落实反馈）；被退回2次（最近一次：未见整改照片）；催办1次（最近2026-03-24，已过5个工作日）',
      suggestion: '督查约谈',
    },
    {
      seq: 2,
      itemId: 'B2',
      section: '物业管理科',
      clue: '「校园供水管网改造」：已逾期19个工作日（办结时限2026-03-04）；漏报1次（落实反馈）；2026-03-15认定弄虚作假',
      suggestion: '提交纪检监察/组织部门',
    },
  ];

  test('the March ledger at 03-31', () => {
    expect(buildNonImplementationList(marchLedger, marchRecords, '2026-03-31', S, cal)).toEqual(expected);
  });

  test('clue facts: 自然日, 催办 count without a date, 敷衍推诿, no 退回 record', () => {
    const item = makeItem({ content: '维修', returnCount: 2, urgeCount: 3, perfunctoryOn: '2026-03-20' });
    expect(nonImplementationClue(item, [makeRecord({ itemId: 'other', content: '别的事项' })], '2026-03-24', natural, cal)).toBe(
      // 自然日: 21 days from the 1天 node (03-03), labelled 天.
      '「维修」：已逾期21天（办结时限2026-03-09）；漏报3次（1天反馈、3天反馈、落实反馈）；被退回2次；催办3次；2026-03-20认定敷衍推诿',
    );
  });

  test('merge keeps the office override and hand rows; recomputes the rest', () => {
    const previous: NonImplementationRow[] = [
      { ...expected[0], suggestion: '通报批评', override: true },
      { ...expected[1], suggestion: '督查约谈' },
      { seq: 3, itemId: '', section: '饮食服务科', clue: '群众反映食堂问题久拖不决', suggestion: '督查约谈' },
    ];
    expect(mergeNonImplementationList(expected, previous)).toEqual([
      { ...expected[0], suggestion: '通报批评', override: true },
      expected[1],
      { ...previous[2], seq: 3 },
    ]);
  });

  test('an override equal to the computed step stays marked; a blank override is ignored', () => {
    const previous: NonImplementationRow[] = [
      { ...expected[0], override: true },
      { ...expected[1], suggestion: ' ', override: true },
    ];
    expect(mergeNonImplementationList(expected, previous)).toEqual([{ ...expected[0], override: true }, expected[1]]);
  });
});
