/**
 * 逾期天数 as words. The figure is always itemOverdueDays / ItemStatus.overdueDays (status.ts, the
 * same rule as the workbook's 逾期天数 column); these helpers only add the unit 设置 逾期天数计法
 * names. The 督查报告, the 不落实清单 and the pane all call them, so one item never shows three
 * figures in two units (issue #13, item 7).
 */
import { overdue } from '../i18n/overdue';
import type { OverdueCounting } from './types';

/** 「个工作日」 or 「天」. */
export function overdueUnit(counting: OverdueCounting): string {
  return overdue.unit[counting];
}

/** 「105个工作日」. */
export function overdueSpan(days: number, counting: OverdueCounting): string {
  return overdue.span(days, overdueUnit(counting));
}

/** 「逾期105个工作日」. */
export function overdueLabel(days: number, counting: OverdueCounting): string {
  return overdue.label(days, overdueUnit(counting));
}
