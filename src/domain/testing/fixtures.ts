/**
 * Shared hand-built ledgers for the scoring, lists and report tests (figures worked out by hand
 * in those tests). Default settings: 自然日顺延, 逾期天数 in 工作日.
 */
import type { FeedbackRecord, LedgerItem, SectionPeople } from '../types';
import { makeItem, makeRecord } from './itemFactory';

export const SECTION_A = '工程管理科';
export const SECTION_B = '物业管理科';
export const SECTION_C = '饮食服务科';
const A = SECTION_A;
const B = SECTION_B;

/*
 * The March 2026 ledger. With 自然日顺延 (03-01 is a Sunday):
 * A1 交办 03-02 一般: dues 03-03 / 03-05 / 03-09, all reported on time, 销号 03-10, 优秀.
 * A2 交办 03-16 一般: dues 03-17 / 03-19 / 03-23; 1天 reported late 03-18, nothing else; 退回 2
 *    (records 03-20, 03-25); 催办 03-24. At 03-31: missed 2 (b), returns 2 (c), 催办 5 working days
 *    ago with a missed report (d); overdue (03-23, 03-31] = 6 working days (not a) → 督查约谈.
 * A3 交办 02-20 (春节) 重大复杂: dues 02-24 / 02-24 / 03-23 (03-22 is a Sunday); all on time
 *    (落实 03-20); 销号 04-02 with 良好 (after the month).
 * A4 交办 03-25, explicit 完成时限 04-30: dues 03-26 / 03-27; 1天 on time, 3天 missing.
 * A5 not 交办. A6 交办 01-05, 申请办结 02-09, 销号 02-10 (before the month).
 * B1 交办 03-09 一般: dues 03-10 / 03-12 / 03-16; 1, 3 on time, 落实 03-17 (late); 销号 03-20, 合格.
 * B2 交办 02-02 重大复杂: dues 02-03 / 02-05 / 03-04; 1, 3 on time, no 落实; 弄虚作假 03-15.
 *    At 03-31 overdue (03-04, 03-31] = 19 working days (a), 弄虚作假 (e) → 提交纪检监察/组织部门.
 * C has no items.
 */
export const marchLedger: LedgerItem[] = [
  makeItem({
    id: 'A1',
    section: A,
    assignedOn: '2026-03-02',
    report1On: '2026-03-03',
    report3On: '2026-03-05',
    reportFinalOn: '2026-03-09',
    closedOn: '2026-03-10',
    grade: '优秀',
  }),
  makeItem({
    id: 'A2',
    section: A,
    level: '校党委、行政交办',
    content: '更换学生公寓路灯',
    assignedOn: '2026-03-16',
    report1On: '2026-03-18',
    returnCount: 2,
    urgeCount: 1,
    lastUrgedOn: '2026-03-24',
  }),
  makeItem({
    id: 'A3',
    section: A,
    kind: '重大复杂',
    assignedOn: '2026-02-20',
    report1On: '2026-02-24',
    report3On: '2026-02-24',
    reportFinalOn: '2026-03-20',
    appliedOn: '2026-03-20',
    closedOn: '2026-04-02',
    grade: '良好',
  }),
  makeItem({ id: 'A4', section: A, content: '食堂油烟管道清洗', assignedOn: '2026-03-25', explicitDeadline: '2026-04-30', report1On: '2026-03-26' }),
  makeItem({ id: 'A5', section: A, assignedOn: null }),
  makeItem({
    id: 'A6',
    section: A,
    assignedOn: '2026-01-05',
    report1On: '2026-01-06',
    report3On: '2026-01-08',
    appliedOn: '2026-02-09',
    closedOn: '2026-02-10',
    grade: '优秀',
  }),
  makeItem({
    id: 'B1',
    section: B,
    source: '巡视、巡察、审计整改问题',
    assignedOn: '2026-03-09',
    report1On: '2026-03-10',
    report3On: '2026-03-12',
    reportFinalOn: '2026-03-17',
    appliedOn: '2026-03-17',
    closedOn: '2026-03-20',
    grade: '合格',
  }),
  makeItem({
    id: 'B2',
    section: B,
    source: '巡视、巡察、审计整改问题',
    content: '校园供水管网改造',
    kind: '重大复杂',
    assignedOn: '2026-02-02',
    report1On: '2026-02-03',
    report3On: '2026-02-05',
    falsifiedOn: '2026-03-15',
  }),
];
export const marchPeople: SectionPeople[] = [
  { section: A, chief: '张科长', deputy: '李副主任' },
  { section: B, chief: '王科长', deputy: '赵副主任' },
];

export const marchRecords: FeedbackRecord[] = [
  makeRecord({ itemId: 'A2', type: '退回', date: '2026-03-20', content: '材料不全' }),
  makeRecord({ itemId: 'A2', type: '退回', date: '2026-03-25', content: '未见整改照片' }),
  makeRecord({ itemId: 'A1', type: '退回', date: '2026-02-25' }),
  makeRecord({ itemId: 'A2', type: '催办', date: '2026-03-24' }),
  makeRecord({ itemId: 'ZZ', type: '退回', date: '2026-03-10' }),
];
