/**
 * The wording of 逾期天数 (docs/rules.md): one figure per item, always with the unit that 设置
 * 逾期天数计法 names. 督查报告, 不落实清单 and the task pane word it through src/domain/overdueText.ts,
 * which reads these entries, so no page can label working days as 天.
 */
export const overdue = {
  /** the unit of each 逾期天数计法 */
  unit: { 工作日: '个工作日', 自然日: '天' },
  /** 「105个工作日」 */
  span: (days: number, unit: string): string => `${days}${unit}`,
  /** 「逾期105个工作日」 (the pane's badge) */
  label: (days: number, unit: string): string => `逾期${days}${unit}`,
} as const;
