/**
 * 台账: the columns (input, computed, hidden helpers), conditional formats and print setup.
 */
import { workbook as t } from '../../i18n/workbook';
import { ASSIGN_LEVELS, GRADES, ITEM_KINDS, SOURCE_CATEGORIES, WORKFLOW_STATES } from '../../domain/types';
import { LEDGER, NONIMPL_STEPS } from '../formulas';
import { computed, countValidation, dateInput, helper, input, list } from './columns';
import { DATE_FORMAT, LAST_ROW, columnLetter, type ColumnSpec, type ConditionalFormatSpec, type SheetSpec } from './types';
import { SHEET } from '../sheetNames';

const msg = t.input;
const c = t.computed;

export const LEDGER_COLUMNS: readonly ColumnSpec[] = [
  input('编号', 13, { inputMessage: msg.编号 }),
  dateInput('立项日期', msg.立项日期),
  input('来源类别', 20, { validation: list(SOURCE_CATEGORIES), inputMessage: msg.来源类别, wrap: true }),
  input('交办层级', 18, { validation: list(ASSIGN_LEVELS), inputMessage: msg.交办层级 }),
  input('事项内容', 30, { inputMessage: msg.事项内容, wrap: true }),
  input('目标任务/工作要求', 26, { inputMessage: msg.目标任务, wrap: true }),
  input('承办科室', 15, {
    validation: { type: 'listRange', source: '科室人员!$A$2:$A$200', strict: false, error: t.error.section },
    inputMessage: msg.承办科室,
  }),
  input('协办科室', 14, { inputMessage: msg.协办科室 }),
  computed('第一责任人', 9, { note: c.第一责任人 }),
  computed('分管责任人', 9, { note: c.分管责任人 }),
  computed('直接责任人', 9, { note: c.直接责任人 }),
  input('事项类型', 9, { validation: list(ITEM_KINDS), inputMessage: msg.事项类型 }),
  dateInput('交办日期', msg.交办日期),
  dateInput('完成时限', msg.完成时限),
  computed('1天应报日', 11, { numFmt: DATE_FORMAT, note: c['1天应报日'] }),
  computed('3天应报日', 11, { numFmt: DATE_FORMAT, note: c['3天应报日'] }),
  computed('办结时限', 11, { numFmt: DATE_FORMAT, note: c.办结时限 }),
  dateInput('延期批准日', msg.延期批准日),
  dateInput('延期完成时限', msg.延期完成时限),
  input('延期节点', 18, { inputMessage: msg.延期节点, wrap: true }),
  dateInput('1天反馈日', msg.反馈日),
  dateInput('3天反馈日', msg.反馈日),
  dateInput('落实反馈日', msg.反馈日),
  computed('落实完成日', 11, { numFmt: DATE_FORMAT, note: c.落实完成日 }),
  computed('预警状态', 9, { note: c.预警状态, align: 'center' }),
  computed('逾期天数', 8, { numFmt: '0', note: c.逾期天数, align: 'center' }),
  input('最近进展', 22, { inputMessage: msg.最近进展, wrap: true }),
  input('办理状态', 9, { validation: list(WORKFLOW_STATES), inputMessage: msg.办理状态 }),
  dateInput('申请办结日', msg.申请办结日),
  dateInput('初核日期', msg.初核日期),
  dateInput('审定日期', msg.审定日期),
  dateInput('销号日期', msg.销号日期),
  input('评价等级', 8, { validation: list(GRADES), inputMessage: msg.评价等级 }),
  input('退回次数', 7, { validation: countValidation, inputMessage: msg.次数, numFmt: '0' }),
  input('催办次数', 7, { validation: countValidation, inputMessage: msg.次数, numFmt: '0' }),
  dateInput('最近催办日', msg.最近催办日),
  dateInput('敷衍推诿认定日', msg.认定日, { width: 13 }),
  dateInput('弄虚作假认定日', msg.认定日, { width: 13 }),
  input('关联编号', 13, { inputMessage: msg.关联编号 }),
  input('备注', 16, { wrap: true }),
  helper('辅助交办日'),
  helper('辅助销号日'),
  helper('辅助办结时限'),
  helper('辅助落实完成日'),
  helper('辅助1天应报日'),
  helper('辅助3天应报日'),
  helper('辅助1天反馈日'),
  helper('辅助3天反馈日'),
  helper('辅助1天按时'),
  helper('辅助3天按时'),
  helper('辅助办结按时'),
  helper('辅助逾期起'),
  helper('辅助催办起'),
  helper('辅助不落实起'),
  ...NONIMPL_STEPS.map((step) => helper(step.header)),
  helper('评价得分率'),
  // Written by the add-in with each registration: tells two co-authors' rows apart when they took
  // the same 编号 at the same moment (itemNumber.resolveCollisions). Hidden, not locked.
  input('操作ID', 14, { hidden: true }),
  // 佐证材料 came after the first ledgers: appended at the table's end, so 初始化台账 adds it to an
  // older ledger without moving a column any formula (or 月度考核) refers to. Everything between
  // 备注 and here is hidden, so a reader sees it right after 备注.
  input('佐证材料', 24, { inputMessage: msg.佐证材料, wrap: true }),
  // Helpers of the deadline, 预警状态 and 逾期天数 formulas (结构版本 4), appended after 佐证材料 for
  // the same reason: 交办日期's 日历 row (the deadlines are read there), and the two dates 逾期天数
  // counts between.
  helper('辅助日历行', { numFmt: '0', note: c.helperLedger }),
  helper('辅助逾期应办日', { note: c.helperLedger }),
  helper('辅助逾期截止日', { note: c.helperLedger }),
];

