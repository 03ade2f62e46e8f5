/**
 * Every number and rule of docs/rules.md as a setting. The workbook's 设置 sheet holds the same
 * values; the domain core never hard-codes them. `defaultSettings()` returns the SPEC defaults.
 */
import type { CountingMode, Grade, OverdueCounting } from './types';

export interface Settings {
  /** 计时方式 */
  countingMode: CountingMode;
  /** 逾期天数计法 */
  overdueCounting: OverdueCounting;
  /** 13710 node lengths, in days of `countingMode` */
  nodeDays: { node1: number; node3: number; general: number; major: number };
  /** 临近 thresholds: calendar days before the due date */
  warnDays: { node1: number; node3: number; general: number; major: number };
  /** 月度考核 weights (sum 100 by default) */
  weights: { volume: number; feedback: number; progress: number; effect: number; closure: number };
  /** 落实效果: share of the weight per grade, in percent */
  gradeRates: Record<Grade, number>;
  /** 月度考核 deductions, points each */
  deductions: { nonImplementation: number; returned: number; missedReport: number; falsified: number };
  /** 月度考核: at most this many points are deducted in a month (扣分上限), so that 总分 still tells
   * large sections apart instead of flooring them all at 0 */
  deductionCap: number;
  /** 不落实典型事项 rules */
  nonImplementation: { overdueDays: number; missedReports: number; returns: number; daysAfterUrge: number };
  /** 问责建议 ladder thresholds (overdue days) */
  accountability: { criticiseOverdue: number; interviewOverdue: number; referOverdue: number };
  /** 问题清单 整改期限: working days after the round's date */
  rectifyWorkdays: number;
  /** 中心主任 (第一责任人 for items 交办 by the university) */
  director: string;
  /** Extra holidays / workdays typed into 日历 by the user (override chinese-days) */
  extraHolidays: string[];
  extraWorkdays: string[];
}

export function defaultSettings(): Settings {
  return {
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
  };
}
