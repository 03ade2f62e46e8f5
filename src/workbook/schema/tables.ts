/**
 * 反馈记录, 科室人员, 日历, 操作日志, the two lists and 督查报告: the sheets besides 台账, 设置 and 月度考核.
 */
import { workbook as t } from '../../i18n/workbook';
import { LEDGER_SHEETS } from '../ledgerSheets';
import { RECORD_TYPES } from '../../domain/types';
import {
  CALENDAR_DUE_COLUMNS,
  calendarDueFormula,
  calendarIndexFormula,
  calendarNextWorkdayFormula,
  calendarNthWorkdayFormula,
  recordSectionFormula,
} from '../formulas';
import { dateInput, input, list } from './columns';
import { DATE_FORMAT, type CellSpec, type ColumnSpec, type SheetSpec } from './types';
import { SHEET } from '../sheetNames';

const msg = t.input;

export const RECORD_COLUMNS: readonly ColumnSpec[] = [
  input('编号', 13, { inputMessage: msg.编号 }),
  { header: '科室', kind: 'formula', width: 18, formula: recordSectionFormula, locked: true },
  input('类型', 10, { validation: list(RECORD_TYPES), inputMessage: msg.记录类型 }),
  dateInput('日期', msg.记录日期),
  input('内容', 40, { wrap: true }),
  input('审签人', 10),
  dateInput('审签日期', msg.反馈日),
  // the add-in's key for retries: hidden, as on 台账 (the clerk reads the lines, not the ids)
  input('操作ID', 14, { hidden: true }),
];

export const PEOPLE_COLUMNS: readonly ColumnSpec[] = [input('科室', 26), input('科长', 10), input('分管副职', 10), input('备注', 30)];

export const CALENDAR_COLUMNS: readonly ColumnSpec[] = [
  input('日期', 12, { numFmt: DATE_FORMAT }),
  input('工作日', 8, {
    numFmt: '0',
    validation: { type: 'whole', min: 0, max: 1, error: t.error.flag },
    inputMessage: msg.日历工作日,
  }),
  { header: '工作日序号', kind: 'formula', width: 11, numFmt: '0', formula: calendarIndexFormula, locked: true },
  input('说明', 34),
  { header: '下一工作日', kind: 'formula', width: 11, numFmt: DATE_FORMAT, formula: calendarNextWorkdayFormula, locked: true },
  { header: '第N个工作日', kind: 'formula', width: 11, numFmt: DATE_FORMAT, formula: calendarNthWorkdayFormula, locked: true },
  // 结构版本 4: the deadlines of an item assigned on the row's date, read by 台账 (hidden, at the end)
  ...CALENDAR_DUE_COLUMNS.map((c): ColumnSpec => ({
    header: c.header,
    kind: 'formula',
    width: 11,
    numFmt: DATE_FORMAT,
    formula: calendarDueFormula(c.days),
    locked: true,
    hidden: true,
    note: t.computed.calendarDue,
  })),
];

export const LOG_COLUMNS: readonly ColumnSpec[] = [
  input('时间', 19, { numFmt: 'yyyy-mm-dd hh:mm:ss' }),
  input('操作人', 10),
  input('角色', 9),
  input('动作', 10),
  input('编号', 13),
  input('科室', 18),
  input('变更前', 30, { wrap: true }),
  input('变更后', 30, { wrap: true }),
  input('操作ID', 14, { hidden: true }),
];

export const listColumns = (headers: readonly string[], widths: readonly number[]): ColumnSpec[] =>
  headers.map((h, i) =>
    input(h, widths[i] ?? 12, {
      ...(h.includes('日期') || h === '整改期限' ? { numFmt: DATE_FORMAT } : {}),
      ...((widths[i] ?? 0) >= 30 ? { wrap: true } : {}),
    }),
  );

export const simpleTableSheet = (
  name: (typeof LEDGER_SHEETS)[number],
  tableName: string,
  columns: readonly ColumnSpec[],
  protect: boolean,
  tabColor?: string,
): SheetSpec => ({
  name,
  purpose: t.purpose[name],
  tabColor,
  tables: [{ name: tableName, headerRow: 1, firstCol: 1, columns: [...columns], style: 'TableStyleLight9' }],
  blocks: [],
  cells: [],
  conditionalFormats: [],
  freeze: { row: 1, col: 0 },
  protect,
});

export const reportSheet: SheetSpec = {
  name: SHEET.report,
  purpose: t.purpose.督查报告,
  tables: [],
  blocks: [],
  cells: [
    { address: 'A1', value: '督查报告', style: 'title', mergeTo: 'F1' },
    { address: 'A2', value: '督查日期', style: 'label' },
    { address: 'B2', style: 'input', numFmt: DATE_FORMAT },
    { address: 'A3', value: '统计区间', style: 'label' },
    { address: 'B3', style: 'input', numFmt: DATE_FORMAT },
    { address: 'C3', value: '至', style: 'label' },
    { address: 'D3', style: 'input', numFmt: DATE_FORMAT },
    ...t.lists.reportSections.map((s, i): CellSpec => ({ address: `A${5 + i * 10}`, value: s, style: 'heading', mergeTo: `F${5 + i * 10}` })),
  ],
  conditionalFormats: [],
  protect: false,
  printAs: 'document',
  widths: { A: 16, B: 16, C: 16, D: 16, E: 16, F: 30 },
};
