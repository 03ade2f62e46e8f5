/**
 * The names of the ledger's sheets (each table has the name of its sheet): the one source code
 * names them through. The schema (schema/) says what each holds; the README's "The sheets" says
 * what each is for.
 */
import { rounds } from '../i18n/rounds';

export const SHEET = {
  ledger: '台账',
  records: '反馈记录',
  people: '科室人员',
  calendar: '日历',
  settings: '设置',
  scores: '月度考核',
  scoreDetail: '考核明细',
  issues: '问题清单',
  nonImplementation: '不落实清单',
  report: '督查报告',
  log: '操作日志',
  archive: rounds.freezeSheet,
  dashboard: rounds.dashboardSheet,
} as const satisfies Record<string, string>;

export type SheetName = (typeof SHEET)[keyof typeof SHEET];