/** 1-based column of a 台账 header. */
export function ledgerColumn(header: string): number {
  const i = LEDGER_COLUMNS.findIndex((c) => c.header === header);
  if (i < 0) throw new Error(`no 台账 column ${header}`);
  return i + 1;
}
export const ledgerLetter = (header: string) => columnLetter(ledgerColumn(header));

/** The computed (formula) columns of 台账 that a reader sees (helpers excluded). */
export const LEDGER_COMPUTED = LEDGER_COLUMNS.filter((c) => c.kind === 'formula' && !c.hidden).map((c) => c.header);

const body = (letterFrom: string, letterTo: string) => `${letterFrom}2:${letterTo}${LAST_ROW}`;

const statusLetter = ledgerLetter('预警状态');
/** The 台账 columns the status tint colours: the identity block 编号 … 承办科室, and 预警状态. */
export const TINTED_COLUMNS: readonly string[] = [...LEDGER_COLUMNS.slice(0, ledgerColumn('承办科室')).map((c) => c.header), '预警状态'];
const overdueLetter = ledgerLetter('逾期天数');
const statusIs = (s: string) => `$${statusLetter}2="${s}"`;

/** The 预警状态 colours (statusColours.ts has the same fills for the pane and the 看板). */
const statusTint = (is: (s: string) => string): ConditionalFormatSpec['rules'] => [
  { type: 'expression', formula: is('逾期'), fill: 'FFFFC7CE' },
  { type: 'expression', formula: is('临近'), fill: 'FFFFEB9C' },
  { type: 'expression', formula: is('延期'), fill: 'FFDDEBF7' },
  { type: 'expression', formula: is('正常'), fill: 'FFE2EFDA' },
  { type: 'expression', formula: is('按期办结'), fill: 'FFE7E6E6' },
  { type: 'expression', formula: is('逾期办结'), fill: 'FFE7E6E6', fontColor: 'FFC00000' },
];

/**
 * The tint as ledgers made before it narrowed had it: the identity block's rules (`$Y2="逾期"` …)
 * over every column of the row. 初始化台账 finds such a rule on `probeColumn`, the first column
 * the tint no longer covers, and deletes it (Gnumeric took 185 s instead of 57 s on 10,000 items).
 */
export const RETIRED_WIDE_TINT = {
  probeColumn: LEDGER_COLUMNS[ledgerColumn('承办科室')].header,
  formulas: statusTint(statusIs).map((r) => (r.type === 'expression' ? r.formula : '')),
} as const;

export const ledgerSheet: SheetSpec = {
  name: SHEET.ledger,
  purpose: t.purpose.台账,
  tabColor: 'FF1F4E79',
  tables: [{ name: LEDGER, headerRow: 1, firstCol: 1, columns: [...LEDGER_COLUMNS], style: 'TableStyleLight9' }],
  blocks: [],
  cells: [],
  // The tint marks the item's identity block (编号 … 承办科室, 编号 frozen on screen) and its
  // 预警状态, not every cell of the row: Gnumeric's cost of a conditional format grows steeply with
  // the columns it spans (a 10,000-item ledger: 185 s CPU with the whole row tinted, 57 s with
  // these, 49 s with none; docs/rules.md "Workbook formulas").
  // LibreOffice applies only the first matching rule of a cell (Excel merges them); the 逾期天数
  // rules (bold red on the overdue tint) cover a cell no tint covers.
  conditionalFormats: [
    {
      range: body(overdueLetter, overdueLetter),
      rules: [
        { type: 'expression', formula: `AND(${statusIs('逾期')},N($${overdueLetter}2)>0)`, fill: 'FFFFC7CE', fontColor: 'FFC00000', bold: true },
        { type: 'expression', formula: `AND(${statusIs('逾期办结')},N($${overdueLetter}2)>0)`, fill: 'FFE7E6E6', fontColor: 'FFC00000', bold: true },
      ],
    },
    { range: body('A', ledgerLetter('承办科室')), rules: statusTint(statusIs) },
    // the status cell reads only itself (`Y2`, not `$Y2`): a rule reading another cell may keep a
    // stale colour in Excel on Windows when made through Office.js (office-js #5299, cfRefresh.ts)
    { range: body(statusLetter, statusLetter), rules: statusTint((s) => `${statusLetter}2="${s}"`) },
  ],
  freeze: { row: 1, col: 1 },
  protect: true,
  landscape: true,
  // 41 visible columns: two A3 pages across keep the print at ~80 %, 编号 repeated on each.
  fitToWidth: 2,
  printTitleColumns: 'A:A',
};
