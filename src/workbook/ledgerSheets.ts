/**
 * The worksheets a complete 13710 ledger workbook has, in tab order. The status card checks
 * each one; 初始化台账 (later) creates the missing ones.
 */
export const LEDGER_SHEETS = [
  '台账',
  '反馈记录',
  '科室人员',
  '日历',
  '设置',
  '月度考核',
  '问题清单',
  '不落实清单',
  '督查报告',
  '操作日志',
] as const;

export type LedgerSheetName = (typeof LEDGER_SHEETS)[number];
